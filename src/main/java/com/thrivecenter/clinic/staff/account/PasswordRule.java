package com.thrivecenter.clinic.staff.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a staff password must be: long enough to resist guessing, not one of the 10,000 passwords people choose
 * most often (in any case), and no longer than bcrypt reads (72 bytes of UTF-8, so fewer characters when they are
 * accented letters or emoji). The one place this rule is written: account creation, password resets and the
 * first administrator's password all ask it.
 */
public final class PasswordRule {

    public static final int MIN_CHARACTERS = 12;
    public static final int MAX_BYTES = 72;
    public static final String HINT = "At least " + MIN_CHARACTERS + " characters and at most " + MAX_BYTES
            + " bytes (accented letters take 2 bytes each, emoji 4), and not one of the most common passwords.";

    private PasswordRule() {}

    /** Empty when the password is acceptable, otherwise what to tell the person who chose it. */
    public static Optional<String> problem(String password) {
        if (password.length() < MIN_CHARACTERS) {
            return Optional.of("Choose a password of at least " + MIN_CHARACTERS + " characters.");
        }
        if (!fitsBcrypt(password)) {
            return Optional.of("Choose a shorter password: at most " + MAX_BYTES + " bytes, that is " + MAX_BYTES
                    + " plain letters, digits or spaces, fewer with accented letters or emoji.");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of("This password is one of the most common passwords, the first that anyone guessing"
                    + " would try. Choose another: a few unrelated words make a strong one.");
        }
        return Optional.empty();
    }

    /** Whether bcrypt can check this password at all; a longer one can never be right. */
    static boolean fitsBcrypt(CharSequence password) {
        return password.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
