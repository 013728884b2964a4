package com.thrivecenter.clinic.staff.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/** A passkey only ever completes a sign-in that began with the same account's password. */
class PasskeySecondFactorTests {

    private static final String STAFF = "staff@clinic.example";

    private final WebAuthnRelyingPartyOperations relyingParty = mock(WebAuthnRelyingPartyOperations.class);
    private final PasskeySecondFactor secondFactor = new PasskeySecondFactor(relyingParty);
    private final WebAuthnAuthenticationRequestToken passkey =
            new WebAuthnAuthenticationRequestToken(mock(RelyingPartyAuthenticationRequest.class));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theAccountsOwnPasskeyAddsTheFactorToThePasswordSignIn() {
        signedInWithPassword(STAFF);
        passkeyBelongsTo(STAFF);

        Authentication done = secondFactor.authenticate(passkey);

        assertThat(done.getName()).isEqualTo(STAFF);
        assertThat(done.getPrincipal())
                .as("the principal of the password sign-in is kept")
                .isEqualTo(STAFF);
        assertThat(done.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains(
                        "ROLE_STAFF",
                        FactorGrantedAuthority.PASSWORD_AUTHORITY,
                        FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
    }

    @Test
    void withoutThePasswordFirstAPasskeyIsNotEvenChecked() {
        assertThatThrownBy(() -> secondFactor.authenticate(passkey)).isInstanceOf(BadCredentialsException.class);
        verify(relyingParty, never()).authenticate(any());
    }

    @Test
    void anotherAccountsPasskeyIsRefused() {
        signedInWithPassword(STAFF);
        passkeyBelongsTo("someone.else@clinic.example");

        assertThatThrownBy(() -> secondFactor.authenticate(passkey)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aPasskeyThatDoesNotVerifyIsRefused() {
        signedInWithPassword(STAFF);
        when(relyingParty.authenticate(any())).thenThrow(new IllegalArgumentException("bad signature"));

        assertThatThrownBy(() -> secondFactor.authenticate(passkey)).isInstanceOf(BadCredentialsException.class);
    }

    private static void signedInWithPassword(String email) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        email,
                        null,
                        List.of(
                                new SimpleGrantedAuthority("ROLE_STAFF"),
                                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY))));
    }

    private void passkeyBelongsTo(String email) {
        when(relyingParty.authenticate(any()))
                .thenReturn(ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(Bytes.random())
                        .name(email)
                        .displayName(email)
                        .build());
    }
}
