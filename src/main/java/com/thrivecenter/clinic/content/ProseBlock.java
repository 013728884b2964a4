package com.thrivecenter.clinic.content;

import java.util.List;

/**
 * The words a reader reads in one block of a page body (a paragraph, a heading or a table cell), without Markdown
 * markup, link addresses, images or code, and with the file line each piece of text came from.
 */
record ProseBlock(Kind kind, String text, List<Piece> pieces) {

    enum Kind {
        /** Running text, list items and quotes included: what the reading grade measures. */
        PARAGRAPH,
        HEADING,
        TABLE_CELL
    }

    /** From {@code offset} in the text on, the text came from file line {@code line}. */
    record Piece(int offset, int line) {}

    ProseBlock {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("a block of text starts on a line");
        }
        pieces = List.copyOf(pieces);
    }

    /** The file line the character at {@code offset} came from. */
    int lineAt(int offset) {
        int line = pieces.get(0).line();
        for (Piece piece : pieces) {
            if (piece.offset() > offset) {
                break;
            }
            line = piece.line();
        }
        return line;
    }

    int firstLine() {
        return pieces.get(0).line();
    }

    /** Where the sentence holding {@code offset} starts: after the previous full stop, '!' or '?'. */
    int sentenceStart(int offset) {
        int start = offset;
        while (start > 0 && !endsSentence(start - 1)) {
            start--;
        }
        return start;
    }

    /** Where the sentence holding {@code offset} ends: after its full stop, '!' or '?', or at the end of the block. */
    int sentenceEnd(int offset) {
        int end = offset;
        while (end < text.length() && !endsSentence(end)) {
            end++;
        }
        return Math.min(end + 1, text.length());
    }

    /** A '.', '!' or '?' followed by a space or the end; the point in "2.5" does not end a sentence. */
    boolean endsSentence(int index) {
        char c = text.charAt(index);
        return (c == '.' || c == '!' || c == '?')
                && (index + 1 == text.length() || Character.isWhitespace(text.charAt(index + 1)));
    }
}
