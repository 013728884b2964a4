package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's settings table against the configuration metadata that the build generates from the
 * {@code @ConfigurationProperties} records: a setting added, renamed or given another default fails here until the
 * table says so too.
 */
class SettingsDocumentationTests {

    /** A table row: the setting and its environment variable in backticks, what it is, its default. */
    private static final Pattern ROW = Pattern.compile("^\\| `(clinic\\.[^`]+)` \\| `([^`]+)` \\| .+ \\| (.+) \\|$");

    private static Map<String, JsonNode> metadata;
    private static Map<String, Row> table;

    record Row(String environmentVariable, String defaultValue) {}

    @BeforeAll
    static void read() throws IOException {
        metadata = clinicMetadata();
        table = settingsTable(Files.readString(Path.of("README.md")));
    }

    @Test
    void theMetadataDocumentsTheClinicsSettings() {
        assertThat(metadata).containsKeys("clinic.name", "clinic.content.max-age", "clinic.staff.lock-for");
        metadata.forEach(
                (name, property) -> assertThat(property.path("description").asString())
                        .as("description of %s", name)
                        .isNotBlank());
    }

    @Test
    void theReadmeListsEverySettingAndNoOther() {
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(metadata.keySet());
    }

    @Test
    void eachRowNamesTheEnvironmentVariableThatSetsIt() {
        table.forEach((name, row) -> assertThat(row.environmentVariable())
                .as(name)
                .isEqualTo(name.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT)));
    }

    @Test
    void eachRowStatesTheDefault() {
        table.forEach((name, row) -> {
            String documented = metadata.get(name).path("defaultValue").asString();
            if (documented.isEmpty()) {
                assertThat(row.defaultValue()).as(name).doesNotStartWith("`");
            } else {
                assertThat(row.defaultValue()).as(name).startsWith("`" + documented + "`");
            }
        });
    }

    /** Every clinic.* property in the metadata on the class path (ours; no library has that prefix). */
    private static Map<String, JsonNode> clinicMetadata() throws IOException {
        Map<String, JsonNode> properties = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        ClassLoader loader = SettingsDocumentationTests.class.getClassLoader();
        for (URL file : Collections.list(loader.getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("clinic.")) {
                        properties.put(name, property);
                    }
                }
            }
        }
        return properties;
    }

    private static Map<String, Row> settingsTable(String readme) {
        String section = readme.substring(readme.indexOf("\n## Settings\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Map<String, Row> rows = new TreeMap<>();
        for (String line : section.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(rows.put(row.group(1), new Row(row.group(2), row.group(3))))
                        .as("rows for %s", row.group(1))
                        .isNull();
            } else {
                assertThat(line)
                        .as("a row that names a clinic setting in another form")
                        .doesNotContain("| `clinic.");
            }
        }
        return rows;
    }
}
