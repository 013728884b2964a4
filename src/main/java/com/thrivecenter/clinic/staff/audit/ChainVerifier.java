package com.thrivecenter.clinic.staff.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the audit log in id order and reports every break of the chain: a row whose hash no longer matches its
 * fields (edited), a row whose previous hash is not the hash of the row before it (rows deleted before it, or,
 * when that hash belongs to another row, rows moved), a row without a hash, and a head that points past the last
 * row (the newest rows deleted). After a break the walk goes on from the row as it stands, so one deleted row
 * is one problem, not a problem for every row after it. It takes no lock: staff keep working while it runs.
 */
@Component
public class ChainVerifier {

    private final JdbcClient jdbc;
    private final AuditChainKey key;

    public ChainVerifier(JdbcClient jdbc, AuditChainKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    public ChainCheck verify() {
        Walk walk = new Walk();
        StoredEvents.forEach(jdbc, StoredEvents.Rows.ALL, walk::step);
        checkHead(walk);
        return new ChainCheck(walk.rows, walk.problems, walk.previous);
    }

    private final class Walk {
        long rows;
        long lastId;
        String previous = ChainedEvent.GENESIS;
        final List<ChainProblem> problems = new ArrayList<>();

        void step(StoredEvent row) {
            rows++;
            ChainedEvent event = row.event();
            lastId = event.id();
            if (!row.sealed()) {
                problems.add(new ChainProblem(event.id(), ChainProblem.Kind.NOT_SEALED));
                return;
            }
            if (!Objects.equals(event.previousHash(), previous)) {
                problems.add(new ChainProblem(event.id(), brokenLink(event.previousHash())));
            }
            if (!event.hash(key).equals(row.hash())) {
                problems.add(new ChainProblem(event.id(), ChainProblem.Kind.EDITED));
            }
            previous = row.hash();
        }
    }

    /** A previous hash that some other row carries means that row was moved; one that none carries, deletion. */
    private ChainProblem.Kind brokenLink(String previousHash) {
        boolean elsewhere = previousHash != null
                && jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE hash = :hash")
                                .param("hash", previousHash)
                                .query(Long.class)
                                .single()
                        > 0;
        return elsewhere ? ChainProblem.Kind.OUT_OF_ORDER : ChainProblem.Kind.ROWS_MISSING_BEFORE;
    }

    /**
     * The head names the newest row appended. If it is not where the walk ended, either rows were appended while
     * the walk ran (then its row is there now) or the newest rows were deleted.
     */
    private void checkHead(Walk walk) {
        Optional<Head> head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, row) -> new Head(rs.getObject("last_id", Long.class), rs.getString("last_hash")))
                .optional();
        if (head.isEmpty() || head.get().hash() == null || head.get().hash().equals(walk.previous)) {
            return;
        }
        Long headId = head.get().id();
        boolean appendedSince = headId != null
                && headId > walk.lastId
                && jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE id = :id AND hash = :hash")
                                .param("id", headId)
                                .param("hash", head.get().hash())
                                .query(Long.class)
                                .single()
                        > 0;
        if (!appendedSince) {
            walk.problems.add(
                    new ChainProblem(headId == null ? walk.lastId : headId, ChainProblem.Kind.NEWEST_ROWS_MISSING));
        }
    }

    private record Head(Long id, String hash) {}
}
