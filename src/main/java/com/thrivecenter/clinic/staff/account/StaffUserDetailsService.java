package com.thrivecenter.clinic.staff.account;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads staff from their database accounts; a disabled account cannot sign in. Locks are decided before this
 * is asked, by {@link LockoutAuthenticationProvider}.
 */
public class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccountRepository accounts;

    public StaffUserDetailsService(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        StaffAccount account =
                accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new StaffPrincipal(
                account.email(),
                account.passwordHash(),
                account.enabled(),
                List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())),
                account.sessionStamp());
    }
}
