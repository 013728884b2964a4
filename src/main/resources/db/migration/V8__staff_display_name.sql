-- The name a clinician's approval shows on public pages ("Medically reviewed by Dr. Ana Lee, MD"): never the
-- account's email address, which is not for the public.
ALTER TABLE staff_account ADD COLUMN display_name VARCHAR(100);
