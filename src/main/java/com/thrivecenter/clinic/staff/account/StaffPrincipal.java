package com.thrivecenter.clinic.staff.account;

import java.io.Serial;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in member of staff, with the account's session stamp as it was at sign-in; kept in the session (so
 * serialisable), and compared with the database on every staff request by {@link SessionStampFilter}.
 */
public class StaffPrincipal extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long sessionStamp;

    StaffPrincipal(
            String email,
            String passwordHash,
            boolean enabled,
            Collection<? extends GrantedAuthority> authorities,
            long sessionStamp) {
        super(email, passwordHash, enabled, true, true, true, authorities);
        this.sessionStamp = sessionStamp;
    }

    public long sessionStamp() {
        return sessionStamp;
    }
}
