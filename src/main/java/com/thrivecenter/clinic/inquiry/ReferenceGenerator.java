package com.thrivecenter.clinic.inquiry;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Makes the reference a patient quotes, like TCH-7K3Q9X: random, so it reveals nothing about how many
 * inquiries there are, and free of look-alike characters (0/O, 1/I/L) so it reads well over the phone.
 */
@Component
public class ReferenceGenerator {

    private static final String PREFIX = "TCH-";
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 6;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder reference = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
