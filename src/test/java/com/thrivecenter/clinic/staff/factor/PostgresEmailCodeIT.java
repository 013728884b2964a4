package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The second factor by email on PostgreSQL, where the postgres profile requires it. */
@DirtiesContext
@ActiveProfiles("postgres")
class PostgresEmailCodeIT extends EmailCodeScenarios {

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
