package com.thrivecenter.clinic.staff.account;

import com.thrivecenter.clinic.staff.StaffProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff sign-in with a lock after too many wrong passwords. Each attempt is counted in the database before its
 * password is checked, by one conditional update that refuses while the account is locked; so however many
 * attempts arrive at once, at most {@code lock-after} passwords are checked before the lock. A right password
 * resets the count.
 */
@Component
public class LockoutAuthenticationProvider implements AuthenticationProvider {

    private final StaffAccountRepository accounts;
    private final StaffProperties properties;
    private final Clock clock;
    private final DaoAuthenticationProvider passwordCheck;

    public LockoutAuthenticationProvider(
            StaffAccountRepository accounts, PasswordEncoder passwords, StaffProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
        this.passwordCheck = new DaoAuthenticationProvider(new StaffUserDetailsService(accounts));
        this.passwordCheck.setPasswordEncoder(passwords);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName();
        Instant now = clock.instant();
        boolean counted = accounts.reserveAttempt(email, now, properties.lockAfter(), now.plus(properties.lockFor()));
        if (!counted && accounts.findByEmail(email).isPresent()) {
            throw new LockedException("Account locked");
        }
        // Not counted and no account: the password check still runs, so an unknown email takes as long as a known one.
        if (attempt.getCredentials() == null
                || !PasswordRule.fitsBcrypt(attempt.getCredentials().toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        Authentication signedIn = passwordCheck.authenticate(attempt);
        accounts.recordSuccess(email);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
