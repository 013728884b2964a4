package com.thrivecenter.clinic.staff.images;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The name a picture is stored under: lower-case letters, digits and hyphens, so its address needs no escaping
 * and reads well in Markdown ("Dr. Müller's office.JPG" becomes "dr-muller-s-office"). The extension comes from
 * the picture's type, never from what staff typed.
 */
final class ImageName {

    static final int MAX_LENGTH = 60;

    private ImageName() {}

    /** Empty when nothing usable is left ("???", or only an extension). */
    static Optional<String> clean(String typed) {
        String withoutExtension = typed.strip().replaceFirst("\\.(?i:png|jpe?g|webp|gif|svg|html?)$", "");
        String cleaned = Normalizer.normalize(withoutExtension, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
    }
}
