package com.thrivecenter.clinic.staff.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends rows to the audit log as links of a hash chain. Each append locks the chain's head row until its
 * transaction ends, so appends are chained one after the other however many happen at once. On start (before
 * the site serves a request) rows written before the chain existed are sealed in id order.
 */
@Component
class AuditChain implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditChainKey key;

    AuditChain(JdbcClient jdbc, TransactionTemplate transaction, AuditChainKey key) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.key = key;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> lockHead());
    }

    /** Joins the caller's transaction, if any: the row is kept with the change it records, or neither is. */
    void append(
            Instant at, String actor, AuditAction action, String target, String detail, Collection<String> inquiries) {
        transaction.executeWithoutResult(status -> {
            String previous = lockHead();
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO audit_event (at, actor, action, target, detail, previous_hash)"
                            + " VALUES (:at, :actor, :action, :target, :detail, :previous)")
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .param("actor", actor)
                    .param("action", action.name())
                    .param("target", target)
                    .param("detail", detail)
                    .param("previous", previous)
                    .update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            List<String> references = inquiries.stream().distinct().toList();
            references.forEach(reference -> jdbc.sql(
                            "INSERT INTO audit_event_inquiry (event_id, reference) VALUES (:id, :reference)")
                    .param("id", id)
                    .param("reference", reference)
                    .update());
            seal(new ChainedEvent(id, at, actor, action.name(), target, detail, references, previous));
        });
    }

    /** Locks the head and returns the newest hash, sealing older rows first if the chain has not started. */
    private String lockHead() {
        Optional<String> last = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> Optional.ofNullable(rs.getString("last_hash")))
                .single();
        return last.orElseGet(this::sealOlderRows);
    }

    private String sealOlderRows() {
        List<StoredEvent> unsealed = new ArrayList<>();
        StoredEvents.forEach(jdbc, StoredEvents.Rows.UNSEALED, unsealed::add);
        String previous = ChainedEvent.GENESIS;
        for (StoredEvent row : unsealed) {
            ChainedEvent event = row.event();
            previous = seal(new ChainedEvent(
                    event.id(),
                    event.at(),
                    event.actor(),
                    event.action(),
                    event.target(),
                    event.detail(),
                    event.inquiries(),
                    previous));
        }
        if (unsealed.isEmpty()) {
            jdbc.sql("UPDATE audit_chain_head SET last_hash = :hash WHERE id = 1")
                    .param("hash", previous)
                    .update();
        }
        return previous;
    }

    /** Stores the event's previous hash and hash and moves the head to it; returns the hash. */
    private String seal(ChainedEvent event) {
        String hash = event.hash(key);
        jdbc.sql("UPDATE audit_event SET previous_hash = :previous, hash = :hash WHERE id = :id")
                .param("previous", event.previousHash())
                .param("hash", hash)
                .param("id", event.id())
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_id = :id, last_hash = :hash WHERE id = 1")
                .param("id", event.id())
                .param("hash", hash)
                .update();
        return hash;
    }
}
