package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Which locations of the site's classes count as a packaged jar. The start of Boot's executable jar itself, whose
 * classes have a {@code jar:nested:} location, is {@code PackagedJarIT}.
 */
class PackagedStartTests {

    @Test
    void aJarFileIsPackaged() throws Exception {
        assertThat(PackagedStart.isJar(url("file:/opt/clinic/clinic-site-1.0.0-SNAPSHOT.jar")))
                .isTrue();
    }

    @Test
    void theClassesInsideAJarArePackaged() throws Exception {
        assertThat(PackagedStart.isJar(url("jar:file:/opt/clinic/site.jar!/BOOT-INF/classes!/")))
                .isTrue();
    }

    @Test
    void aFolderOfClassesIsNotPackaged() throws Exception {
        assertThat(PackagedStart.isJar(url("file:/work/main/target/classes/"))).isFalse();
    }

    private static URL url(String url) throws Exception {
        return URI.create(url).toURL();
    }
}
