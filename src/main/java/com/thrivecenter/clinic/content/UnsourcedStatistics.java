package com.thrivecenter.clinic.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure ("75%", "75 percent", "three in four", "1 in 4") on a page that lists no sources: a reader must be able
 * to see where a number comes from.
 */
final class UnsourcedStatistics {

    private static final String NUMBER = "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)";
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                    + "\\d+(?:[.,]\\d+)?\\s?%"
                    + "|\\d+(?:[.,]\\d+)?\\s+per\\s?cent(?!\\p{L})"
                    + "|" + NUMBER + "\\s+(?:in|out\\s+of)\\s+(?:" + NUMBER + "|a\\s+hundred|hundred)(?![\\p{L}\\p{N}])"
                    + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private UnsourcedStatistics() {}

    static List<ContentProblem> check(Page page, List<ProseBlock> prose) {
        if (!page.meta().sources().isEmpty()) {
            return List.of();
        }
        List<ContentProblem> problems = new ArrayList<>();
        for (ProseBlock block : prose) {
            Matcher figure = FIGURE.matcher(block.text());
            while (figure.find()) {
                problems.add(ContentProblem.warning(
                        page.file(),
                        block.lineAt(figure.start()),
                        "the figure '" + figure.group() + "' needs a source: list where it comes from under"
                                + " 'sources' in the front matter"));
            }
        }
        return problems;
    }
}
