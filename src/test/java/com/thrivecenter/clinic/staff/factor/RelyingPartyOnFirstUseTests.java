package com.thrivecenter.clinic.staff.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/** The relying party is made once, on its first use, and then answers every call. */
class RelyingPartyOnFirstUseTests {

    private final WebAuthnRelyingPartyOperations made = mock(WebAuthnRelyingPartyOperations.class);
    private final AtomicInteger makings = new AtomicInteger();
    private final RelyingPartyOnFirstUse relyingParty = new RelyingPartyOnFirstUse(() -> {
        makings.incrementAndGet();
        return made;
    });

    @Test
    void nothingIsMadeUntilAPasskeyIsUsed() {
        assertThat(makings).hasValue(0);
    }

    @Test
    void theFirstUseMakesItAndEveryUseAsksTheOneMade() {
        PublicKeyCredentialRequestOptionsRequest optionsRequest = mock(PublicKeyCredentialRequestOptionsRequest.class);
        PublicKeyCredentialRequestOptions options = mock(PublicKeyCredentialRequestOptions.class);
        when(made.createCredentialRequestOptions(optionsRequest)).thenReturn(options);
        RelyingPartyAuthenticationRequest passkey = mock(RelyingPartyAuthenticationRequest.class);
        PublicKeyCredentialUserEntity owner = mock(PublicKeyCredentialUserEntity.class);
        when(made.authenticate(passkey)).thenReturn(owner);

        assertThat(relyingParty.createCredentialRequestOptions(optionsRequest)).isSameAs(options);
        assertThat(relyingParty.authenticate(passkey)).isSameAs(owner);
        assertThat(makings).hasValue(1);
    }
}
