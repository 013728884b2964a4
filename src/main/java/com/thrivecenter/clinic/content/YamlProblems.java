package com.thrivecenter.clinic.content;

import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Says what staff did wrong when their front matter is not valid YAML, in their words and at the line where the
 * mistake is. SnakeYAML notices a mistake where it can no longer go on, often lines later (an unclosed quote is
 * noticed at the next quote or at the end), so each known pattern picks the line the mistake starts on; anything
 * else gets a general message, never the parser's own.
 */
final class YamlProblems {

    static final String GENERAL = "this line is not valid front matter; check for a missing colon or an unclosed quote";

    /** What can pass for a setting name in a message; anything else is not worth quoting back. */
    private static final Pattern SETTING_NAME = Pattern.compile("[\\p{L}\\p{N}_-]{1,40}");

    /** Every line break YAML counts, so that lines here are the lines of SnakeYAML's marks. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");

    /** A mistake at {@code line}, counted from 0 at the first line of the YAML. */
    record Explained(int line, String message) {}

    private final List<String> lines;
    private final LoaderOptions limits;
    private final String yaml;

    private YamlProblems(String yaml, LoaderOptions limits) {
        this.yaml = yaml;
        this.limits = limits;
        this.lines = List.of(LINE_BREAK.split(yaml, -1));
    }

    static Explained explain(MarkedYAMLException e, String yaml, LoaderOptions limits) {
        return new YamlProblems(yaml, limits).explain(e);
    }

    /** A control character, which YAML refuses wherever it is; invisible in most editors, so the line matters. */
    static Explained explain(ReaderException e, String yaml) {
        String before = yaml.codePoints()
                .limit(Math.max(0, e.getPosition()))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        int line = LINE_BREAK.split(before, -1).length - 1;
        return new Explained(
                line,
                "this line has an invisible special character that is not allowed; delete the line "
                        + "and type it again");
    }

    private Explained explain(MarkedYAMLException e) {
        String problem = Objects.toString(e.getProblem(), "");
        String context = Objects.toString(e.getContext(), "");
        int at = line(e.getProblemMark());
        int opened = e.getContextMark() != null ? line(e.getContextMark()) : at;
        if (context.equals("while scanning a quoted scalar")) {
            String quote = String.valueOf(charAt(e.getContextMark()));
            return new Explained(
                    opened,
                    "the quote " + quote + " opened here is never closed; add the closing " + quote
                            + " at the end of the value");
        }
        if (problem.contains("(TAB)")) {
            return new Explained(at, "this line has a tab; use spaces instead of tabs");
        }
        if (problem.contains("cannot start any token")) {
            return new Explained(
                    at,
                    "a value cannot start with " + charAt(e.getProblemMark()) + "; put quotes around the whole value");
        }
        if (problem.startsWith("found unknown escape character")) {
            return new Explained(
                    at,
                    "inside double quotes a backslash (\\) starts a special code; "
                            + "put single quotes around this value instead");
        }
        if (problem.equals("could not find expected ':'") && context.equals("while scanning a simple key")) {
            return missingColon(opened);
        }
        if (problem.equals("mapping values are not allowed here")) {
            return colonInTheWrongPlace(e.getProblemMark());
        }
        if (context.startsWith("while parsing a flow ") && problem.startsWith("expected ','")) {
            String bracket = String.valueOf(charAt(e.getContextMark()));
            return new Explained(
                    opened,
                    "the " + bracket + " opened here is never closed; if the value is text, " + "put quotes around it");
        }
        if (problem.equals("expected <block end>, but found '<block mapping start>'")) {
            return indentation(at);
        }
        if (problem.equals("expected <block end>, but found '<scalar>'")) {
            return textAfterQuote(at);
        }
        if (problem.equals("expected <block end>, but found '-'")) {
            return new Explained(
                    at,
                    "a line starting with '-' must be an item of a list, indented under a setting "
                            + "such as 'sources:'");
        }
        return new Explained(at, GENERAL);
    }

