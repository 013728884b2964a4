package com.thrivecenter.clinic.site;

/**
 * Removes control characters from text a client typed: the C0 set (NUL, ESC, backspace...), DEL and the C1
 * set. Tab, line feed and carriage return stay, because a message or a note has lines. PostgreSQL refuses NUL
 * in text outright, and the rest can only hide or garble what staff read. Direction marks and zero-width
 * characters are kept: they are text in some languages, and pages escape them like any other character.
 */
final class ControlCharacters {

    private ControlCharacters() {}

    static String strip(String value) {
        if (value == null || value.chars().noneMatch(ControlCharacters::isRemoved)) {
            return value; // the usual case costs one scan and no copy
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.chars().filter(c -> !isRemoved(c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static boolean isRemoved(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
