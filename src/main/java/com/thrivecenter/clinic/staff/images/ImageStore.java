package com.thrivecenter.clinic.staff.images;

import com.thrivecenter.clinic.content.ContentProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The pictures in {@code content/images/}, served at {@code /images/…}. The one place that writes them: a picture
 * is written whole or not at all (a temporary file, flushed to disk, then renamed), and never over another.
 */
@Component
class ImageStore {

    /** Temporary files start with a dot, so the library never lists one. */
    private static final String TEMPORARY_PREFIX = ".upload-";

    private final Path folder;

    ImageStore(ContentProperties content) {
        this.folder = content.dir().resolve("images");
    }

    /** The name itself when it is free, else the first free "name-2.ext", "name-3.ext", … */
    synchronized String freeName(String name, ImageType type) {
        String candidate = name + "." + type.extension();
        for (int number = 2; Files.exists(folder.resolve(candidate)); number++) {
            candidate = name + "-" + number + "." + type.extension();
        }
        return candidate;
    }

    /** Writes a new picture; refuses a name that is taken, so nothing is ever overwritten. */
    synchronized void store(String fileName, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        if (!target.getParent().equals(folder) || fileName.startsWith(".")) {
            throw new IllegalArgumentException("Not a picture's name: " + fileName);
        }
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(fileName);
        }
        Path temporary = Files.createTempFile(folder, TEMPORARY_PREFIX, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Every picture, sorted by name; none while the folder does not exist yet. */
    List<StoredImage> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .map(this::describe)
                    .sorted(Comparator.comparing(StoredImage::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredImage describe(Path file) {
        String name =
                folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        try {
            return new StoredImage(name, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
