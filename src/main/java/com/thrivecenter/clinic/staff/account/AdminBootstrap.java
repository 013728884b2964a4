package com.thrivecenter.clinic.staff.account;

import com.thrivecenter.clinic.staff.StaffProperties;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On the first start, with no account yet, creates the first administrator so someone can sign in. */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final StaffAccountRepository accounts;
    private final AccountService accountService;
    private final StaffProperties properties;

    public AdminBootstrap(StaffAccountRepository accounts, AccountService accountService, StaffProperties properties) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password.isBlank();
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        } else {
            PasswordRule.problem(password).ifPresent(problem -> {
                throw new IllegalStateException("CLINIC_STAFF_ADMIN_PASSWORD is not accepted. " + problem);
            });
        }
        accountService.create("system", properties.adminEmail(), password, Role.ADMIN);
        if (generated) {
            // Printed once, on purpose: without it nobody could sign in. Change it after signing in.
            log.warn(
                    "Created the first staff administrator {} with the password {} ; sign in at /staff and keep it safe",
                    properties.adminEmail(),
                    password);
        } else {
            log.info("Created the first staff administrator {}", properties.adminEmail());
        }
    }
}
