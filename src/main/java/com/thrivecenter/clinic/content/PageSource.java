package com.thrivecenter.clinic.content;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content file's text split at its front matter: the YAML between the two '---' lines, and the Markdown after
 * them, with the file line the Markdown starts on.
 */
public record PageSource(String frontMatter, String body, int bodyFirstLine) {

    private static final String FENCE = "---";

    /**
     * Every line break YAML knows, so that a line number from the front matter is a line of the file; a lone "\r"
     * (old Mac files) and the Unicode line and paragraph separators included.
     */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");

    /** Empty when the text does not start with a '---' line, or its front matter is never closed. */
    public static Optional<PageSource> split(String text) {
        String[] lines = LINE_BREAK.split(text.replace("\uFEFF", ""), -1);
        if (!lines[0].strip().equals(FENCE)) {
            return Optional.empty();
        }
        int closing = 1;
        while (closing < lines.length && !lines[closing].strip().equals(FENCE)) {
            closing++;
        }
        if (closing == lines.length) {
            return Optional.empty();
        }
        return Optional.of(new PageSource(
                String.join("\n", Arrays.copyOfRange(lines, 1, closing)),
                String.join("\n", Arrays.copyOfRange(lines, closing + 1, lines.length)),
                closing + 2));
    }

    /** Whether the text starts with a '---' line at all (else it has no front matter to close). */
    static boolean startsWithFence(String text) {
        return LINE_BREAK.split(text.replace("\uFEFF", ""), 2)[0].strip().equals(FENCE);
    }
}
