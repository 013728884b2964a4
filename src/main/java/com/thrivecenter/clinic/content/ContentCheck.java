package com.thrivecenter.clinic.content;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The content check for staff and CI: {@code java -jar target/*.jar --check-content} reads the content folder
 * as the site would and lists every error and warning with its file and line, exiting non-zero when there is
 * an error (or no page at all).
 */
public final class ContentCheck {

    public static final String OPTION = "--check-content";

    private ContentCheck() {}

    /** The folder comes from {@code --clinic.content.dir=…}, else CLINIC_CONTENT_DIR, else "content". */
    public static Path folder(String[] args, String environmentValue) {
        for (String arg : args) {
            if (arg.startsWith("--clinic.content.dir=")) {
                return Path.of(arg.substring("--clinic.content.dir=".length()));
            }
        }
        return Path.of(environmentValue == null || environmentValue.isBlank() ? "content" : environmentValue);
    }

    /** Returns the exit code: 0 when the content has no errors (warnings allowed), 1 when it has one. */
    public static int run(Path folder, PrintStream out) {
        ContentSnapshot content = ContentRepository.forFolder(folder).current();
        List<ContentProblem> problems = content.problems();
        problems.forEach(problem -> out.println(folder.resolve(problem.file()) + ":" + problem.line() + ": "
                + problem.severity().label() + ": " + problem.message()));
        long errors = problems.stream().filter(ContentProblem::isError).count();
        out.println(content.allPages().size() + " pages checked in " + folder + ": " + errors + " error(s), "
                + (problems.size() - errors) + " warning(s)");
        return errors == 0 && !content.allPages().isEmpty() ? 0 : 1;
    }
}
