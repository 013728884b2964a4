package com.thrivecenter.clinic.content.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The lines two texts share and the lines one has and the other lacks, in order, for people to read: Git's
 * histogram diff, which keeps a moved paragraph together rather than matching stray blank lines. Windows line
 * endings count as plain ones, so a file saved on another computer does not look changed on every line.
 */
public final class TextDiff {

    private TextDiff() {}

    /** One line of the diff; a line number is 0 on the side the line is not on. */
    public record Line(Kind kind, int beforeNumber, int afterNumber, String text) {}

    public enum Kind {
        SAME,
        ADDED,
        REMOVED
    }

    public static List<Line> of(String before, String after) {
        RawText a = raw(before);
        RawText b = raw(after);
        List<Line> lines = new ArrayList<>();
        int inA = 0;
        int inB = 0;
        for (Edit edit : new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b)) {
            while (inA < edit.getBeginA()) {
                lines.add(new Line(Kind.SAME, inA + 1, inB + 1, a.getString(inA)));
                inA++;
                inB++;
            }
            for (; inA < edit.getEndA(); inA++) {
                lines.add(new Line(Kind.REMOVED, inA + 1, 0, a.getString(inA)));
            }
            for (; inB < edit.getEndB(); inB++) {
                lines.add(new Line(Kind.ADDED, 0, inB + 1, b.getString(inB)));
            }
        }
        while (inA < a.size()) {
            lines.add(new Line(Kind.SAME, inA + 1, inB + 1, a.getString(inA)));
            inA++;
            inB++;
        }
        return lines;
    }

    private static RawText raw(String text) {
        return new RawText(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }
}
