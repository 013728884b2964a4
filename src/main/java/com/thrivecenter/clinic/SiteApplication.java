package com.thrivecenter.clinic;

import com.thrivecenter.clinic.content.ContentCheck;
import com.thrivecenter.clinic.inquiry.DataKeyCommand;
import com.thrivecenter.clinic.inquiry.NewKeysetsCommand;
import com.thrivecenter.clinic.staff.audit.AuditCheckCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/** Boot's transaction auto-configuration is left out: see {@link TransactionConfig}. */
@SpringBootApplication(exclude = TransactionAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SiteApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(ContentCheck.OPTION)) {
            System.exit(ContentCheck.run(ContentCheck.folder(args, System.getenv("CLINIC_CONTENT_DIR")), System.out));
        }
        if (Arrays.asList(args).contains(AuditCheckCommand.OPTION)) {
            System.exit(AuditCheckCommand.run(args, System.out));
        }
        if (Arrays.asList(args).contains(NewKeysetsCommand.OPTION)) {
            System.exit(NewKeysetsCommand.run(args, System.out));
        }
        PackagedStart.useTheBuildsProcessing();
        JettyCacheLine.tellJetty();
        if (DataKeyCommand.requested(args)) {
            // The key commands need the database and the keysets; the site starts without listening on a port.
            System.exit(SpringApplication.exit(
                    SpringApplication.run(SiteApplication.class, DataKeyCommand.withoutPort(args))));
        }
        SpringApplication.run(SiteApplication.class, args);
    }
}
