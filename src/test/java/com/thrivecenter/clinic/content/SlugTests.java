package com.thrivecenter.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTests {

    @Test
    void requestPathsOfPagesBecomeSlugs() {
        assertThat(Slug.fromRequestPath("/")).contains(Slug.HOME);
        assertThat(Slug.fromRequestPath("/migraine")).contains(new Slug("migraine"));
        assertThat(Slug.fromRequestPath("/migraine/stages")).contains(new Slug("migraine/stages"));
        assertThat(Slug.fromRequestPath("/conditions/restless-legs")).contains(new Slug("conditions/restless-legs"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/..",
                "/migraine/../etc/passwd",
                "/%2e%2e/etc/passwd",
                "/migraine%2fstages",
                "/migraine%2Fstages",
                "//etc/passwd",
                "/.git/config",
                "/.hidden",
                "/migraine/stages.md",
                "/README",
                "/README.md",
                "/Migraine",
                "/migraine/",
                "/migraine//stages",
                "/-migraine",
                "/migraine-",
                "/a b",
                "/migraine;x=1",
                "/C:/windows",
                "/%00",
                "/migraine\\stages",
                "/index.md"
            })
    void anythingElseIsNoSlug(String rawPath) {
        assertThat(Slug.fromRequestPath(rawPath)).isEmpty();
    }

    @Test
    void filesMapToTheirCleanUrls() {
        assertThat(Slug.fromFile(Path.of("index.md"))).contains(Slug.HOME);
        assertThat(Slug.fromFile(Path.of("migraine/index.md"))).contains(new Slug("migraine"));
        assertThat(Slug.fromFile(Path.of("migraine/stages.md"))).contains(new Slug("migraine/stages"));
        assertThat(Slug.fromFile(Path.of("faq.md")).map(Slug::url)).contains("/faq");
    }

    @ParameterizedTest
    @ValueSource(strings = {"My Page.md", "migraine/Stages.md", "notes.txt", "under_score.md", "migraine/.md"})
    void filesWithOtherNamesAreNoPages(String file) {
        assertThat(Slug.fromFile(Path.of(file))).isEmpty();
    }

    @Test
    void ancestorsLeadFromHome() {
        assertThat(new Slug("a/b/c").ancestors()).containsExactly(Slug.HOME, new Slug("a"), new Slug("a/b"));
        assertThat(new Slug("faq").ancestors()).containsExactly(Slug.HOME);
        assertThat(Slug.HOME.ancestors()).isEmpty();
        assertThat(new Slug("a/b").isNested()).isTrue();
        assertThat(new Slug("a").isNested()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {2_500, 50_000})
    void aPathOfThousandsOfSegmentsIsNoSlugAndNoStackOverflow(int segments) {
        String path = "/a".repeat(segments);

        assertThat(Slug.fromRequestPath(path)).isEmpty();
        assertThat(Slug.fromFile(Path.of(path.substring(1) + ".md"))).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new Slug(path.substring(1)));
    }

    @Test
    void aSlugIsAtMostTwoHundredCharacters() {
        String longest = "a/".repeat(Slug.MAX_LENGTH / 2 - 1) + "ab";

        assertThat(longest).hasSize(Slug.MAX_LENGTH);
        assertThat(Slug.fromRequestPath("/" + longest)).contains(new Slug(longest));
        assertThat(Slug.fromRequestPath("/" + longest + "c")).isEmpty();
        assertThat(Slug.fromRequestPath("/" + "a".repeat(1_000_000))).isEmpty();
    }

    @Test
    void aSlugCannotBeMadeFromAnUnsafeValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Slug("../etc"));
    }
}