    /** "title Migraine": the name has no colon after it. */
    private Explained missingColon(int line) {
        String text = lines.get(line).strip();
        String name = text.startsWith("- ") ? text.substring(2).strip() : text;
        name = name.split("[\\s:]", 2)[0];
        if (!SETTING_NAME.matcher(name).matches()) {
            return new Explained(line, GENERAL);
        }
        return new Explained(line, "a colon is missing after '" + name + "'; write it as '" + name + ": ...'");
    }

    /**
     * A colon and a space where YAML allows none: inside a value ("title: Migraine: the basics"), after a line
     * whose name lacks its colon (which YAML reads as text running on), or on a line indented too far.
     */
    private Explained colonInTheWrongPlace(Mark mark) {
        int line = line(mark);
        String text = lines.get(line);
        String before = text.codePoints()
                .limit(mark.getColumn())
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (before.contains(": ")) {
            return new Explained(
                    line, "a value containing ': ' needs quotes around it, as in " + "title: \"Migraine: the basics\"");
        }
        // Lines without a colon run on as one text; the first of them is the name that lost its colon, unless it
        // is indented further, when it merely continues the value above it.
        int start = line;
        for (int above = line - 1; above >= 0; above--) {
            String previous = lines.get(above);
            if (previous.isBlank()) {
                continue;
            }
            if (!isRunOnText(previous)) {
                break;
            }
            start = above;
        }
        if (start < line && indent(lines.get(start)) <= indent(text)) {
            return missingColon(start);
        }
        return indentation(line);
    }

    private static boolean isRunOnText(String line) {
        String text = line.strip();
        return !text.startsWith("#") && !text.contains(": ") && !text.endsWith(":");
    }

    private static Explained indentation(int line) {
        return new Explained(
                line,
                "this line is indented differently from the lines above it; settings that belong "
                        + "together, such as 'label' and 'order' under 'nav', must start in the same column");
    }

    /**
     * A quoted value followed by more text. When the quoted value spans lines, its quote was never closed and the
     * quote of a later value closed it by accident; otherwise the value goes on after its closing quote.
     */
    private Explained textAfterQuote(int line) {
        Optional<ScalarEvent> quoted = lastValue()
                .filter(value -> value.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                        || value.getScalarStyle() == ScalarStyle.SINGLE_QUOTED);
        if (quoted.isEmpty()) {
            return new Explained(line, GENERAL);
        }
        Mark start = quoted.get().getStartMark();
        String quote = String.valueOf(charAt(start));
        if (line(start) < line) {
            return new Explained(
                    line(start),
                    "the quote " + quote + " opened here is never closed; add the closing " + quote
                            + " at the end of the value");
        }
        return new Explained(
                line,
                "the value goes on after its closing quote; put quotes around the whole value"
                        + (quote.equals("'") ? ", and write an apostrophe inside single quotes as two ('')" : ""));
    }

    /** The last value read before the mistake, read again as events because the exception does not say. */
    private Optional<ScalarEvent> lastValue() {
        ScalarEvent last = null;
        try {
            for (Event event : new Yaml(limits).parse(new StringReader(yaml))) {
                if (event instanceof ScalarEvent scalar) {
                    last = scalar;
                }
            }
        } catch (YAMLException e) {
            // The same mistake again: everything before it has been read.
        }
        return Optional.ofNullable(last);
    }

    private int line(Mark mark) {
        return mark == null ? 0 : Math.max(0, Math.min(mark.getLine(), lines.size() - 1));
    }

    private char charAt(Mark mark) {
        String text = lines.get(line(mark));
        int column = mark == null ? 0 : mark.getColumn();
        int index = text.offsetByCodePoints(0, Math.min(column, text.codePointCount(0, text.length())));
        return index < text.length() ? text.charAt(index) : ' ';
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
