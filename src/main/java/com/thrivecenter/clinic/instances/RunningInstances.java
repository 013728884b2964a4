package com.thrivecenter.clinic.instances;

import com.thrivecenter.clinic.SharedSecret;
import com.thrivecenter.clinic.SharedSecretRefused;
import com.thrivecenter.clinic.SharedSecrets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's row among the running instances (migration V13). Before the site takes requests it records the
 * fingerprints of its shared secrets and compares them with those of every instance that is alive on the same
 * database; on a mismatch it removes its row and refuses to start, naming the setting and never a key. Recording
 * before comparing means two instances starting at once with different secrets both see each other. While it runs,
 * a heartbeat keeps the row fresh, on the database's clock; on shutdown the row goes, so an operator can change a
 * secret by stopping every instance, and a crashed instance stops counting once its heartbeat is old.
 */
@Component
class RunningInstances implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunningInstances.class);

    private final JdbcClient jdbc;
    private final List<SharedSecrets> holders;
    private final InstanceProperties properties;
    private final String id = UUID.randomUUID().toString();
    private List<SharedSecret> secrets = List.of();

    RunningInstances(JdbcClient jdbc, List<SharedSecrets> holders, InstanceProperties properties) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        secrets = holders.stream()
                .flatMap(holder -> holder.sharedSecrets().stream())
                .toList();
        Timestamp aliveSince = aliveSince();
        jdbc.sql("DELETE FROM site_instance WHERE heartbeat_at < :aliveSince")
                .param("aliveSince", aliveSince)
                .update();
        register();
        List<String> disagreements = disagreements(aliveSince);
        if (!disagreements.isEmpty()) {
            remove();
            throw new SharedSecretRefused("This instance does not start: " + String.join("; ", disagreements)
                    + ". Every instance sharing the database must use the same values (a keyset may also hold"
                    + " keys the others lack, as long as each instance's primary key is in every other's keyset)."
                    + " Give this instance the running instances' values, or stop every instance to change one.");
        }
    }

    // The interval from the settings record itself (its default included), not from a placeholder restating it.
    @Scheduled(
            fixedDelayString =
                    "#{@'clinic.instances-com.thrivecenter.clinic.instances.InstanceProperties'.heartbeat().toMillis()}")
    void heartbeat() {
        try {
            int updated = jdbc.sql("UPDATE site_instance SET heartbeat_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .param("id", id)
                    .update();
            if (updated == 0) {
                // Silent too long (a pause, or the database was away) and cleared by a starting instance: back in.
                log.warn("This instance's heartbeat had lapsed; it is recorded as running again");
                register();
            }
        } catch (DataAccessException e) {
            // The database's own health check says it is down; the next heartbeat tries again.
            log.debug(
                    "Could not record this instance's heartbeat: {}",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        try {
            remove();
        } catch (DataAccessException e) {
            log.warn("Could not remove this instance from the running instances; it drops out once its heartbeat"
                    + " is old");
        }
    }

    private void register() {
        jdbc.sql(
                        """
                        INSERT INTO site_instance (id, host, started_at, heartbeat_at)
                        VALUES (:id, :host, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                        """)
                .param("id", id)
                .param("host", host())
                .update();
        for (SharedSecret secret : secrets) {
            for (String key : secret.keys()) {
                jdbc.sql(
                                """
                                INSERT INTO site_instance_key (instance_id, setting, fingerprint, is_primary)
                                VALUES (:id, :setting, :fingerprint, :primary)
                                """)
                        .param("id", id)
                        .param("setting", secret.setting())
                        .param("fingerprint", key)
                        .param("primary", key.equals(secret.primary()))
                        .update();
            }
        }
    }

    private void remove() {
        jdbc.sql("DELETE FROM site_instance WHERE id = :id").param("id", id).update();
    }

    /** The settings in which this instance disagrees with a live one, each with the host it runs on. */
    private List<String> disagreements(Timestamp aliveSince) {
        Map<String, Map<String, SharedSecret>> others = others(aliveSince);
        Set<String> found = new TreeSet<>();
        others.forEach((host, theirs) -> {
            for (SharedSecret mine : secrets) {
                SharedSecret their = theirs.get(mine.setting());
                if (their != null && !mine.agreesWith(their)) {
                    found.add(mine.setting() + " differs from that of the instance running on " + host);
                }
            }
        });
        return List.copyOf(found);
    }

    /** A key of a live instance's shared secret, as recorded. */
    private record RecordedKey(String instance, String setting, String fingerprint, boolean primary) {}

    /** Each live instance (by its host and id) with its shared secrets by setting. */
    private Map<String, Map<String, SharedSecret>> others(Timestamp aliveSince) {
        Map<String, Map<String, List<RecordedKey>>> keys = jdbc
                .sql(
                        """
                        SELECT i.id, i.host, k.setting, k.fingerprint, k.is_primary
                        FROM site_instance i JOIN site_instance_key k ON k.instance_id = i.id
                        WHERE i.id <> :id AND i.heartbeat_at >= :aliveSince
                        """)
                .param("id", id)
                .param("aliveSince", aliveSince)
                .query((rs, row) -> new RecordedKey(
                        rs.getString("host") + " (" + rs.getString("id") + ")",
                        rs.getString("setting"),
                        rs.getString("fingerprint"),
                        rs.getBoolean("is_primary")))
                // A list, not the query's stream, which would hold its connection until closed.
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        RecordedKey::instance, LinkedHashMap::new, Collectors.groupingBy(RecordedKey::setting)));
        Map<String, Map<String, SharedSecret>> others = new LinkedHashMap<>();
        keys.forEach((instance, bySetting) -> {
            Map<String, SharedSecret> theirs = new LinkedHashMap<>();
            bySetting.forEach((setting, recorded) -> theirs.put(setting, secret(setting, recorded)));
            others.put(instance, theirs);
        });
        return others;
    }

    private static SharedSecret secret(String setting, List<RecordedKey> recorded) {
        String primary = recorded.stream()
                .filter(RecordedKey::primary)
                .map(RecordedKey::fingerprint)
                .findFirst()
                .orElseThrow();
        return new SharedSecret(
                setting,
                primary,
                recorded.stream().map(RecordedKey::fingerprint).collect(Collectors.toSet()));
    }

    /** The oldest heartbeat of an instance that still counts as running, on the database's clock. */
    private Timestamp aliveSince() {
        Timestamp now =
                jdbc.sql("SELECT CURRENT_TIMESTAMP").query(Timestamp.class).single();
        return Timestamp.from(now.toInstant().minus(properties.deadAfter()));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }
}
