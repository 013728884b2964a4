-- The staff inbox lists inquiries newest first (ORDER BY received_at DESC, id DESC), all of them or those of one
-- status, a page at a time, and counts them. With both sort columns in the index, in the order the inbox reads
-- them, a page is read from the index in order instead of sorting every matching row (H2 sorted all of them), and
-- a status's rows and their count are one range of an index instead of a scan of the table. The old index on the
-- arrival time alone is a prefix of the new one, which serves the retention purge and the date filter as well.
-- Plain SQL for H2 and PostgreSQL alike.

CREATE INDEX inquiry_newest ON inquiry (received_at DESC, id DESC);
CREATE INDEX inquiry_status_newest ON inquiry (status, received_at DESC, id DESC);
DROP INDEX inquiry_received;
