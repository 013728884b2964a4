package com.thrivecenter.clinic.inquiry;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Where one Tink keyset comes from: the JSON in its setting, the file its setting names, or, with the setting
 * empty, a file in the data folder generated on first start. Only the last is ever created; a configured file that
 * is missing is an error, never silently replaced by a new key that cannot open what the old one sealed. Files are
 * readable by their owner only, and their content is never logged.
 */
final class KeysetSource {

    private final String name;
    private final String setting;
    private final Path defaultFile;
    private final boolean generate;
    private final Parameters parameters;

    /**
     * @param name the setting's name, for messages
     * @param setting its value: JSON, a file, or empty for {@code defaultFile}
     * @param generate whether an empty setting may generate {@code defaultFile} (one instance alone)
     */
    KeysetSource(String name, String setting, Path defaultFile, boolean generate, Parameters parameters) {
        this.name = name;
        this.setting = setting.strip();
        this.defaultFile = defaultFile;
        this.generate = generate;
        this.parameters = parameters;
    }

    /** The setting's name. */
    String name() {
        return name;
    }

    /** Where the keyset is kept, for messages: a file, or "the setting" for inline JSON. */
    String description() {
        return file().map(Path::toString).orElse("its setting (JSON)");
    }

    /** The file the keyset lives in; empty when it is given as JSON, which the site cannot rewrite. */
    Optional<Path> file() {
        if (setting.startsWith("{")) {
            return Optional.empty();
        }
        return Optional.of(setting.isEmpty() ? defaultFile : Path.of(setting));
    }

    KeysetHandle read() {
        try {
            if (setting.startsWith("{")) {
                return parse(setting);
            }
            if (setting.isEmpty() && !generate) {
                throw DataProperties.notSet(
                        name, "make the keysets with `java -jar clinic-site.jar --new-keysets DIR`");
            }
            Path file = file().orElseThrow();
            if (setting.isEmpty() && !Files.exists(file)) {
                create(file);
            }
            if (!Files.exists(file)) {
                throw new IllegalStateException("No data keyset at " + file + " (check clinic.data.*keyset)");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the data keyset " + description(), e);
        }
    }

    /** Replaces the keyset file whole: written to a private temporary file first, then moved over the old one. */
    void write(KeysetHandle keyset) {
        Path file = file().orElseThrow(() -> new IllegalStateException(
                "The data keyset is given as JSON in a setting: change it there (with Tinkey), not with this command"));
        try {
            Path temporary = privateTemporaryFile(file);
            Files.writeString(temporary, json(keyset), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the data keyset " + file, e);
        }
    }

    private void create(Path file) throws IOException {
        try {
            generate(file, parameters);
        } catch (FileAlreadyExistsException e) {
            // Another instance made it first: use theirs.
        }
    }

    /**
     * Writes a new keyset into a file readable by its owner only: in full to a temporary file first, then linked
     * into place, since a link never replaces a file (FileAlreadyExistsException when one is there).
     */
    static void generate(Path file, Parameters parameters) throws IOException {
        Path temporary = privateTemporaryFile(file);
        try {
            Files.writeString(temporary, json(KeysetHandle.generateNew(parameters)), StandardCharsets.UTF_8);
            Files.createLink(file, temporary);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate a data keyset", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path privateTemporaryFile(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        FileAttribute<?>[] ownerOnly =
                folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                        }
                        : new FileAttribute<?>[0];
        return Files.createTempFile(folder, file.getFileName().toString(), ".tmp", ownerOnly);
    }

    private static KeysetHandle parse(String json) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            // Tink's message never quotes key material.
            throw new IllegalStateException("The data keyset is not a valid Tink JSON keyset", e);
        }
    }

    private static String json(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not write the data keyset as JSON", e);
        }
    }
}
