package com.thrivecenter.clinic.content.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads Brotli's native library for brotli4j without leaving a copy of it on disk. brotli4j unpacks the library into
 * a fresh folder of java.io.tmpdir at every start and deletes it only when the JVM exits normally, so each crash left
 * a megabyte behind. On Linux a loaded library stays mapped once its file is deleted, so here brotli4j loads a copy
 * (through its {@code brotli4j.library.path} setting) that is deleted at once. Elsewhere, or when that setting is
 * given, brotli4j loads the library its own way.
 */
final class BrotliNativeLibrary {

    private static final String LIBRARY_PATH = "brotli4j.library.path";
    /** brotli4j's own setting for where it unpacks the library, honoured here too. */
    private static final String WORKDIR = "com.aayushatharva.brotli4j.native.workdir";

    private static boolean attempted;

    private BrotliNativeLibrary() {}

    /**
     * @throws UnsatisfiedLinkError if the library cannot be loaded on this platform (brotli4j loads it once per class
     *     loader: a failure stays)
     * @throws IOException if the copy cannot be written
     */
    static synchronized void load() throws IOException {
        if (!attempted && System.getProperty(LIBRARY_PATH) == null && isLinux()) {
            attempted = true;
            // Brotli4jLoader.class does not load the library: only calling it does.
            try (InputStream library = Brotli4jLoader.class.getResourceAsStream(bundledLinuxLibrary())) {
                if (library != null) {
                    loadDeletedCopy(library);
                }
            }
        }
        Brotli4jLoader.ensureAvailability();
    }

    private static void loadDeletedCopy(InputStream library) throws IOException {
        Path folder = Path.of(System.getProperty(WORKDIR, System.getProperty("java.io.tmpdir")));
        Path copy = Files.createTempFile(Files.createDirectories(folder), "libbrotli-", ".so");
        try {
            Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
            System.setProperty(LIBRARY_PATH, copy.toString());
            Brotli4jLoader.ensureAvailability();
        } finally {
            System.clearProperty(LIBRARY_PATH);
            Files.delete(copy);
        }
    }

    private static boolean isLinux() {
        return "Linux".equals(System.getProperty("os.name"));
    }

    /** Where brotli4j's native jar for this processor keeps the library (amd64 is named x86_64 there). */
    private static String bundledLinuxLibrary() {
        String processor = System.getProperty("os.arch").replace("amd64", "x86_64");
        return "/lib/linux-" + processor + "/" + System.mapLibraryName("brotli");
    }
}
