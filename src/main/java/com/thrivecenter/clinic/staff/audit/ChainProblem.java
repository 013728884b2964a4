package com.thrivecenter.clinic.staff.audit;

/** One break in the audit chain: the row where it shows and what kind it is, never the row's content. */
public record ChainProblem(long id, Kind kind) {

    public enum Kind {
        EDITED("changed after it was written"),
        ROWS_MISSING_BEFORE("one or more rows before it were deleted"),
        OUT_OF_ORDER("out of order: it was chained after another row than the one before it"),
        NOT_SEALED("added outside the site (it has no hash)"),
        NEWEST_ROWS_MISSING("the newest rows, up to and including this one, were deleted");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** "Row 42: changed after it was written". */
    public String describe() {
        return "Row " + id + ": " + kind.description();
    }
}
