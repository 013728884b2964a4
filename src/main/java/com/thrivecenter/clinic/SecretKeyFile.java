package com.thrivecenter.clinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret generated once and kept in a file readable by its owner only, so that signatures and keyed
 * hashes stay valid across restarts. The file appears whole or not at all, also when two instances start at once.
 */
public final class SecretKeyFile {

    private static final int BYTES = 32;

    private SecretKeyFile() {}

    public static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < BYTES) {
                throw new IllegalStateException(
                        "The secret in " + file + " is too short: delete the file to make a new one");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secret " + file, e);
        }
    }

    /** Written in full to a private temporary file, then linked into place: a link never replaces a file. */
    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp", ownerOnly(folder));
        try {
            byte[] secret = new byte[BYTES];
            new SecureRandom().nextBytes(secret);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            // Another instance made it first: use theirs.
        } finally {
            Files.delete(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }
}
