package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.staff.account.StaffAccountRepository;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator's reset of another account's second factors, for a lost or stolen phone or security key: its
 * passkeys and any codes not yet used are removed and its open sessions end, so the person signs in again with the
 * password and a code sent by email. The reset and its audit row are kept together, or neither.
 */
@Service
public class FactorReset {

    private final Passkeys passkeys;
    private final JdbcClient jdbc;
    private final StaffAccountRepository accounts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    public FactorReset(
            Passkeys passkeys,
            JdbcClient jdbc,
            StaffAccountRepository accounts,
            AuditLog audit,
            TransactionTemplate transaction) {
        this.passkeys = passkeys;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Returns how many passkeys were removed; {@code account} is the account's email as stored. */
    public int reset(String admin, String account) {
        return transaction.execute(status -> {
            int removed = passkeys.removeAll(account);
            jdbc.sql("DELETE FROM one_time_tokens WHERE username = :account")
                    .param("account", account)
                    .update();
            accounts.endSessions(account);
            audit.record(
                    admin,
                    AuditAction.STAFF_FACTORS_RESET,
                    account,
                    removed == 1 ? "1 passkey removed" : removed + " passkeys removed");
            return removed;
        });
    }
}
