package com.thrivecenter.clinic.inquiry;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Seals what a patient wrote (AES-256-GCM through Tink) and computes the blind indexes that find it again. Every
 * sealed value is bound to its place, the row and column it belongs in, as associated data: a value copied into
 * another row or column does not open. A blind index is a keyed hash (HMAC-SHA256) of a normalised value, so an
 * exact email, phone number or name can be looked up without the database knowing any of them.
 */
public final class PatientCipher {

    private static final int INDEX_BYTES = 32;

    private final Aead aead;
    private final PrfSet index;

    PatientCipher(KeysetHandle data, KeysetHandle index) {
        try {
            this.aead = data.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.index = index.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data keysets are not an AEAD keyset and a PRF keyset", e);
        }
    }

    /** The place of one column of an inquiry row. */
    public static String inquiryPlace(String reference, String column) {
        return "inquiry/" + reference + "/" + column;
    }

    /** The place of a note's text. */
    static String notePlace(long noteId) {
        return "inquiry_note/" + noteId + "/body";
    }

    String seal(String plain, String place) {
        try {
            return Base64.getEncoder()
                    .encodeToString(aead.encrypt(
                            plain.getBytes(StandardCharsets.UTF_8), place.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a value for " + place, e);
        }
    }

    /** Fails when the value was sealed for another place or under a key the keyset no longer holds. */
    public String open(String sealed, String place) {
        try {
            return new String(
                    aead.decrypt(Base64.getDecoder().decode(sealed), place.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SealedValueException("A sealed value for " + place + " does not open with the data keyset", e);
        }
    }

    /** Trimmed and in lower case: "Pat@Example.org " and "pat@example.org" are one address. */
    Optional<String> emailIndex(String email) {
        return blindIndex("email", email.strip().toLowerCase(Locale.ROOT));
    }

    /** Digits only: "(555) 010-0142" and "555 010 0142" are one number. */
    Optional<String> phoneIndex(String phone) {
        return blindIndex("phone", phone.replaceAll("\\D", ""));
    }

    /** Trimmed, inner spaces collapsed, in lower case: " Rosa  EXAMPLE" finds "Rosa Example". */
    Optional<String> nameIndex(String name) {
        return blindIndex("name", name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    /** Empty for an empty value, which identifies nobody. */
    private Optional<String> blindIndex(String kind, String normalised) {
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] hash = index.computePrimary((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8), INDEX_BYTES);
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not compute a blind index", e);
        }
    }

    /** A sealed value that cannot be opened: wrong key, wrong place, or altered. */
    public static final class SealedValueException extends IllegalStateException {
        SealedValueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
