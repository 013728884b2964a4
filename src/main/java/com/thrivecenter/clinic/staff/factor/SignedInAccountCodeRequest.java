package com.thrivecenter.clinic.staff.factor;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;

/**
 * A code is made only for the account that has just given its password, never for a name in the request: so nobody
 * can send codes to someone else's mailbox. Without a password in the session there is no code (the request goes
 * on and meets the sign-in page).
 */
class SignedInAccountCodeRequest implements GenerateOneTimeTokenRequestResolver {

    private final Duration validity;

    SignedInAccountCodeRequest(Duration validity) {
        this.validity = validity;
    }

    @Override
    public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !SecondFactorConfig.gavePassword(signedIn)) {
            return null;
        }
        return new GenerateOneTimeTokenRequest(signedIn.getName(), validity);
    }
}
