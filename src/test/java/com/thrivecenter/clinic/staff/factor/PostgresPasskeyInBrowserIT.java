package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Passkeys as the second factor on PostgreSQL: Spring's tables in the portable form of V10. */
@DirtiesContext
@ActiveProfiles("postgres")
class PostgresPasskeyInBrowserIT extends PasskeyScenarios {

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
