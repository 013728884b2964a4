package com.thrivecenter.clinic.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values staff write in a page as {@code {{phone}}}, so a page says what the site is configured with (today's
 * phone number, how long inquiries are kept) rather than a copy that goes stale. Content owns the names; the
 * features that own the settings give the values.
 */
public record PageVariables(Map<String, String> values) {

    /** Every name staff may use, in the order the guide lists them. */
    public static final List<String> NAMES =
            List.of("clinic", "phone", "tel", "email", "address", "hours", "prices", "drive-after", "retention");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}\\s]{1,40})\\s*}}");

    public PageVariables {
        if (!values.keySet().equals(Set.copyOf(NAMES))) {
            throw new IllegalArgumentException("page variables must be exactly " + NAMES + ", not " + values.keySet());
        }
        values = Map.copyOf(values);
    }

    /** For checking content away from a running site: every name is known, each standing for itself. */
    public static PageVariables names() {
        Map<String, String> values = new HashMap<>();
        NAMES.forEach(name -> values.put(name, "{" + name + "}"));
        return new PageVariables(values);
    }

    /**
     * The Markdown with every known {@code {{name}}} replaced by its value; an unknown one is left as it is and
     * reported with its line. {@code firstLine} is the file line the Markdown starts on.
     */
    String fillIn(String markdown, String file, int firstLine, List<ContentProblem> problems) {
        String[] lines = markdown.split("\n", -1);
        List<String> filled = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            Matcher variable = VARIABLE.matcher(lines[i]);
            StringBuilder line = new StringBuilder();
            while (variable.find()) {
                String name = variable.group(1);
                String value = values.get(name);
                if (value == null) {
                    problems.add(new ContentProblem(
                            file,
                            firstLine + i,
                            "{{" + name + "}} is not a value the site knows; use one of {{"
                                    + String.join("}}, {{", NAMES) + "}}"));
                    value = variable.group();
                }
                variable.appendReplacement(line, Matcher.quoteReplacement(value));
            }
            variable.appendTail(line);
            filled.add(line.toString());
        }
        return String.join("\n", filled);
    }
}
