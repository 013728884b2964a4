package com.thrivecenter.clinic.staff.account;

import java.time.Clock;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs staff in from their database accounts; a disabled or locked account cannot sign in. */
@Service
public class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccountRepository accounts;
    private final Clock clock;

    public StaffUserDetailsService(StaffAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        StaffAccount account = accounts.findByEmail(email)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return User.withUsername(account.email())
                .password(account.passwordHash())
                .roles(account.role().name())
                .disabled(!account.enabled())
                .accountLocked(account.isLockedAt(clock.instant()))
                .build();
    }
}
