package com.thrivecenter.clinic.staff.inbox;

import java.util.List;

/** "3 inquiries: TCH-AAAAAA, TCH-BBBBBB, TCH-CCCCCC", shortened to fit an audit row's detail. */
final class ReferenceList {

    private static final int MAX_LENGTH = 400;

    private ReferenceList() {}

    static String describe(List<String> references) {
        String full = references.size()
                + (references.size() == 1 ? " inquiry: " : " inquiries: ")
                + String.join(", ", references);
        return full.length() <= MAX_LENGTH ? full : full.substring(0, MAX_LENGTH - 1) + "…";
    }
}
