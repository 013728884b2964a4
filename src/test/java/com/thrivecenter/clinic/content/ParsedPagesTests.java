package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsedPagesTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final PageVariables NAMES = PageVariables.names();

    @TempDir
    Path root;

    @TempDir
    Path cache;

    private ContentFiles files;

    @BeforeEach
    void setUp() {
        files = new ContentFiles(root);
        files.write("index.md", page("Home", "", "Welcome. Call {{phone}}."));
        files.write("migraine/stages.md", page("Stages", "", "## Aura\nSee [the home page](/) and [nothing](/none)."));
        files.write("broken.md", "---\ntitle: [unclosed\n---\nText\n");
    }

    @Test
    void everyPageOfTheSiteComesBackAsItWasParsed() throws IOException {
        PageParser parser = parser(NAMES);
        ParsedPages parsed = parsed("code 1", NAMES);
        Path site = Path.of("content");
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(path -> path.toString().endsWith(".md") && !path.endsWith("README.md"))
                    .toList();
        }
        assertThat(pages).hasSizeGreaterThan(10);
        for (Path path : pages) {
            String file = site.relativize(path).toString();
            String text = Files.readString(path);
            PageParser.Result result = parser.parse(Slug.fromFile(Path.of(file)).orElseThrow(), file, text, DAY);
            assertThat(result.page()).as(file).isPresent();

            assertThat(parsed.readBackOr(file, text, () -> result)).isSameAs(result);

            assertThat(parsed.readBackOr(file, text, ParsedPagesTests::parsedAgain))
                    .as(file)
                    .isEqualTo(result);
        }
        String brokenText = "---\ntitle: [\n---\n";
        PageParser.Result broken = parser.parse(new Slug("broken"), "broken.md", brokenText, DAY);
        assertThat(broken.page()).isEmpty();
        parsed.readBackOr("broken.md", brokenText, () -> broken);
        assertThat(parsed.readBackOr("broken.md", brokenText, ParsedPagesTests::parsedAgain))
                .isEqualTo(broken);
    }

    private static PageParser.Result parsedAgain() {
        throw new AssertionError("parsed again instead of read back");
    }

    @Test
    void aSecondStartParsesNothingAndHasTheSamePagesAndProblems() {
        CountingParser firstParser = new CountingParser(NAMES);
        ContentSnapshot first = start(firstParser, parsed("code 1", NAMES));
        CountingParser secondParser = new CountingParser(NAMES);
        ContentSnapshot second = start(secondParser, parsed("code 1", NAMES));

        assertThat(firstParser.count()).isEqualTo(3);
        assertThat(secondParser.count()).isZero();
        assertThat(second.allPages()).isEqualTo(first.allPages()).hasSize(2);
        assertThat(second.problems()).isEqualTo(first.problems()).isNotEmpty();
        assertThat(second.find(new Slug("migraine/stages")).orElseThrow().bodyHtml())
                .contains("<h2 id=\"aura\">Aura</h2>");
    }

    @Test
    void aStartThatReadEveryPageBackWarmsTheParserUpForTheFirstEdit() throws InterruptedException {
        CountingParser parsing = new CountingParser(NAMES);
        start(parsing, parsed("code 1", NAMES));
        CountingParser readingBack = new CountingParser(NAMES);
        start(readingBack, parsed("code 1", NAMES));

        assertThat(readingBack.warmedUp.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(readingBack.count()).isZero();
        assertThat(parsing.warmedUp.getCount()).isOne();
    }

    @Test
    void aChangedFileIsParsedAgainAndItsNewTextServed() {
        start(new CountingParser(NAMES), parsed("code 1", NAMES));
        files.write("index.md", page("Home again", "", "Welcome back."));

        CountingParser parser = new CountingParser(NAMES);
        ContentSnapshot snapshot = start(parser, parsed("code 1", NAMES));

        assertThat(parser.count()).isEqualTo(1);
        assertThat(snapshot.find(Slug.HOME).orElseThrow().title()).isEqualTo("Home again");
    }

    @Test
    void anotherParserOrOtherPageVariablesParseEveryFileAgain() {
        start(new CountingParser(NAMES), parsed("code 1", NAMES));

        CountingParser changedParser = new CountingParser(NAMES);
        start(changedParser, parsed("code 2", NAMES));
        PageVariables newPhone = variables("555-0100");
        CountingParser phoneChanged = new CountingParser(newPhone);
        ContentSnapshot snapshot = start(phoneChanged, parsed("code 2", newPhone));

        assertThat(changedParser.count()).isEqualTo(3);
        assertThat(phoneChanged.count()).isEqualTo(3);
        assertThat(snapshot.find(Slug.HOME).orElseThrow().bodyHtml()).contains("Call 555-0100.");
    }

    @Test
    void anEntryThatCannotBeReadIsParsedAgainAndWrittenAnew() throws IOException {
        ContentSnapshot first = start(new CountingParser(NAMES), parsed("code 1", NAMES));
        List<Path> entries = entries();
        Files.writeString(entries.get(0), "{\"page\":");
        Files.writeString(entries.get(1), "{\"page\":{\"slug\":{\"value\":\"../../etc\"}},\"problems\":[]}");
        Files.writeString(entries.get(2), "{\"page\":null,\"problems\":[null]}");

        CountingParser parser = new CountingParser(NAMES);
        ContentSnapshot second = start(parser, parsed("code 1", NAMES));
        CountingParser third = new CountingParser(NAMES);
        start(third, parsed("code 1", NAMES));

        assertThat(parser.count()).isEqualTo(3);
        assertThat(second.allPages()).isEqualTo(first.allPages());
        assertThat(second.problems()).isEqualTo(first.problems());
        assertThat(third.count()).isZero();
    }

    @Test
    void anEntryWithAPartOfItsPageDamagedOrMissingIsParsedAgainNotServedBroken() throws IOException {
        files.write("faq.md", page("Questions", "", "Ask us."));
        files.write("conditions.md", page("Conditions", "", "What we treat."));
        ContentSnapshot first = start(new CountingParser(NAMES), parsed("code 1", NAMES));
        List<Path> pageEntries = entries().stream()
                .filter(entry -> read(entry).contains("\"body\""))
                .toList();
        assertThat(pageEntries).hasSize(4);
        // The body is kept as deflated bytes in base64: damaged ones still decode, but zlib's checksum fails.
        damage(pageEntries.get(0), "\"body\":\"[A-Za-z0-9+/=]{8}", "\"body\":\"AAAAAAAA");
        damage(pageEntries.get(1), "\"body\":\"[^\"]*\"", "\"body\":null");
        damage(pageEntries.get(2), "\"title\":\"[^\"]*\"", "\"title\":null");
        damage(pageEntries.get(3), "\"links\":\\[[^\\]]*\\],?", "");

        CountingParser parser = new CountingParser(NAMES);
        ContentSnapshot second = start(parser, parsed("code 1", NAMES));

        assertThat(parser.count())
                .as("the four damaged pages; the broken file's entry has no page")
                .isEqualTo(4);
        assertThat(second.allPages()).isEqualTo(first.allPages());
        assertThat(second.find(Slug.HOME).orElseThrow().bodyHtml()).contains("Welcome.");
    }

    private static void damage(Path entry, String part, String damaged) throws IOException {
        String json = read(entry);
        String changed = json.replaceFirst(part, damaged);
        assertThat(changed).as(entry.toString()).isNotEqualTo(json);
        Files.writeString(entry, changed);
    }

    @Test
    void theFirstLoadLeavesOnlyTheEntriesOfTheFilesAsTheyAre() throws IOException {
        ContentRepository repository = repository(new CountingParser(NAMES), parsed("code 1", NAMES));
        repository.current();
        files.write("index.md", page("Home again", "", "Welcome back."));
        repository.reload();
        assertThat(entries()).hasSize(4);
        Files.writeString(cache.resolve("entry-123.partial"), "{\"pa");

        start(new CountingParser(NAMES), parsed("code 1", NAMES));

        assertThat(entries()).hasSize(3);
        assertThat(cache.resolve("entry-123.partial")).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeWrittenCostsOnlyTheParsing() throws IOException {
        Path notAFolder = Files.writeString(cache.resolve("a-file"), "in the way");
        ParsedPages parsed = new ParsedPages(Optional.of(notAFolder), "code 1", NAMES);

        CountingParser parser = new CountingParser(NAMES);
        ContentSnapshot snapshot = start(parser, parsed);

        assertThat(parser.count()).isEqualTo(3);
        assertThat(snapshot.allPages()).hasSize(2);
        assertThat(notAFolder).hasContent("in the way");
    }

    @Test
    void theSiteKeepsParsedPagesOnlyWhenItCanTellItsParserAndHasAFolder() {
        ParsedPages kept = ParsedPagesConfig.parsedPages(properties(cache), Optional.of("code"), NAMES);
        start(new CountingParser(NAMES), kept);

        assertThat(cache).isNotEmptyDirectory();
        assertThat(ParsedPagesConfig.parsedPages(properties(cache), Optional.empty(), NAMES))
                .isSameAs(ParsedPages.NONE);
        assertThat(ParsedPagesConfig.parsedPages(properties(Path.of(" ")), Optional.of("code"), NAMES))
                .isSameAs(ParsedPages.NONE);
    }

    @Test
    void theParsersFingerprintIsTheSameForTheSameCode() {
        Optional<String> fingerprint = ParserCode.fingerprint();

        assertThat(fingerprint).hasValueSatisfying(digest -> assertThat(digest).matches("[0-9a-f]{64}"));
        assertThat(ParserCode.fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void theFingerprintLeavesOutWhatSpringGeneratesAtBuildTimeWhichDiffersFromBuildToBuild() {
        assertThat(ParserCode.isGenerated("ParsedPagesConfig$$SpringCGLIB$$FastClass$$1.class"))
                .isTrue();
        assertThat(ParserCode.isGenerated("ContentRepository__BeanDefinitions.class"))
                .isTrue();
        assertThat(ParserCode.isGenerated("PageParser.class")).isFalse();
        assertThat(ParserCode.isGenerated("FrontMatter$Source.class")).isFalse();
    }

    private ParsedPages parsed(String parserCode, PageVariables variables) {
        return new ParsedPages(Optional.of(cache), parserCode, variables);
    }

    private ContentSnapshot start(PageParser parser, ParsedPages parsed) {
        return repository(parser, parsed).current();
    }

    private ContentRepository repository(PageParser parser, ParsedPages parsed) {
        return new ContentRepository(
                properties(null), parser, parsed, ChangeDates.NONE, Approvals.NONE, Clock.systemUTC());
    }

    private ContentProperties properties(Path parseCache) {
        return new ContentProperties(root, Duration.ZERO, false, null, "", Duration.ZERO, parseCache);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.sorted().toList();
        }
    }

    private static String read(Path entry) {
        try {
            return Files.readString(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PageVariables variables(String phone) {
        Map<String, String> values = new HashMap<>(NAMES.values());
        values.put("phone", phone);
        return new PageVariables(values);
    }

    private static PageParser parser(PageVariables variables) {
        return new PageParser(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), variables);
    }

    /** The site's parser, counting the files it is given, and saying when it has warmed up. */
    private static final class CountingParser extends PageParser {

        private final AtomicInteger parsed = new AtomicInteger();
        private final CountDownLatch warmedUp = new CountDownLatch(1);

        CountingParser(PageVariables variables) {
            super(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), variables);
        }

        @Override
        public Result parse(Slug slug, String file, String text, LocalDate updated) {
            parsed.incrementAndGet();
            return super.parse(slug, file, text, updated);
        }

        @Override
        public void warmUp() {
            super.warmUp();
            warmedUp.countDown();
        }

        int count() {
            return parsed.get();
        }
    }
}
