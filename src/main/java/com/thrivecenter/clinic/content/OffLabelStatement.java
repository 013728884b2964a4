package com.thrivecenter.clinic.content;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ketamine for migraine and pain is an off-label use, and a page that offers it must say so. A page offers it
 * when one block of text names ketamine together with an infusion, treatment or therapy; it says so when
 * "off-label" appears anywhere in its text.
 */
final class OffLabelStatement {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern KETAMINE = Pattern.compile("(?<!\\p{L})ketamine(?!\\p{L})", FLAGS);
    private static final Pattern TREATMENT =
            Pattern.compile("(?<!\\p{L})(?:infusions?|treat\\p{L}*|therap(?:y|ies))(?!\\p{L})", FLAGS);
    private static final Pattern OFF_LABEL = Pattern.compile("(?<!\\p{L})off[-\\s]label(?!\\p{L})", FLAGS);

    private OffLabelStatement() {}

    static List<ContentProblem> check(Page page, List<ProseBlock> prose) {
        if (prose.stream().anyMatch(block -> OFF_LABEL.matcher(block.text()).find())) {
            return List.of();
        }
        for (ProseBlock block : prose) {
            Matcher ketamine = KETAMINE.matcher(block.text());
            if (ketamine.find() && TREATMENT.matcher(block.text()).find()) {
                return List.of(ContentProblem.warning(
                        page.file(),
                        block.lineAt(ketamine.start()),
                        "this page offers ketamine treatment but does not say that it is off-label; add a sentence"
                                + " such as 'Using ketamine for migraine and chronic pain is an off-label use.'"));
            }
        }
        return List.of();
    }
}
