package com.thrivecenter.clinic;

import java.net.URL;
import java.security.CodeSource;
import java.util.Optional;
import org.springframework.util.ClassUtils;

/**
 * A jar made by {@code mvn package} carries the build's ahead-of-time processing of its own classes (Spring's
 * {@code process-aot}), so a plain {@code java -jar} starts from the bean definitions worked out then instead of
 * reading configuration classes and evaluating conditions again: about 0.6 s of a start on Java 17. Run from a
 * classes folder (an IDE, {@code mvn spring-boot:run}, the tests), whose generated classes may be older than the
 * sources, the site starts as usual; an operator's own {@code -Dspring.aot.enabled} is always kept.
 */
final class PackagedStart {

    static final String AOT_ENABLED = "spring.aot.enabled";

    private PackagedStart() {}

    /** Turns the build's processing on when the site runs from its packaged jar and nobody chose otherwise. */
    static void useTheBuildsProcessing() {
        boolean generated = ClassUtils.isPresent(
                SiteApplication.class.getName() + "__ApplicationContextInitializer",
                SiteApplication.class.getClassLoader());
        Optional<URL> location = Optional.ofNullable(
                        SiteApplication.class.getProtectionDomain().getCodeSource())
                .map(CodeSource::getLocation);
        if (System.getProperty(AOT_ENABLED) == null
                && generated
                && location.filter(PackagedStart::isJar).isPresent()) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    /** A jar file, or the classes inside Boot's executable jar; not a folder of classes on the file system. */
    static boolean isJar(URL location) {
        return !("file".equals(location.getProtocol()) && location.getPath().endsWith("/"));
    }
}
