package com.thrivecenter.clinic.content;

import java.util.Locale;

/**
 * Estimates the syllables of an English word for the reading grade. The heuristic: every run of vowels (a, e, i,
 * o, u, and y when not the first letter) is one syllable, less one for a silent ending: a final "e" after a
 * consonant (time) but not a syllabic "le" (table); "ed" after a consonant other than t or d (helped, not wanted);
 * "es" except after s, x, z, ch, sh, ce and ge (makes, not boxes or changes); "ely" after a consonant (safely).
 * Words of up to three letters, and every word, count at least one. Good enough for an estimate: it misses
 * vowel pairs spoken apart, as in "area" (counted two, spoken three).
 */
final class Syllables {

    private Syllables() {}

    static int of(String word) {
        String letters = letters(word);
        if (letters.length() <= 3) {
            return 1;
        }
        int groups = 0;
        boolean inVowels = false;
        for (int i = 0; i < letters.length(); i++) {
            boolean vowel = isVowel(letters, i);
            if (vowel && !inVowels) {
                groups++;
            }
            inVowels = vowel;
        }
        if (groups > 1 && hasSilentEnding(letters)) {
            groups--;
        }
        return Math.max(1, groups);
    }

    /** The word in lower case with everything but the letters a to z left out (a loop: this runs for every word). */
    private static String letters(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder letters = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    private static boolean hasSilentEnding(String word) {
        int last = word.length() - 1;
        if (word.endsWith("e")) {
            boolean syllabicLe = word.endsWith("le") && !isVowel(word, last - 2);
            return !isVowel(word, last - 1) && !syllabicLe;
        }
        if (word.endsWith("ed")) {
            char before = word.charAt(last - 2);
            return !isVowel(word, last - 2) && before != 't' && before != 'd';
        }
        if (word.endsWith("es")) {
            char before = word.charAt(last - 2);
            boolean sounded = before == 's'
                    || before == 'x'
                    || before == 'z'
                    || word.endsWith("ches")
                    || word.endsWith("shes")
                    || word.endsWith("ces")
                    || word.endsWith("ges");
            return !isVowel(word, last - 2) && !sounded;
        }
        return word.length() >= 6 && word.endsWith("ely") && !isVowel(word, last - 3);
    }

    private static boolean isVowel(String word, int index) {
        char c = word.charAt(index);
        return "aeiou".indexOf(c) >= 0 || (c == 'y' && index > 0);
    }
}
