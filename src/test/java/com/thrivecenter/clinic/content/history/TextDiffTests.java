package com.thrivecenter.clinic.content.history;

import static com.thrivecenter.clinic.content.history.TextDiff.Kind.ADDED;
import static com.thrivecenter.clinic.content.history.TextDiff.Kind.REMOVED;
import static com.thrivecenter.clinic.content.history.TextDiff.Kind.SAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.content.history.TextDiff.Line;
import org.junit.jupiter.api.Test;

class TextDiffTests {

    @Test
    void aChangedLineIsRemovedAndAddedBetweenTheLinesThatStay() {
        assertThat(TextDiff.of("title\nold dose\nend\n", "title\nnew dose\nend\n"))
                .containsExactly(
                        new Line(SAME, 1, 1, "title"),
                        new Line(REMOVED, 2, 0, "old dose"),
                        new Line(ADDED, 0, 2, "new dose"),
                        new Line(SAME, 3, 3, "end"));
    }

    @Test
    void linesAddedAndRemovedAtTheEndsKeepTheirNumbersOnTheirSide() {
        assertThat(TextDiff.of("a\nb\n", "b\nc\nd\n"))
                .containsExactly(
                        new Line(REMOVED, 1, 0, "a"),
                        new Line(SAME, 2, 1, "b"),
                        new Line(ADDED, 0, 2, "c"),
                        new Line(ADDED, 0, 3, "d"));
    }

    @Test
    void equalTextsAreAllTheSameAndWindowsLineEndingsChangeNothing() {
        assertThat(TextDiff.of("one\r\ntwo", "one\ntwo"))
                .containsExactly(new Line(SAME, 1, 1, "one"), new Line(SAME, 2, 2, "two"));
    }

    @Test
    void fromNothingEveryLineIsAddedAndToNothingEveryLineIsRemoved() {
        assertThat(TextDiff.of("", "new\npage\n"))
                .containsExactly(new Line(ADDED, 0, 1, "new"), new Line(ADDED, 0, 2, "page"));
        assertThat(TextDiff.of("gone\n", "")).containsExactly(new Line(REMOVED, 1, 0, "gone"));
        assertThat(TextDiff.of("", "")).isEmpty();
    }
}
