package com.thrivecenter.clinic.content;

import com.thrivecenter.clinic.content.FrontMatter.Clinician;
import com.thrivecenter.clinic.content.FrontMatter.NavEntry;
import com.thrivecenter.clinic.content.FrontMatter.Photo;
import com.thrivecenter.clinic.content.FrontMatter.Schedule;
import com.thrivecenter.clinic.content.FrontMatter.Source;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads front matter from the YAML node tree rather than from plain maps, so that every problem (an unknown
 * key, a bad date, a missing title) can be reported with the line staff need to fix.
 */
@Component
public class FrontMatterParser {

    static final List<String> KEYS = List.of(
            "title",
            "description",
            "nav",
            "draft",
            "publish",
            "expires",
            "aliases",
            "sources",
            "form",
            "layout",
            "credentials",
            "role",
            "photo",
            "photo-alt");
    /** Keys that once claimed a medical review in the file; only a clinician's approval in the staff area can now. */
    private static final List<String> REVIEW_KEYS = List.of("reviewed", "reviewer");

    private static final List<String> CLINICIAN_KEYS = List.of("credentials", "role", "photo", "photo-alt");
    private static final List<String> NAV_KEYS = List.of("label", "order");
    private static final List<String> SOURCE_KEYS = List.of("title", "url");
    private static final Pattern WEB_URL = Pattern.compile("https?://\\S+");

