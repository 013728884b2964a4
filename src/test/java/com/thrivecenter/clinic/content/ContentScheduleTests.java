package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages with publish and expires times appear and disappear on time, in the clinic's time zone. */
class ContentScheduleTests {

    private static final ZoneId CLINIC = ZoneId.of("America/Chicago");

    @TempDir
    Path root;

    private ContentFiles files;
    private final MutableClock clock = new MutableClock();
    private ContentRepository repository;

    @BeforeEach
    void setUp() {
        files = new ContentFiles(root);
        // 2026-11-24 09:00 in Chicago.
        clock.set(ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, CLINIC).toInstant());
        files.write("index.md", page("Home", "", ""));
        files.write(
                "holiday-hours.md",
                page(
                        "Holiday hours",
                        "nav:\n  label: Holidays\n  order: 5\npublish: 2026-11-24 10:00\n"
                                + "expires: 2026-11-24 12:00\n",
                        "Closed on Thursday."));
        repository = new ContentRepository(
                new ContentProperties(root, Duration.ZERO, false, CLINIC, "", Duration.ZERO, null),
                new PageParser(
                        new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names()),
                ParsedPages.NONE,
                ChangeDates.NONE,
                Approvals.NONE,
                clock);
    }

    private boolean live() {
        ContentSnapshot content = repository.current();
        return content.find(new Slug("holiday-hours")).isPresent();
    }

    @Test
    void aScheduledPageAppearsOnTimeWithItsMenuItemAndGoesWhenItExpires() {
        assertThat(live()).isFalse();
        assertThat(repository.current().menu()).isEmpty();
        assertThat(repository.current().publishedPages()).extracting(Page::url).containsExactly("/");

        clock.advance(Duration.ofMinutes(59));
        repository.followSchedule();
        assertThat(live()).as("a minute early").isFalse();

        clock.advance(Duration.ofMinutes(1));
        repository.followSchedule();
        assertThat(live()).isTrue();
        assertThat(repository.current().menu()).extracting(MenuItem::label).containsExactly("Holidays");
        assertThat(repository.current().publishedPages()).extracting(Page::url).contains("/holiday-hours");

        clock.advance(Duration.ofHours(2));
        repository.followSchedule();
        assertThat(live()).isFalse();
        assertThat(repository.current().menu()).isEmpty();
    }

    @Test
    void nothingChangesBetweenScheduledTimes() {
        ContentSnapshot before = repository.current();
        clock.advance(Duration.ofMinutes(30));

        repository.followSchedule();

        assertThat(repository.current()).isSameAs(before);
    }

    @Test
    void badTimesAndAnExpiryBeforeThePublishTimeAreProblemsWithTheirLine() {
        files.write("a.md", page("A", "publish: next week\n", ""));
        files.write("b.md", page("B", "publish: 2026-12-02 09:00\nexpires: 2026-12-01 09:00\n", ""));
        repository.reload();

        assertThat(repository.current().problems())
                .extracting(ContentProblem::toString)
                .contains(
                        "a.md:4: error: expected a date and time like 2026-12-01 09:00, found 'next week'",
                        "b.md:5: error: 'expires' must be later than 'publish'");
    }
}
