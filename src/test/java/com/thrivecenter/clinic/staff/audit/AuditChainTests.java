package com.thrivecenter.clinic.staff.audit;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;

/** The audit chain on H2, the embedded database. */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
class AuditChainTests extends AuditChainContract {

    @Override
    List<String> databaseArguments(String jdbcUrl) {
        return List.of("--spring.datasource.url=" + jdbcUrl);
    }
}
