package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No bean class of the site's carries {@code @Transactional}: nothing proxies it since Boot's transaction
 * auto-configuration is left out ({@link TransactionConfig}), so the annotation would be silently ignored and its
 * changes not kept together.
 */
class TransactionsAreWrittenOutTests {

    @Test
    void noBeanOfTheSiteUsesTheTransactionalAnnotation() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> transactionalBean(reader.getAnnotationMetadata()));

        assertThat(scanner.findCandidateComponents(SiteApplication.class.getPackageName()).stream()
                        .map(bean -> bean.getBeanClassName())
                        .collect(Collectors.toList()))
                .as("use TransactionTemplate instead")
                .isEmpty();
    }

    /** A component of the site's (a test class may well be transactional) with the annotation. */
    private static boolean transactionalBean(AnnotationMetadata type) {
        return type.isAnnotated(Component.class.getName())
                && (type.hasAnnotation(Transactional.class.getName())
                        || type.hasAnnotatedMethods(Transactional.class.getName())
                        || type.hasAnnotatedMethods("jakarta.transaction.Transactional"));
    }
}
