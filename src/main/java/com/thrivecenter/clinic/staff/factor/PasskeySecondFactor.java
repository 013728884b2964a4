package com.thrivecenter.clinic.staff.factor;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * A passkey as the second factor only: it is checked only after the password, must be the same account's, and adds
 * Spring's WEBAUTHN factor to the sign-in the session already holds. Spring's own provider would start a sign-in of
 * its own; this keeps the account's principal (and so its session stamp) and never lets a passkey stand in for the
 * password, its lockout and its audit.
 */
class PasskeySecondFactor implements AuthenticationProvider {

    private final WebAuthnRelyingPartyOperations relyingParty;

    PasskeySecondFactor(WebAuthnRelyingPartyOperations relyingParty) {
        this.relyingParty = relyingParty;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        Authentication session = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || !SecondFactorConfig.gavePassword(session)) {
            throw new BadCredentialsException("A passkey is asked for after the password, not instead of it");
        }
        PublicKeyCredentialUserEntity owner;
        try {
            owner = relyingParty.authenticate(((WebAuthnAuthenticationRequestToken) request).getWebAuthnRequest());
        } catch (RuntimeException e) {
            throw new BadCredentialsException("The passkey did not verify", e);
        }
        if (!owner.getName().equals(session.getName())) {
            throw new BadCredentialsException("The passkey is another account's");
        }
        return session.toBuilder()
                .authorities(factors ->
                        factors.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)))
                .build();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
