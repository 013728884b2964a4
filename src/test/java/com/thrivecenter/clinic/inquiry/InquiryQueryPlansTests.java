package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.RecordedStatements;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Storing an inquiry must cost the same with a hundred thousand stored: every row it reads or changes is found
 * through an index that matches the statement's conditions. H2 picks an index from estimates, which a nearly empty
 * database (a new site) misleads most, and keeps a plan for as long as the statement stays in a connection's cache;
 * so the plans are made here on a nearly empty database.
 */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
@Import(RecordedStatements.Config.class)
class InquiryQueryPlansTests {

    @Autowired
    RecordedStatements database;

    @Autowired
    InquiryService inquiries;

    @Test
    void storingAnInquiryFindsEveryRowItReadsThroughAMatchingIndex() throws Exception {
        JdbcClient.create(database).sql("DELETE FROM inquiry").update();
        TestInquiry.anInquiry().submitTo(inquiries);

        List<String> plans = database.plansOf(() -> TestInquiry.anInquiry().submitTo(inquiries));

        assertThat(plans)
                .filteredOn(plan -> !plan.startsWith("INSERT"))
                // H2 names the indexes of keys and constraints with a number of its own.
                .map(plan -> plan.replaceAll("\\s+", " ").replaceAll("(PRIMARY_KEY|_INDEX)_[0-9A-F]+", "$1"))
                .containsExactly(
                        // The rate limit's row for the sender's address.
                        """
                        UPDATE "PUBLIC"."INQUIRY_CLIENT" /* PUBLIC.PRIMARY_KEY: CLIENT_HASH = ?2 */ \
                        SET "LAST_SENT_AT" = ?1 WHERE "CLIENT_HASH" = ?2""",
                        // A form sent twice is stored once.
                        """
                        SELECT "REFERENCE" FROM "PUBLIC"."INQUIRY" \
                        /* PUBLIC.INQUIRY_SUBMISSION_KEY_UNIQUE_INDEX: SUBMISSION_KEY = ?1 */ \
                        WHERE "SUBMISSION_KEY" = ?1""",
                        // The sender's inquiries within the rate limit's window.
                        """
                        SELECT COUNT(*) FROM "PUBLIC"."INQUIRY" \
                        /* PUBLIC.INQUIRY_CLIENT_RECEIVED: CLIENT_HASH = ?1 AND RECEIVED_AT >= ?2 */ \
                        WHERE ("CLIENT_HASH" = ?1) AND ("RECEIVED_AT" >= ?2)""");
    }
}
