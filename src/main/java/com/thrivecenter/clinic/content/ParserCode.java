package com.thrivecenter.clinic.content;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * What turns a content file into a page: this package's classes, the libraries they use and the Java that runs them.
 * A build that changes none of them parses every file as the build before did, so what that build parsed may be read
 * back ({@link ParsedPages}); a build that changes any of them has another fingerprint.
 */
final class ParserCode {

    /** A class of each library the parser uses; the name of the jar it comes from carries the library's version. */
    private static final List<Class<?>> LIBRARIES = List.of(
            Parser.class,
            TablesExtension.class,
            AutolinkExtension.class,
            StrikethroughExtension.class,
            Yaml.class,
            Jsoup.class);

    private ParserCode() {}

    /** A digest of all that, or empty when the classes or the libraries' jars can't be found. */
    static Optional<String> fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Resource[] classes = new PathMatchingResourcePatternResolver(ParserCode.class.getClassLoader())
                    .getResources(
                            "classpath*:" + ParserCode.class.getPackageName().replace('.', '/') + "/*.class");
            if (classes.length == 0) {
                return Optional.empty();
            }
            Arrays.sort(classes, Comparator.comparing(Resource::getFilename));
            for (Resource type : classes) {
                if (isGenerated(type.getFilename())) {
                    continue;
                }
                digest.update(type.getFilename().getBytes(StandardCharsets.UTF_8));
                try (InputStream bytes = type.getInputStream()) {
                    digest.update(bytes.readAllBytes());
                }
            }
            for (Class<?> library : LIBRARIES) {
                Optional<String> jar = jarName(library);
                if (jar.isEmpty()) {
                    return Optional.empty();
                }
                digest.update(jar.get().getBytes(StandardCharsets.UTF_8));
            }
            digest.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /**
     * Spring's classes made by the build for this package (bean definitions, "__", and proxies, "$$"): no part of
     * parsing, and proxies come out different from one build to the next.
     */
    static boolean isGenerated(String classFile) {
        return classFile.contains("__") || classFile.contains("$$");
    }

    /** "flexmark-0.64.8.jar", however the jar is reached (a file, or nested in the site's jar). */
    private static Optional<String> jarName(Class<?> library) {
        return Optional.ofNullable(library.getProtectionDomain().getCodeSource())
                .map(CodeSource::getLocation)
                .map(location -> location.toString().replaceAll("[!/]+$", ""))
                .filter(location -> location.endsWith(".jar"))
                .map(location -> location.substring(location.lastIndexOf('/') + 1));
    }
}
