package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static com.thrivecenter.clinic.staff.StaffFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.InquiryStatus;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.factor.FactorReset;
import com.thrivecenter.clinic.staff.inbox.InquiryActions;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A staff change and its audit row are kept together or not at all: when the database refuses the audit row, the
 * change is undone. Each service writes its transaction out ({@code TransactionTemplate}); here the refusal is a
 * check on the audit table that turns down one action. Subclasses choose the database.
 */
abstract class ChangesKeptWithTheirAuditRowContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    InquiryActions inquiryActions;

    @Autowired
    FactorReset factorReset;

    @Autowired
    InquiryService inquiries;

    private String reference;

    @BeforeEach
    void anAccountAndAnInquiry() {
        StaffFixture.clear(jdbc);
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
        reference = TestInquiry.anInquiry().submitTo(inquiries);
    }

    @AfterEach
    void auditAcceptsEverythingAgain() {
        jdbc.sql("ALTER TABLE audit_event DROP CONSTRAINT IF EXISTS refused_in_test")
                .update();
    }

    @Test
    void anAccountChangeIsUndoneWithItsAuditRow() {
        Map<String, Object> before = account();

        refuseAudit(AuditAction.ACCOUNT_DISABLED);
        assertThatThrownBy(() -> accounts.setEnabled("test", STAFF, false)).isInstanceOf(DataAccessException.class);
        refuseAudit(AuditAction.ROLE_CHANGED);
        assertThatThrownBy(() -> accounts.changeRole("test", STAFF, Role.ADMIN))
                .isInstanceOf(DataAccessException.class);
        refuseAudit(AuditAction.DISPLAY_NAME_CHANGED);
        assertThatThrownBy(() -> accounts.setDisplayName("test", STAFF, "Dana"))
                .isInstanceOf(DataAccessException.class);
        refuseAudit(AuditAction.PASSWORD_RESET);
        assertThatThrownBy(() -> accounts.resetPassword("test", STAFF, "another long password"))
                .isInstanceOf(DataAccessException.class);

        assertThat(account()).isEqualTo(before);
    }

    @Test
    void anAccountIsNotCreatedWithoutItsAuditRow() {
        refuseAudit(AuditAction.ACCOUNT_CREATED);

        assertThatThrownBy(() -> accounts.create("test", "new@clinic.example", PASSWORD, Role.STAFF))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE email = 'new@clinic.example'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anInquiryChangeIsUndoneWithItsAuditRow() {
        refuseAudit(AuditAction.STATUS_CHANGED);
        assertThatThrownBy(() -> inquiryActions.changeStatus("test", reference, InquiryStatus.CLOSED))
                .isInstanceOf(DataAccessException.class);
        refuseAudit(AuditAction.NOTE_ADDED);
        assertThatThrownBy(() -> inquiryActions.addNote("test", reference, "Called back"))
                .isInstanceOf(DataAccessException.class);
        refuseAudit(AuditAction.PATIENT_ERASED);
        assertThatThrownBy(() -> inquiryActions.erasePatient("test", reference))
                .isInstanceOf(DataAccessException.class);

        assertThat(jdbc.sql("SELECT status FROM inquiry WHERE reference = :reference")
                        .param("reference", reference)
                        .query(String.class)
                        .single())
                .isEqualTo(InquiryStatus.NEW.name());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry_note")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFactorResetIsUndoneWithItsAuditRow() {
        jdbc.sql("INSERT INTO one_time_tokens (token_value, username, expires_at) VALUES ('code', :email, :at)")
                .param("email", STAFF)
                .param("at", LocalDateTime.now().plusMinutes(5))
                .update();
        Map<String, Object> before = account();
        refuseAudit(AuditAction.STAFF_FACTORS_RESET);

        assertThatThrownBy(() -> factorReset.reset("test", STAFF)).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM one_time_tokens")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(account()).isEqualTo(before);
    }

    private Map<String, Object> account() {
        return jdbc.sql("SELECT * FROM staff_account WHERE email = :email")
                .param("email", STAFF)
                .query()
                .singleRow();
    }

    /** From now on the database refuses new audit rows of this action (and only this one). */
    private void refuseAudit(AuditAction action) {
        auditAcceptsEverythingAgain();
        jdbc.sql("ALTER TABLE audit_event ADD CONSTRAINT refused_in_test CHECK (action <> '" + action.name() + "') "
                        + leavingExistingRowsUnchecked())
                .update();
    }

    /** How this database's {@code ADD CONSTRAINT} leaves the rows already there alone. */
    abstract String leavingExistingRowsUnchecked();
}
