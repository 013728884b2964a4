package com.thrivecenter.clinic.staff;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The accounts staff tests sign in with, and a database cleared of what other tests in the same context left. */
final class StaffFixture {

    /** The administrator the site creates on start (clinic.staff.admin-email), kept across tests. */
    static final String FIRST_ADMIN = "first.admin@clinic.example";

    static final String ADMIN = "admin@clinic.example";
    static final String STAFF = "staff@clinic.example";
    static final String PASSWORD = "correct horse battery";

    private StaffFixture() {}

    /** No inquiries, no audit events (an empty chain), and no account but the first administrator. */
    static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM inquiry").update();
        jdbc.sql("DELETE FROM audit_event").update();
        // A new chain: the next row is the first link again.
        jdbc.sql("UPDATE audit_chain_head SET last_id = NULL, last_hash = NULL").update();
        jdbc.sql("DELETE FROM staff_account WHERE email <> :firstAdmin")
                .param("firstAdmin", FIRST_ADMIN)
                .update();
    }
}
