package com.thrivecenter.clinic.content;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch–Kincaid grade of a page's running text: 0.39 × words per sentence + 11.8 × syllables per word − 15.59,
 * roughly the school year a reader needs. Running text is what a patient reads as sentences: paragraphs, list items
 * and quotes. Headings and table cells are left out (they are labels, not sentences), and so are link addresses and
 * code, which {@link ProseReader} never reads. A grade is never rounded down: 8.3 is above grade 8.
 */
final class ReadingGrade {

    /** Patients in pain read on a phone: the content brief asks for grade 8 or below. */
    static final int TARGET = 8;

    /** The formula needs a sample of text; a shorter page is not graded. */
    static final int MIN_WORDS = 100;

    /** A paragraph of a few words says little about the page, so it is never named the hardest. */
    private static final int MIN_PARAGRAPH_WORDS = 10;

    /** "long-term" is one word of two syllables, as readers and other readability tools take it, not two short ones. */
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’-]\\p{L}+)*");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"')\\]”’]*(?=\\s|$)");

    private ReadingGrade() {}

    /** What the formula counts in a stretch of text. Numbers are not words here. */
    record Counts(int words, int sentences, int syllables) {

        Counts plus(Counts other) {
            return new Counts(words + other.words, sentences + other.sentences, syllables + other.syllables);
        }

        double grade() {
            return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        }

        /** The grade rounded up to one decimal, so that a page just above the target never shows as on it. */
        String shown() {
            return BigDecimal.valueOf(grade()).setScale(1, RoundingMode.CEILING).toPlainString();
        }
    }

    /**
     * Counts the words, sentences and syllables of one block of text. The end of the block ends a sentence too, so
     * a list item without a full stop is not run together with the next one.
     */
    static Counts count(String text) {
        int words = 0;
        int syllables = 0;
        int lastWordEnd = 0;
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words++;
            for (String part : word.group().split("-")) {
                syllables += Syllables.of(part);
            }
            lastWordEnd = word.end();
        }
        int sentences = 0;
        int lastSentenceEnd = 0;
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            sentences++;
            lastSentenceEnd = end.end();
        }
        if (words > 0 && lastWordEnd > lastSentenceEnd) {
            sentences++;
        }
        return new Counts(words, sentences, syllables);
    }

    static List<ContentProblem> check(Page page, List<ProseBlock> prose) {
        List<ProseBlock> paragraphs = prose.stream()
                .filter(block -> block.kind() == ProseBlock.Kind.PARAGRAPH)
                .toList();
        Counts total = paragraphs.stream().map(block -> count(block.text())).reduce(new Counts(0, 0, 0), Counts::plus);
        if (total.words() < MIN_WORDS || total.grade() <= TARGET) {
            return List.of();
        }
        Optional<ProseBlock> hardest = paragraphs.stream()
                .filter(block -> count(block.text()).words() >= MIN_PARAGRAPH_WORDS)
                .max(Comparator.comparingDouble(block -> count(block.text()).grade()));
        String message = "reads at about grade " + total.shown() + "; aim for grade " + TARGET
                + " or below: shorter sentences and everyday words"
                + hardest.map(block -> " (the hardest paragraph, at about grade "
                                + count(block.text()).shown() + ", starts on line " + block.firstLine() + ")")
                        .orElse("");
        return List.of(ContentProblem.warning(page.file(), prose.get(0).firstLine(), message));
    }
}
