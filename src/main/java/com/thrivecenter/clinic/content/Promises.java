package com.thrivecenter.clinic.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that promise a result ("cure", "guaranteed", "risk-free"), which a clinic must not make. Not flagged when
 * the few words before them deny it ("there is no cure", "we cannot guarantee", "not a cure"), nor in a question
 * ("Is ketamine a cure?"), which the answer is there to settle.
 */
final class Promises {

    private static final Pattern PROMISE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                    + String.join(
                            "|",
                            "cur(?:e|es|ed|ing)",
                            "guarantee(?:s|d)?",
                            "miracles?",
                            "miraculous(?:ly)?",
                            "100\\s?%\\s+(?:effective|successful|safe)",
                            "100\\s+per\\s?cent\\s+(?:effective|successful|safe)",
                            "permanent(?:ly)?\\s+(?:relief|results?|fix)",
                            "risk[-\\s]?free",
                            "no\\s+side[-\\s]effects?",
                            "(?:completely|totally|perfectly|entirely)\\s+safe",
                            "works?\\s+for\\s+everyone")
                    + ")(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Set<String> NEGATIONS = Set.of(
            "no", "not", "never", "cannot", "can't", "won't", "isn't", "aren't", "don't", "doesn't", "didn't",
            "without", "nor", "neither", "none", "nobody", "nothing");

    /** How far back a denial reaches: "no known cure", "not promise a cure", "cannot honestly guarantee". */
    private static final int NEGATION_REACH = 4;

    /** A denial does not reach across these: "there is no waiting list, and results are guaranteed". */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()\\u2013\\u2014]|\\bbut\\b");

    private Promises() {}

    static List<ContentProblem> check(Page page, List<ProseBlock> prose) {
        List<ContentProblem> problems = new ArrayList<>();
        for (ProseBlock block : prose) {
            Matcher promise = PROMISE.matcher(block.text());
            while (promise.find()) {
                if (!denied(block, promise.start()) && !inQuestion(block, promise.end())) {
                    problems.add(ContentProblem.warning(
                            page.file(),
                            block.lineAt(promise.start()),
                            "'" + promise.group() + "' promises a result; say what treatment may do and that"
                                    + " results vary from person to person"));
                }
            }
        }
        return problems;
    }

    private static boolean denied(ProseBlock block, int offset) {
        String before = block.text().substring(block.sentenceStart(offset), offset);
        String[] clauses = CLAUSE_BREAK.split(before, -1);
        String[] words = clauses[clauses.length - 1]
                .toLowerCase(Locale.ROOT)
                .replace('’', '\'')
                .strip()
                .split("[^\\p{L}']+");
        return Arrays.stream(words, Math.max(0, words.length - NEGATION_REACH), words.length)
                .anyMatch(NEGATIONS::contains);
    }

    private static boolean inQuestion(ProseBlock block, int offset) {
        String sentence =
                block.text().substring(offset, block.sentenceEnd(offset)).strip();
        return sentence.endsWith("?");
    }
}
