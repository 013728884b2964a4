package com.thrivecenter.clinic.site;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Staff sessions live in the database (Spring Session JDBC), so every instance of the site reads the session a
 * visitor started on another. Their attributes are Java-serialised; one that cannot be read back (written by an
 * older version of the site, or damaged) reads as absent instead of failing the request, so that visitor is
 * simply signed out and signs in again.
 */
@Configuration
class StoredSessions {

    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> unreadableAttributesReadAsAbsent() {
        return repository -> repository.setConversionService(attributeConversions());
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
