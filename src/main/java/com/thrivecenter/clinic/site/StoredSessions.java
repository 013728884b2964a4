package com.thrivecenter.clinic.site;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.session.autoconfigure.SessionProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff sessions live in the database (Spring Session JDBC), so every instance of the site reads the session a
 * visitor started on another. Their attributes are Java-serialised; one that cannot be read back (written by an
 * older version of the site, or damaged) reads as absent instead of failing the request, so that visitor is
 * simply signed out and signs in again.
 *
 * <p>The repository is made here, with the site's own {@link JdbcTemplate}, rather than by Spring Session's JDBC
 * configuration: that one gives the repository a template of its own whose error translation reads Spring's
 * {@code sql-error-codes.xml} as the site starts: the JDK's XML parser, some 400 classes and 0.2 s of a start that
 * nothing else in the site needs (see bench/README.md). The site's template translates errors from their SQL state.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class StoredSessions {

    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);

    @Bean
    JdbcIndexedSessionRepository sessionRepository(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SessionProperties session,
            ServerProperties server) {
        // Each session write commits on its own, whatever transaction the request may be in.
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc, ownTransaction);
        // spring.session.timeout if set, else the container's server.servlet.session.timeout (30 minutes).
        repository.setDefaultMaxInactiveInterval(
                session.determineTimeout(() -> server.getServlet().getSession().getTimeout()));
        repository.setConversionService(attributeConversions());
        return repository;
    }

    private static ConversionService attributeConversions() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, readOrAbsent());
        return conversions;
    }

    private static Converter<byte[], Object> readOrAbsent() {
        DeserializingConverter deserializer = new DeserializingConverter(StoredSessions.class.getClassLoader());
        return bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException unreadable) {
                log.warn(
                        "A stored session attribute could not be read back ({}): its visitor goes on without it",
                        unreadable.getMostSpecificCause().getClass().getSimpleName());
                return null;
            }
        };
    }
}
