package com.thrivecenter.clinic.staff.factor;

import java.util.function.Supplier;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.util.function.SingletonSupplier;

/**
 * The passkeys' relying party, made when a staff member first uses a passkey rather than as the site starts: making
 * it builds webauthn4j's JSON and CBOR mappers, some 0.1 s and 390 classes that most starts (and every patient) never
 * need. Spring's passkey filters and the site's second factor all hold this one.
 */
final class RelyingPartyOnFirstUse implements WebAuthnRelyingPartyOperations {

    private final SingletonSupplier<WebAuthnRelyingPartyOperations> relyingParty;

    RelyingPartyOnFirstUse(Supplier<WebAuthnRelyingPartyOperations> make) {
        this.relyingParty = SingletonSupplier.of(make);
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return relyingParty.obtain().createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return relyingParty.obtain().registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return relyingParty.obtain().createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return relyingParty.obtain().authenticate(request);
    }
}
