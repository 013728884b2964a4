package com.thrivecenter.clinic.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each content file parsed to, kept on disk so that a start reads it back instead of parsing every file again:
 * parsing is most of loading a large site. A file's result depends only on its name and text, the page variables
 * and the parser's code ({@link ParserCode}), so an entry is named by a digest of all four: any change to them is a miss,
 * never a stale page. An entry is written whole or not at all; one that can't be read is a miss too, and a folder
 * that can't be written only costs the parsing. The folder must be as private as the data folder: its pages are
 * served as they are, already sanitised.
 */
public final class ParsedPages {

    /** No folder: every file is parsed at every start, as the command-line check does. */
    public static final ParsedPages NONE = new ParsedPages(Optional.empty(), "", PageVariables.names());

    private static final Logger log = LoggerFactory.getLogger(ParsedPages.class);
    private static final String ENTRY = ".json";
    private static final String PARTIAL = ".partial";

    /**
     * Its own mapper, not the site's: the format of the entries must not follow the JSON settings of the API. Every
     * part of a page is written, so an entry lacking one, or holding null for it, is damaged: refused as it is read
     * (a miss) rather than failing each time the page is rendered. An empty Optional reads back as empty, not null.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    private final Optional<Path> folder;
    /** The parser's code and the page variables, digested once: every entry's name starts from them. */
    private final MessageDigest keyPrefix;
    /** The entries the first load found or kept, until it is done: what {@link #removeUnused()} leaves. */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    private volatile boolean firstLoadDone;

    private final AtomicLong found = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile boolean writeFailed;

    /**
     * @param folder where the entries are kept; empty: nowhere
     * @param parserCode what tells this parser from another ({@link ParserCode#fingerprint()})
     */
    public ParsedPages(Optional<Path> folder, String parserCode, PageVariables variables) {
        this.folder = folder.map(path -> path.toAbsolutePath().normalize());
        StringBuilder prefix = new StringBuilder(parserCode).append('\0');
        new TreeMap<>(variables.values())
                .forEach((name, value) ->
                        prefix.append(name).append('=').append(value).append('\0'));
        this.keyPrefix = sha256();
        keyPrefix.update(prefix.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What this file's text parsed to before, when it is kept; otherwise what {@code parse} makes of it, kept for the
     * next start.
     */
    PageParser.Result readBackOr(String file, String text, Supplier<PageParser.Result> parse) {
        if (folder.isEmpty()) {
            return parse.get();
        }
        String name = entryName(file, text);
        if (!firstLoadDone) {
            asked.add(name);
        }
        Path entry = folder.get().resolve(name);
        try {
            PageParser.Result result = JSON.readValue(Files.readAllBytes(entry), PageParser.Result.class);
            found.incrementAndGet();
            return result;
        } catch (NoSuchFileException e) {
            // Not parsed before.
        } catch (IOException | RuntimeException e) {
            // Whatever an entry holds that can't be read back (a JacksonException, or a value a record refuses) is a
            // miss: the file is parsed again.
            warnOnce(
                    "Could not read the parsed page {} of {} ({}); parsing the file again", name, file, e.getMessage());
        }
        PageParser.Result result = parse.get();
        keep(entry, result);
        return result;
    }

    /** How many results have been read back since this was made. */
    long found() {
        return found.get();
    }

    /** Writes the entry whole, under a name no reader looks for until it is moved into place. */
    private void keep(Path entry, PageParser.Result result) {
        if (writeFailed) {
            return;
        }
        Path partial = entry.resolveSibling(entry.getFileName() + PARTIAL);
        try {
            Files.createDirectories(entry.getParent());
            Files.write(partial, JSON.writeValueAsBytes(result));
            Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JacksonException e) {
            writeFailed = true;
            warnOnce(
                    "Could not keep parsed pages in {} ({}); every start parses every page",
                    entry.getParent(),
                    e.getMessage());
        }
    }

    /**
     * Removes every entry not found or kept since this was made, and any half-written one, so the folder holds no
     * more than one load's worth: called once the first load is done, when every file has been asked for.
     */
    void removeUnused() {
        firstLoadDone = true;
        if (folder.isPresent() && Files.isDirectory(folder.get())) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.get())) {
                for (Path entry : entries) {
                    if (!asked.contains(entry.getFileName().toString())) {
                        Files.deleteIfExists(entry);
                    }
                }
            } catch (IOException e) {
                log.warn("Could not remove old parsed pages from {} ({})", folder.get(), e.getMessage());
            }
        }
        asked.clear();
    }

    /** The first problem in full; the rest, most likely the same one for every file, only when debugging. */
    private void warnOnce(String message, Object... arguments) {
        if (warned.compareAndSet(false, true)) {
            log.warn(message, arguments);
        } else {
            log.debug(message, arguments);
        }
    }

    private String entryName(String file, String text) {
        MessageDigest digest = clone(keyPrefix);
        digest.update(file.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()) + ENTRY;
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
