package com.thrivecenter.clinic.staff.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log as a hash chain on a real database: appends at once from many threads make one unbroken chain,
 * and each way of tampering with the rows (editing, deleting, reordering, adding) is found and named by row id,
 * by the staff area's check and by the command line. Subclasses choose the database.
 */
abstract class AuditChainContract {

    @Autowired
    AuditLog audit;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** Arguments that point the command line at this test's database. */
    abstract List<String> databaseArguments(String jdbcUrl);

    @BeforeEach
    void emptyChain() {
        jdbc.sql("DELETE FROM audit_event").update();
        jdbc.sql("UPDATE audit_chain_head SET last_id = NULL, last_hash = NULL").update();
    }

    private List<Long> recordFive() {
        for (int i = 1; i <= 5; i++) {
            audit.record("staff" + i + "@clinic.example", AuditAction.INQUIRY_VIEWED, "TCH-AAAAA" + (i + 1), null);
        }
        return ids();
    }

    private List<Long> ids() {
        return jdbc.sql("SELECT id FROM audit_event ORDER BY id")
                .query(Long.class)
                .list();
    }

    private List<ChainProblem> problems() {
        return verifier.verify().problems();
    }

    @Test
    void appendsFromManyThreadsAtOnceMakeOneUnbrokenChain() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String actor = "staff" + t + "@clinic.example";
                work.add(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.record(actor, AuditAction.SIGN_IN, null, "attempt " + i);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        ChainCheck check = verifier.verify();
        assertThat(check.problems()).isEmpty();
        assertThat(check.rowsChecked()).isEqualTo(threads * each);
        // No two rows chained to the same predecessor: the chain never forked.
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT previous_hash) FROM audit_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(threads * each);
    }

    @Test
    void anUntouchedChainIsIntact() {
        recordFive();

        ChainCheck check = verifier.verify();

        assertThat(check.intact()).isTrue();
        assertThat(check.rowsChecked()).isEqualTo(5);
    }

    @Test
    void anEditedRowIsFoundByItsId() {
        long edited = recordFive().get(2);

        jdbc.sql("UPDATE audit_event SET detail = 'nothing to see' WHERE id = :id")
                .param("id", edited)
                .update();

        assertThat(problems()).containsExactly(new ChainProblem(edited, ChainProblem.Kind.EDITED));
    }

    /**
     * Someone with the database but not the chain's key edits a row and reseals it and every row after it, as
     * plain SHA-256 would have let them: the chain still breaks at the edited row.
     */
    @Test
    void anEditedRowResealedWithoutTheKeyIsStillFound() {
        List<Long> ids = recordFive();
        AuditChainKey guessed = new AuditChainKey("not-the-site-key".getBytes(StandardCharsets.UTF_8));

        jdbc.sql("UPDATE audit_event SET detail = 'nothing to see' WHERE id = :id")
                .param("id", ids.get(2))
                .update();
        String previous = ChainedEvent.GENESIS;
        for (long id : ids) {
            ChainedEvent row = jdbc.sql("SELECT at, actor, action, target, detail FROM audit_event WHERE id = :id")
                    .param("id", id)
                    .query((rs, n) -> new ChainedEvent(
                            id,
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("target"),
                            rs.getString("detail"),
                            List.of(),
                            ""))
                    .single();
            String forged = new ChainedEvent(
                            id, row.at(), row.actor(), row.action(), row.target(), row.detail(), List.of(), previous)
                    .hash(guessed);
            jdbc.sql("UPDATE audit_event SET previous_hash = :previous, hash = :hash WHERE id = :id")
                    .param("previous", previous)
                    .param("hash", forged)
                    .param("id", id)
                    .update();
            previous = forged;
        }
        jdbc.sql("UPDATE audit_chain_head SET last_hash = :hash")
                .param("hash", previous)
                .update();

        assertThat(problems()).contains(new ChainProblem(ids.get(0), ChainProblem.Kind.EDITED));
        assertThat(verifier.verify().intact()).isFalse();
    }

    @Test
    void aDeletedMiddleRowIsFoundAtTheRowAfterIt() {
        List<Long> ids = recordFive();

        jdbc.sql("DELETE FROM audit_event WHERE id = :id")
                .param("id", ids.get(2))
                .update();

        assertThat(problems()).containsExactly(new ChainProblem(ids.get(3), ChainProblem.Kind.ROWS_MISSING_BEFORE));
    }

    @Test
    void deletedNewestRowsAreFound() {
        List<Long> ids = recordFive();

        jdbc.sql("DELETE FROM audit_event WHERE id >= :id")
                .param("id", ids.get(3))
                .update();

        assertThat(problems()).containsExactly(new ChainProblem(ids.get(4), ChainProblem.Kind.NEWEST_ROWS_MISSING));
    }

    @Test
    void twoRowsWithTheirContentsSwappedAreBothFound() {
        List<Long> ids = recordFive();

        swap(ids.get(1), ids.get(3), "at", "actor", "action", "target", "detail");

        assertThat(problems())
                .containsExactly(
                        new ChainProblem(ids.get(1), ChainProblem.Kind.EDITED),
                        new ChainProblem(ids.get(3), ChainProblem.Kind.EDITED));
    }

    @Test
    void twoRowsSwappedWithTheirHashesAreFoundOutOfOrder() {
        List<Long> ids = recordFive();

        swap(ids.get(1), ids.get(3), "at", "actor", "action", "target", "detail", "previous_hash", "hash");

        assertThat(problems())
                .contains(
                        new ChainProblem(ids.get(1), ChainProblem.Kind.OUT_OF_ORDER),
                        new ChainProblem(ids.get(1), ChainProblem.Kind.EDITED),
                        new ChainProblem(ids.get(3), ChainProblem.Kind.EDITED))
                .extracting(ChainProblem::id)
                .containsOnly(ids.get(1), ids.get(2), ids.get(3), ids.get(4));
    }

    @Test
    void aRowAddedOutsideTheSiteIsFound() {
        recordFive();
        jdbc.sql("INSERT INTO audit_event (at, actor, action) VALUES (CURRENT_TIMESTAMP, 'someone', 'SIGN_IN')")
                .update();
        List<Long> ids = ids();
        long added = ids.get(ids.size() - 1);

        assertThat(problems()).containsExactly(new ChainProblem(added, ChainProblem.Kind.NOT_SEALED));
    }

    @Test
    void theInquiriesOfAnExportArePartOfItsHash() {
        audit.recordForInquiries(
                "admin@clinic.example", AuditAction.INQUIRIES_EXPORTED, List.of("TCH-BBBBBB", "TCH-CCCCCC"), "2");
        long export = ids().get(0);
        assertThat(verifier.verify().intact()).isTrue();

        jdbc.sql("DELETE FROM audit_event_inquiry WHERE reference = 'TCH-CCCCCC'")
                .update();

        assertThat(problems()).containsExactly(new ChainProblem(export, ChainProblem.Kind.EDITED));
    }

    @Test
    void rowsWrittenBeforeTheChainExistedAreSealedInOrderByTheNextAppend() {
        for (int i = 0; i < 3; i++) {
            jdbc.sql("INSERT INTO audit_event (at, actor, action) VALUES (CURRENT_TIMESTAMP, 'before', 'SIGN_IN')")
                    .update();
        }

        audit.record("after@clinic.example", AuditAction.SIGN_OUT, null, null);

        ChainCheck check = verifier.verify();
        assertThat(check.problems()).isEmpty();
        assertThat(check.rowsChecked()).isEqualTo(4);
    }

    @Test
    void theCommandLineExitsZeroOnAnIntactChainAndOneOnATamperedOne() throws SQLException {
        long edited = recordFive().get(1);

        Result intact = verifyAuditCommand();
        assertThat(intact.exitCode()).as(intact.printed()).isZero();
        assertThat(intact.printed()).contains("Audit chain intact (5 rows checked)");

        jdbc.sql("UPDATE audit_event SET detail = 'secret detail' WHERE id = :id")
                .param("id", edited)
                .update();
        Result broken = verifyAuditCommand();

        assertThat(broken.exitCode()).as(broken.printed()).isEqualTo(1);
        assertThat(broken.printed())
                .contains("Row " + edited + ": changed after it was written")
                .contains("Audit chain broken: 1 problem(s) in 5 rows checked")
                .doesNotContain("secret detail");
    }

    private record Result(int exitCode, String printed) {}

    private Result verifyAuditCommand() throws SQLException {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of(AuditCheckCommand.OPTION), databaseArguments(url).stream())
                .toArray(String[]::new);
        // The command quietens the log to warnings, as for an operator; in its own JVM that ends with it, but here the
        // logging system is the test JVM's, and the contexts other test classes share would stop logging below that.
        LoggingSystem logging = LoggingSystem.get(AuditChainContract.class.getClassLoader());
        LogLevel rootLevel =
                logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
        int exitCode;
        try {
            exitCode = AuditCheckCommand.run(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, rootLevel);
        }
        return new Result(exitCode, output.toString(StandardCharsets.UTF_8));
    }

    /** Exchanges the given columns of two rows, as someone with access to the database could. */
    private void swap(long first, long second, String... columns) {
        Map<String, Object> one = jdbc.sql("SELECT * FROM audit_event WHERE id = :id")
                .param("id", first)
                .query()
                .singleRow();
        Map<String, Object> other = jdbc.sql("SELECT * FROM audit_event WHERE id = :id")
                .param("id", second)
                .query()
                .singleRow();
        for (String column : columns) {
            set(first, column, value(other, column));
            set(second, column, value(one, column));
        }
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException(column);
    }

    private void set(long id, String column, Object value) {
        jdbc.sql("UPDATE audit_event SET " + column + " = :value WHERE id = :id")
                .param("value", value)
                .param("id", id)
                .update();
    }
}
