package com.thrivecenter.clinic.staff;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The staff area's guarantees on a real PostgreSQL server, started for this test, in the production profile. */
// The embedded PostgreSQL stops with the class: its context (and connection pool) must not outlive it.
@DirtiesContext
@ActiveProfiles("postgres")
class PostgresStaffSecurityIT extends StaffSecurityScenarios {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.register(POSTGRES, registry);
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }
}
