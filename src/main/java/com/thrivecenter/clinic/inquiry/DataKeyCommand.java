package com.thrivecenter.clinic.inquiry;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar site.jar --rotate-data-key} or {@code --retire-old-data-keys}: the site starts without listening
 * on a port, does the one thing, reports counts (never keys) and stops. Run it with the site stopped (README).
 */
@Component
public class DataKeyCommand implements ApplicationRunner {

    public static final String ROTATE = "rotate-data-key";
    public static final String RETIRE = "retire-old-data-keys";

    private static final Logger log = LoggerFactory.getLogger(DataKeyCommand.class);

    private final DataKeyRotation rotation;

    public DataKeyCommand(DataKeyRotation rotation) {
        this.rotation = rotation;
    }

    /** Whether the command line asks for a key command rather than the site. */
    public static boolean requested(String... args) {
        return Arrays.asList(args).contains("--" + ROTATE)
                || Arrays.asList(args).contains("--" + RETIRE);
    }

    /** The arguments with the web server switched off (server.port=-1 starts no connector). */
    public static String[] withoutPort(String... args) {
        String[] withoutPort = Arrays.copyOf(args, args.length + 1);
        withoutPort[args.length] = "--server.port=-1";
        return withoutPort;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(ROTATE)) {
            DataKeyRotation.Outcome outcome = rotation.rotate();
            log.info(
                    "Added a new primary data key ({} keys in the keyset) and sealed {} values again under it",
                    outcome.keys(),
                    outcome.valuesSealedAgain());
        }
        if (args.containsOption(RETIRE)) {
            DataKeyRotation.Outcome outcome = rotation.retireOldKeys();
            log.info(
                    "Sealed {} values again under the primary data key and removed the others ({} key left)",
                    outcome.valuesSealedAgain(),
                    outcome.keys());
        }
    }
}
