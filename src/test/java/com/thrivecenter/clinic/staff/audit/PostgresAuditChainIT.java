package com.thrivecenter.clinic.staff.audit;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit chain on a real PostgreSQL server, with the production profile and migrations. */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
// The embedded PostgreSQL stops with the class: its context (and connection pool) must not outlive it.
@DirtiesContext
@ActiveProfiles("postgres")
class PostgresAuditChainIT extends AuditChainContract {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.register(POSTGRES, registry);
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Override
    List<String> databaseArguments(String jdbcUrl) {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
    }
}
