package com.thrivecenter.clinic.staff.audit;

/** An audit row as read back: what its hash should cover, and the hash it carries (null if never sealed). */
record StoredEvent(ChainedEvent event, String hash) {

    boolean sealed() {
        return hash != null;
    }
}
