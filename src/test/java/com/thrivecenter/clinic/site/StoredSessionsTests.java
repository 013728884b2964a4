package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.session.autoconfigure.SessionProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A staff session lasts as the README says: {@code server.servlet.session.timeout}, unless
 * {@code spring.session.timeout} is set, which wins. (The site makes the repository itself; see StoredSessions.)
 */
class StoredSessionsTests {

    private final ServerProperties server = new ServerProperties();
    private final SessionProperties session = new SessionProperties();

    private Duration newSessionLasts() {
        SimpleDriverDataSource unused = new SimpleDriverDataSource();
        JdbcIndexedSessionRepository repository = new StoredSessions()
                .sessionRepository(new JdbcTemplate(unused), new DataSourceTransactionManager(unused), session, server);
        Session created = repository.createSession();
        return created.getMaxInactiveInterval();
    }

    @Test
    void aSessionLastsThirtyMinutesWithoutARequestByDefault() {
        assertThat(newSessionLasts()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theContainersSessionTimeoutSetsHowLong() {
        server.getServlet().getSession().setTimeout(Duration.ofMinutes(10));

        assertThat(newSessionLasts()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void springSessionsTimeoutWinsOverTheContainers() {
        server.getServlet().getSession().setTimeout(Duration.ofMinutes(10));
        session.setTimeout(Duration.ofMinutes(5));

        assertThat(newSessionLasts()).isEqualTo(Duration.ofMinutes(5));
    }
}
