package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Which start uses the build's processing by itself; the packaged jar's own start is {@code PackagedJarIT}. */
class PackagedStartTests {

    @Test
    void aJarFileAndTheClassesInsideBootsExecutableJarArePackaged() throws Exception {
        assertThat(PackagedStart.isJar(url("file:/opt/clinic/clinic-site-1.0.0-SNAPSHOT.jar")))
                .isTrue();
        assertThat(PackagedStart.isJar(
                        new URL(null, "jar:nested:/opt/clinic/site.jar/!BOOT-INF/classes/!/", new NoHandler())))
                .isTrue();
    }

    @Test
    void aFolderOfClassesIsNotPackaged() throws Exception {
        assertThat(PackagedStart.isJar(url("file:/work/main/target/classes/"))).isFalse();
    }

    private static URL url(String url) throws Exception {
        return URI.create(url).toURL();
    }

    /** Boot's nested-jar handler is the launcher's; parsing the address needs none. */
    private static final class NoHandler extends java.net.URLStreamHandler {
        @Override
        protected java.net.URLConnection openConnection(URL url) {
            throw new UnsupportedOperationException();
        }
    }
}
