package com.thrivecenter.clinic.content;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checks on how a page is written, for a patient reading it: the reading grade, promises of a result, the
 * off-label statement and figures without a source. Every finding is a warning: staff may still publish.
 */
final class WritingChecks {

    private WritingChecks() {}

    /** {@code prose} is the page body's text as {@link ProseReader} read it, with file lines. */
    static List<ContentProblem> check(Page page, List<ProseBlock> prose) {
        if (prose.isEmpty()) {
            return List.of();
        }
        return Stream.of(
                        ReadingGrade.check(page, prose),
                        Promises.check(page, prose),
                        OffLabelStatement.check(page, prose),
                        UnsourcedStatistics.check(page, prose))
                .flatMap(List::stream)
                .sorted(Comparator.comparingInt(ContentProblem::line))
                .toList();
    }
}