    /**
     * Front matter is a handful of short settings, so hostile YAML (alias bombs, deep nesting, megabytes of text)
     * stops at a limit and becomes a content problem instead of exhausting memory or stack. Only the node tree is
     * composed, never Java objects; keys given twice are reported by the reader below.
     */
    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(10);
        options.setCodePointLimit(100_000);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * Parses the YAML between the two "---" lines of the page at {@code slug}. {@code firstLine} is the file line
     * the YAML starts on. Adds what is wrong to {@code problems}; returns a value only when nothing is.
     */
    public Optional<FrontMatter> parse(
            Slug slug, String yaml, String file, int firstLine, List<ContentProblem> problems) {
        Reader reader = new Reader(file, firstLine, problems);
        LoaderOptions limits = limits();
        Node root;
        try {
            root = new Yaml(limits).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            YamlProblems.Explained explained = YamlProblems.explain(e, yaml, limits);
            problems.add(new ContentProblem(file, firstLine + explained.line(), explained.message()));
            return Optional.empty();
        } catch (ReaderException e) {
            YamlProblems.Explained explained = YamlProblems.explain(e, yaml);
            problems.add(new ContentProblem(file, firstLine + explained.line(), explained.message()));
            return Optional.empty();
        } catch (YAMLException e) {
            // One of the limits was hit: only hostile or runaway input gets here.
            problems.add(
                    new ContentProblem(
                            file,
                            firstLine,
                            "the front matter is too long or has too many levels inside each other; keep to the settings in the guide"));
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new ContentProblem(
                    file, firstLine, "front matter must be 'key: value' lines, with title and description"));
            return Optional.empty();
        }
        int before = problems.size();
        Map<String, Node> values = reader.keys(mapping, KEYS);
        String title = reader.requiredText(values, "title", mapping);
        String description = reader.requiredText(values, "description", mapping);
        Optional<NavEntry> nav = Optional.ofNullable(values.get("nav")).flatMap(node -> reader.nav(node, title));
        boolean draft = Optional.ofNullable(values.get("draft"))
                .map(node -> reader.bool(node, "draft"))
                .orElse(false);
        Optional<LocalDateTime> publish =
                Optional.ofNullable(values.get("publish")).flatMap(node -> reader.dateTime(node, "publish"));
        Optional<LocalDateTime> expires =
                Optional.ofNullable(values.get("expires")).flatMap(node -> reader.dateTime(node, "expires"));
        if (publish.isPresent() && expires.isPresent() && !expires.get().isAfter(publish.get())) {
            problems.add(reader.problem(values.get("expires"), "'expires' must be later than 'publish'"));
        }
        List<Slug> aliases =
                Optional.ofNullable(values.get("aliases")).map(reader::aliases).orElse(List.of());
        List<Source> sources =
                Optional.ofNullable(values.get("sources")).map(reader::sources).orElse(List.of());
        Optional<Form> form = reader.form(values.get("form"), slug, mapping);
        Optional<PageLayout> layoutGiven =
                Optional.ofNullable(values.get("layout")).flatMap(reader::layout);
        PageLayout layout = layoutGiven.orElse(PageLayout.ARTICLE);
        // With a misspelt layout, the clinician keys may be right and the layout wrong: only that is reported.
        boolean layoutKnown = layoutGiven.isPresent() || !values.containsKey("layout");
        Optional<Clinician> clinician = layoutKnown ? reader.clinician(values, layout) : Optional.empty();
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(
                title,
                description,
                nav,
                draft,
                new Schedule(publish, expires),
                aliases,
                sources,
                form,
                layout,
                clinician));
    }

    /** Reads typed values out of nodes, recording a problem at the node's line when one doesn't fit. */
    private record Reader(String file, int firstLine, List<ContentProblem> problems) {

        ContentProblem problem(Node node, String message) {
            return new ContentProblem(file, firstLine + node.getStartMark().getLine(), message);
        }

        Map<String, Node> keys(MappingNode mapping, List<String> allowed) {
            Map<String, Node> values = new HashMap<>();
            Map<String, Node> keyNodes = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : "?";
                Node first = keyNodes.putIfAbsent(key, keyNode);
                if (REVIEW_KEYS.contains(key)) {
                    problems.add(problem(
                            keyNode,
                            "'" + key + "' cannot be written in the file: a clinician approves the page under"
                                    + " Content, Review in the staff area, and the page then says who reviewed it"
                                    + " and when; remove '" + key + "'"));
                } else if (!allowed.contains(key)) {
                    problems.add(problem(
                            keyNode, "unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")"));
                } else if (first != null) {
                    problems.add(problem(
                            keyNode,
                            "'" + key + "' is given twice (first on line "
                                    + (firstLine + first.getStartMark().getLine()) + "); keep one"));
                } else {
                    values.put(key, tuple.getValueNode());
                }
            }
            return values;
        }

        String requiredText(Map<String, Node> values, String key, Node parent) {
            Node node = values.get(key);
            if (node == null) {
                problems.add(problem(parent, "missing required key '" + key + "'"));
                return "";
            }
            Optional<String> value = text(node, key);
            if (value.isEmpty() && node instanceof ScalarNode) {
                problems.add(problem(node, "'" + key + "' must not be empty"));
            }
            return value.orElse("");
        }

        /** The text of {@code key}'s value; a list or a group of settings there is a problem. */
        Optional<String> text(Node node, String key) {
            if (node instanceof ScalarNode scalar) {
                String value = scalar.getValue().strip();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
            String found = node instanceof SequenceNode ? "a list" : "a group of settings";
            problems.add(problem(node, "'" + key + "' must be a single value on one line, not " + found));
            return Optional.empty();
        }

        boolean bool(Node node, String key) {
            String value = text(node, key).orElse("");
            if (!value.equals("true") && !value.equals("false")) {
                problems.add(problem(node, "expected true or false, found '" + value + "'"));
            }
            return value.equals("true");
        }

        /** "2026-12-01 09:00" (or with a "T"), or a date alone for the start of that day, in the clinic's time. */
        Optional<LocalDateTime> dateTime(Node node, String key) {
            return text(node, key).flatMap(value -> {
                try {
                    return Optional.of(
                            value.length() == 10
                                    ? LocalDate.parse(value).atStartOfDay()
                                    : LocalDateTime.parse(value.replace(' ', 'T')));
                } catch (DateTimeParseException e) {
                    problems.add(
                            problem(node, "expected a date and time like 2026-12-01 09:00, found '" + value + "'"));
                    return Optional.empty();
                }
            });
        }

        Optional<NavEntry> nav(Node node, String title) {
            if (!(node instanceof MappingNode mapping)) {
                problems.add(problem(node, "'nav' needs 'label' and 'order' on the lines below it"));
                return Optional.empty();
            }
            Map<String, Node> values = keys(mapping, NAV_KEYS);
            String label = Optional.ofNullable(values.get("label"))
                    .flatMap(value -> text(value, "label"))
                    .orElse(title);
            int order = Optional.ofNullable(values.get("order"))
                    .map(value -> number(value, "order"))
                    .orElse(100);
            return Optional.of(new NavEntry(label, order));
        }

        int number(Node node, String key) {
            String value = text(node, key).orElse("");
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problems.add(problem(node, "expected a whole number, found '" + value + "'"));
                return 0;
            }
        }

        Optional<PageLayout> layout(Node node) {
            Optional<String> key = text(node, "layout");
            Optional<PageLayout> layout = key.flatMap(PageLayout::withKey);
            if (key.isPresent() && layout.isEmpty()) {
                problems.add(problem(
                        node,
                        "unknown layout '" + key.get() + "' (allowed: "
                                + String.join(
                                        ", ",
                                        Arrays.stream(PageLayout.values())
                                                .map(PageLayout::key)
                                                .toList())
                                + ")"));
            }
            return layout;
        }

        /**
         * A clinician profile's details; its keys anywhere else are a problem, and so is a photo without its
         * description (or the other way round), or a photo that is not a picture uploaded to the site.
         */
        Optional<Clinician> clinician(Map<String, Node> values, PageLayout layout) {
            if (layout != PageLayout.CLINICIAN) {
                CLINICIAN_KEYS.stream()
                        .filter(values::containsKey)
                        .sorted(Comparator.comparing(
                                key -> values.get(key).getStartMark().getLine()))
                        .forEach(key -> problems.add(problem(
                                values.get(key),
                                "'" + key + "' belongs only on a clinician profile: add 'layout: clinician',"
                                        + " or remove '" + key + "'")));
                return Optional.empty();
            }
            Optional<String> credentials = optionalText(values, "credentials");
            Optional<String> role = optionalText(values, "role");
            Optional<String> photo = optionalText(values, "photo");
            Optional<String> alt = optionalText(values, "photo-alt");
            Node photoNode = values.get("photo");
            photo.filter(path -> !path.startsWith("/images/"))
                    .ifPresent(path -> problems.add(problem(
                            photoNode,
                            "'photo' must be a picture uploaded under Images, written like /images/jane-doe.jpg;"
                                    + " found '" + path + "'")));
            if (photo.isPresent() && alt.isEmpty()) {
                problems.add(problem(
                        photoNode,
                        "the photo has no description: add 'photo-alt:' saying what it shows, such as"
                                + " 'Dr. Jane Doe smiling in the clinic's infusion room'"));
            }
            if (alt.isPresent() && photo.isEmpty()) {
                problems.add(
                        problem(values.get("photo-alt"), "'photo-alt' describes the photo: add 'photo:' or remove it"));
            }
            Optional<Photo> picture = photo.map(path -> new Photo(
                    path, alt.orElse(""), firstLine + photoNode.getStartMark().getLine()));
            return Optional.of(new Clinician(credentials, role, picture));
        }

        private Optional<String> optionalText(Map<String, Node> values, String key) {
            return Optional.ofNullable(values.get(key)).flatMap(node -> text(node, key));
        }

        /** The form this page introduces; a form's address and its page's {@code form} key go together. */
        Optional<Form> form(Node node, Slug slug, Node parent) {
            Optional<Form> formHere = Form.at(slug);
            if (node == null) {
                formHere.ifPresent(form -> problems.add(problem(
                        parent,
                        slug.url() + " is the " + form.key() + " form; its introduction needs 'form: " + form.key()
                                + "' in the front matter")));
                return Optional.empty();
            }
            String key = text(node, "form").orElse("");
            Optional<Form> form = Form.withKey(key);
            if (form.isEmpty()) {
                problems.add(problem(
                        node,
                        "unknown form '" + key + "' (allowed: "
                                + String.join(
                                        ", ",
                                        Arrays.stream(Form.values())
                                                .map(Form::key)
                                                .toList()) + ")"));
            } else if (!form.get().slug().equals(slug)) {
                problems.add(problem(
                        node,
                        "'form: " + form.get().key() + "' belongs only in the page at "
                                + form.get().slug().url() + "; this file is the page " + slug.url()));
            }
            return form;
        }

        /** The page's old addresses, each answered by a permanent redirect to it. */
        List<Slug> aliases(Node node) {
            if (!(node instanceof SequenceNode sequence)) {
                problems.add(problem(node, "'aliases' must be a list of old addresses, each line starting with '- /'"));
                return List.of();
            }
            List<Slug> aliases = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                text(item, "aliases").ifPresent(address -> {
                    Optional<Slug> alias = address.startsWith("/") ? Slug.fromRequestPath(address) : Optional.empty();
                    if (alias.isEmpty()) {
                        problems.add(problem(
                                item,
                                "'" + address + "' is not an address of this site; write it like /migraine/old-name"));
                    } else if (ReservedAddresses.isReserved(alias.get())) {
                        problems.add(problem(item, "the old address " + address + " belongs to the website itself"));
                    } else {
                        aliases.add(alias.get());
                    }
                });
            }
            return aliases;
        }

        List<Source> sources(Node node) {
            if (!(node instanceof SequenceNode sequence)) {
                problems.add(problem(node, "'sources' must be a list, each item starting with '- title:'"));
                return List.of();
            }
            List<Source> sources = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode mapping) {
                    Map<String, Node> values = keys(mapping, SOURCE_KEYS);
                    String title = requiredText(values, "title", mapping);
                    Optional<String> url =
                            Optional.ofNullable(values.get("url")).flatMap(value -> text(value, "url"));
                    url.filter(u -> !WEB_URL.matcher(u).matches())
                            .ifPresent(u -> problems.add(
                                    problem(values.get("url"), "a source's url must start with https:// or http://")));
                    sources.add(new Source(title, url));
                } else {
                    text(item, "title").ifPresent(title -> sources.add(new Source(title, Optional.empty())));
                }
            }
            return sources;
        }
    }
}
