package com.thrivecenter.clinic.content.history;

import java.util.Locale;

/** A path relative to the content folder as the history accepts it: '/' separated, staying inside the folder. */
final class ContentPath {

    private ContentPath() {}

    /** The path itself, or an IllegalArgumentException naming what is wrong with it. */
    static String check(String file) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("no file named");
        }
        if (file.startsWith("/") || file.contains("\\") || file.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a path inside the content folder: " + file);
        }
        for (String part : file.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("not a path inside the content folder: " + file);
            }
            if (part.toLowerCase(Locale.ROOT).equals(".git")) {
                throw new IllegalArgumentException("the history's own files are not content: " + file);
            }
        }
        return file;
    }
}
