package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.ADMIN;
import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static com.thrivecenter.clinic.staff.StaffFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.InquiryStatus;
import com.thrivecenter.clinic.inquiry.Reason;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import com.thrivecenter.clinic.staff.inbox.InquiryActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each staff action and its audit row are one transaction: with the audit table gone (as if its insert failed),
 * the action fails and leaves nothing changed, so nothing happens in the staff area that the log does not show.
 */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.admin-email=" + StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password=first-admin-password"
        })
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class StaffActionAtomicityTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountService accounts;

    @Autowired
    InquiryActions actions;

    @Autowired
    InquiryService inquiries;

    private String reference;

    @BeforeEach
    void freshData() {
        StaffFixture.clear(jdbc);
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
        reference = TestInquiry.anInquiry()
                .receivedAt(clock.instant())
                .from("Tess Transaction", "tess@example.org")
                .about(Reason.MIGRAINE, "")
                .submitTo(inquiries);
    }

    @AfterEach
    void restoreTheAuditTable() {
        if (jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'audit_event_away'")
                        .query(Integer.class)
                        .single()
                == 1) {
            jdbc.sql("ALTER TABLE audit_event_away RENAME TO audit_event").update();
        }
    }

    private void whenTheAuditFails(Executable action) {
        jdbc.sql("ALTER TABLE audit_event RENAME TO audit_event_away").update();
        assertThatThrownBy(action::execute).isInstanceOf(DataAccessException.class);
        jdbc.sql("ALTER TABLE audit_event_away RENAME TO audit_event").update();
    }

    private String staffAccount() {
        return jdbc.sql("SELECT role || ' ' || enabled || ' ' || password_hash FROM staff_account WHERE email = :e")
                .param("e", STAFF)
                .query(String.class)
                .single();
    }

    @Test
    void aStatusChangeIsUndoneWhenItsAuditRowCannotBeWritten() {
        whenTheAuditFails(() -> actions.changeStatus(STAFF, reference, InquiryStatus.CLOSED));

        assertThat(jdbc.sql("SELECT status FROM inquiry").query(String.class).single())
                .isEqualTo("NEW");
    }

    @Test
    void aNoteIsUndoneWhenItsAuditRowCannotBeWritten() {
        whenTheAuditFails(() -> actions.addNote(STAFF, reference, "Called back."));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry_note")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void accountChangesAreUndoneWhenTheirAuditRowsCannotBeWritten() {
        String before = staffAccount();

        whenTheAuditFails(() -> accounts.create(ADMIN, "new.person@clinic.example", PASSWORD, Role.ADMIN));
        whenTheAuditFails(() -> accounts.setEnabled(ADMIN, STAFF, false));
        whenTheAuditFails(() -> accounts.changeRole(ADMIN, STAFF, Role.ADMIN));
        whenTheAuditFails(() -> accounts.resetPassword(ADMIN, STAFF, "another long password"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE email = 'new.person@clinic.example'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(staffAccount()).isEqualTo(before);
    }

    @Test
    void withTheAuditWorkingEachChangeIsKeptWithItsRow() {
        actions.changeStatus(STAFF, reference, InquiryStatus.CLOSED);
        accounts.setEnabled(ADMIN, STAFF, false);

        assertThat(jdbc.sql("SELECT status FROM inquiry").query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE actor <> 'test' ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly("STATUS_CHANGED", "ACCOUNT_DISABLED");
    }
}
