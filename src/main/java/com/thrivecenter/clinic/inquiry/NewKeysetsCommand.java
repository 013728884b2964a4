package com.thrivecenter.clinic.inquiry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar site.jar --new-keysets DIR}: writes a fresh data keyset and index keyset into DIR, as JSON files
 * readable by their owner only, for several instances to share (set clinic.data.keyset and
 * clinic.data.index-keyset to them on each). Never overwrites a keyset: one that exists may be all that opens the
 * stored inquiries. Runs without Spring, the database or the network.
 */
public final class NewKeysetsCommand {

    public static final String OPTION = "--new-keysets";

    private NewKeysetsCommand() {}

    /** Makes both keysets; the exit code is 0 when both were written, 1 otherwise. Prints paths, never keys. */
    public static int run(String[] args, PrintStream out) {
        List<String> arguments = Arrays.asList(args);
        int at = arguments.indexOf(OPTION);
        if (at + 1 >= arguments.size() || arguments.get(at + 1).startsWith("--")) {
            out.println("Usage: java -jar clinic-site.jar " + OPTION + " DIR");
            return 1;
        }
        Path folder = Path.of(arguments.get(at + 1));
        Path data = folder.resolve(PatientKeys.DATA_KEYSET_FILE);
        Path index = folder.resolve(PatientKeys.INDEX_KEYSET_FILE);
        for (Path file : List.of(data, index)) {
            if (Files.exists(file)) {
                out.println(file + " exists already: it is not replaced (it may be the only key to stored data)");
                return 1;
            }
        }
        PatientKeys.registerKeyTypes();
        try {
            KeysetSource.generate(data, PatientKeys.DATA_PARAMETERS);
            KeysetSource.generate(index, PatientKeys.INDEX_PARAMETERS);
        } catch (FileAlreadyExistsException e) {
            out.println(e.getFile() + " appeared meanwhile: it is not replaced");
            return 1;
        } catch (IOException e) {
            out.println("Could not write the keysets into " + folder + ": " + e.getMessage());
            return 1;
        }
        out.println("Wrote " + data + " and " + index + " (readable by their owner only). Give every instance the same"
                + " two: clinic.data.keyset=" + data.toAbsolutePath() + " and clinic.data.index-keyset="
                + index.toAbsolutePath() + ", and keep copies apart from the database's backups.");
        return 0;
    }
}
