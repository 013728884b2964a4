package com.thrivecenter.clinic.staff.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 10,000 passwords that people choose most often (the list shipped as {@code common-passwords.txt}, with its
 * source in its first line): the first ones an attacker tries. Read once, on first use, into an immutable set.
 */
final class CommonPasswords {

    private static final String LIST = "common-passwords.txt";

    private CommonPasswords() {}

    /** Whether the password, in any mix of upper and lower case, is on the list. */
    static boolean contains(String password) {
        return Loaded.ENTRIES.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Loaded.ENTRIES.size();
    }

    /** Loaded by the JVM when first asked for, once, so a site that never checks a password never reads it. */
    private static final class Loaded {
        private static final Set<String> ENTRIES = read();
    }

    private static Set<String> read() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords is missing: " + LIST);
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return lines.lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(line -> line.strip().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
