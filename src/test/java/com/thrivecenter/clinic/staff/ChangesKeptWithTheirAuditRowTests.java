package com.thrivecenter.clinic.staff;

import org.springframework.boot.test.context.SpringBootTest;

/** Staff changes kept with their audit rows, on the default database (H2). */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
class ChangesKeptWithTheirAuditRowTests extends ChangesKeptWithTheirAuditRowContract {

    @Override
    String leavingExistingRowsUnchecked() {
        return "NOCHECK";
    }
}
