package com.thrivecenter.clinic.staff;

import com.thrivecenter.clinic.OnEmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;

/** Staff changes kept with their audit rows, on a real PostgreSQL server with the production profile. */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
@OnEmbeddedPostgres
class PostgresChangesKeptWithTheirAuditRowIT extends ChangesKeptWithTheirAuditRowContract {

    @Override
    String leavingExistingRowsUnchecked() {
        return "NOT VALID";
    }
}
