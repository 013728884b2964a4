package com.thrivecenter.clinic.staff.audit;

import com.thrivecenter.clinic.OnEmbeddedPostgres;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;

/** The audit chain on a real PostgreSQL server, with the production profile and migrations. */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
@OnEmbeddedPostgres
class PostgresAuditChainIT extends AuditChainContract {

    @Override
    List<String> databaseArguments(String jdbcUrl) {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
    }
}
