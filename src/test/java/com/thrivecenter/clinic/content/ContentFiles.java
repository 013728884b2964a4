package com.thrivecenter.clinic.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes content files into a test's own content folder. */
final class ContentFiles {

    private final Path root;

    ContentFiles(Path root) {
        this.root = root;
    }

    static String page(String title, String extraFrontMatter, String body) {
        return "---\ntitle: " + title + "\ndescription: About " + title + ".\n" + extraFrontMatter + "---\n" + body
                + "\n";
    }

    Path write(String file, String text) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            return Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String file) {
        try {
            Files.delete(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
