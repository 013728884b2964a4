package com.thrivecenter.clinic.staff.audit;

import com.thrivecenter.clinic.inquiry.DataProperties;
import java.io.PrintStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit check for operators: {@code java -jar target/*.jar --verify-audit} walks the audit chain of the
 * configured database (the same settings and profiles as the site: data folder, {@code postgres} profile) and
 * prints each problem, exiting 1 when there is one. It starts only a database connection, no web server, no
 * migrations, no scheduled jobs, and changes nothing. The embedded H2 file can be open in one process only: stop
 * the site first, or check PostgreSQL while it runs.
 */
public final class AuditCheckCommand {

    public static final String OPTION = "--verify-audit";

    private AuditCheckCommand() {}

    /** Returns the exit code: 0 when the chain is intact, 1 when it is broken or cannot be read. */
    public static int run(String[] args, PrintStream out) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Database.class)
                .web(WebApplicationType.NONE)
                .properties("logging.level.root=warn")
                .run(args)) {
            ChainCheck check = new ChainVerifier(
                            context.getBean(JdbcClient.class), new AuditChainKey(context.getBean(DataProperties.class)))
                    .verify();
            check.problems().forEach(problem -> out.println(problem.describe()));
            out.println(
                    check.intact()
                            ? "Audit chain intact (" + check.rowsChecked() + " rows checked); newest hash "
                                    + check.lastHash()
                            : "Audit chain broken: " + check.problems().size() + " problem(s) in " + check.rowsChecked()
                                    + " rows checked");
            return check.intact() ? 0 : 1;
        } catch (DataAccessException e) {
            out.println(
                    "Could not read the audit log: " + e.getMostSpecificCause().getMessage());
            return 1;
        }
    }

    /** Only what reading the database takes; not scanned into the site, which has all of it already. */
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class
    })
    @EnableConfigurationProperties(DataProperties.class)
    static class Database {}
}
