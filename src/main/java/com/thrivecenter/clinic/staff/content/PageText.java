package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.FrontMatter;
import com.thrivecenter.clinic.content.PageLayout;
import com.thrivecenter.clinic.content.PageSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Between a page file's text and the editor's form: the form's fields written as front matter (YAML quoting done by
 * SnakeYAML, so any title is safe) above the Markdown body, and a file's text read back into the form.
 */
final class PageText {

    private static final Yaml YAML = yaml();

    private PageText() {}

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(options);
    }

    /** The file's text: front matter from the fields, then the body, with Unix line ends and a final newline. */
    static String compose(PageForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", form.getTitle().strip());
        values.put("description", form.getDescription().strip());
        if (!form.getNavLabel().isBlank() || !form.getNavOrder().isBlank()) {
            Map<String, Object> nav = new LinkedHashMap<>();
            if (!form.getNavLabel().isBlank()) {
                nav.put("label", form.getNavLabel().strip());
            }
            if (!form.getNavOrder().isBlank()) {
                nav.put("order", number(form.getNavOrder()));
            }
            values.put("nav", nav);
        }
        if (form.isDraft()) {
            values.put("draft", true);
        }
        if (!form.getPublish().isBlank()) {
            values.put("publish", form.getPublish().replace('T', ' '));
        }
        if (!form.getExpires().isBlank()) {
            values.put("expires", form.getExpires().replace('T', ' '));
        }
        List<String> aliases = form.getAliases().stream()
                .map(String::strip)
                .filter(alias -> !alias.isEmpty())
                .distinct()
                .toList();
        if (!aliases.isEmpty()) {
            values.put("aliases", aliases);
        }
        if (!form.getForm().isBlank()) {
            values.put("form", form.getForm().strip());
        }
        if (!form.getLayout().isBlank() && !form.getLayout().equals(PageLayout.ARTICLE.key())) {
            values.put("layout", form.getLayout().strip());
        }
        // Kept whatever the page type, so a clinician's details typed on another page type are reported, not lost.
        putIfFilled(values, "credentials", form.getCredentials());
        putIfFilled(values, "role", form.getRole());
        putIfFilled(values, "photo", form.getPhoto());
        putIfFilled(values, "photo-alt", form.getPhotoAlt());
        List<Map<String, String>> sources = new ArrayList<>();
        for (PageForm.SourceRow row : form.getSources()) {
            if (!row.isEmpty()) {
                Map<String, String> source = new LinkedHashMap<>();
                source.put("title", row.getTitle().strip());
                if (!row.getUrl().isBlank()) {
                    source.put("url", row.getUrl().strip());
                }
                sources.add(source);
            }
        }
        if (!sources.isEmpty()) {
            values.put("sources", sources);
        }
        String body = form.getBody().replace("\r\n", "\n").replace('\r', '\n').strip();
        return "---\n" + YAML.dump(values) + "---\n" + body + "\n";
    }

    private static void putIfFilled(Map<String, Object> values, String key, String value) {
        if (!value.isBlank()) {
            values.put(key, value.strip());
        }
    }

    /** A whole number stays a number; anything else stays text, for the page check to report. */
    private static Object number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return text.strip();
        }
    }

    /** The form for a file's text; the fields stay empty when its front matter cannot be read. */
    static PageForm toForm(String file, String text, Optional<FrontMatter> meta) {
        PageForm form = new PageForm();
        form.setFile(file);
        form.setBaseHash(hash(text));
        form.setBody(PageSource.split(text).map(PageSource::body).orElse(text).strip());
        meta.ifPresent(frontMatter -> {
            form.setTitle(frontMatter.title());
            form.setDescription(frontMatter.description());
            frontMatter.nav().ifPresent(nav -> {
                form.setNavLabel(nav.label().equals(frontMatter.title()) ? "" : nav.label());
                form.setNavOrder(Integer.toString(nav.order()));
            });
            form.setDraft(frontMatter.draft());
            frontMatter.aliases().forEach(alias -> form.getAliases().add(alias.url()));
            frontMatter.schedule().publish().ifPresent(time -> form.setPublish(time.toString()));
            frontMatter.schedule().expires().ifPresent(time -> form.setExpires(time.toString()));
            frontMatter.form().ifPresent(kind -> form.setForm(kind.key()));
            form.setLayout(
                    frontMatter.layout() == PageLayout.ARTICLE
                            ? ""
                            : frontMatter.layout().key());
            frontMatter.clinician().ifPresent(clinician -> {
                form.setCredentials(clinician.credentials().orElse(""));
                form.setRole(clinician.role().orElse(""));
                clinician.photo().ifPresent(photo -> {
                    form.setPhoto(photo.path());
                    form.setPhotoAlt(photo.alt());
                });
            });
            frontMatter.sources().forEach(source -> form.getSources()
                    .add(new PageForm.SourceRow(source.title(), source.url().orElse(""))));
        });
        return form;
    }

    /** The SHA-256 of a text, in hex: what the editor was opened from, to notice a change made since. */
    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
