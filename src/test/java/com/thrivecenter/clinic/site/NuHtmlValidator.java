package com.thrivecenter.clinic.site;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML validator (the engine behind validator.w3.org/nu), run in this JVM: its HTML schema ships inside
 * the jar, so nothing is fetched. Not thread-safe: one per test class.
 *
 * <p>The validator is built on Jetty 11 and loads Jetty 11's HTTP client at start, which cannot share the class
 * path with the Jetty 12 that Boot manages. So it runs in a class loader of its own ({@link Isolated}), with the
 * Jetty 11 jars that the build copies aside (pom.xml, system property {@code nu-validator.jetty}), and is called
 * by reflection.
 */
final class NuHtmlValidator {

    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final List<String> errors = new ArrayList<>();
    private final Object validator;
    private final Method checkHtmlInputSource;

    NuHtmlValidator() {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException warning) {
                // Warnings and notes are advice, not errors.
            }

            @Override
            public void error(SAXParseException error) {
                errors.add("line " + error.getLineNumber() + ": " + error.getMessage());
            }

            @Override
            public void fatalError(SAXParseException error) {
                error(error);
            }
        };
        try {
            Class<?> type = Isolated.LOADER.loadClass("nu.validator.validation.SimpleDocumentValidator");
            Object created = isolated(() -> type.getConstructor(boolean.class, boolean.class, boolean.class)
                    .newInstance(false, false, false));
            Method setUpMainSchema = type.getMethod("setUpMainSchema", String.class, ErrorHandler.class);
            Method setUpValidatorAndParsers =
                    type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class);
            isolated(() -> setUpMainSchema.invoke(created, HTML_SCHEMA, collect));
            isolated(() -> setUpValidatorAndParsers.invoke(created, collect, false, false));
            validator = created;
            checkHtmlInputSource = type.getMethod("checkHtmlInputSource", InputSource.class);
        } catch (Exception e) {
            throw new IllegalStateException("The validator's HTML schema did not load", e);
        }
    }

    /** The errors in a page, each with its line; empty when the page is valid. */
    List<String> errors(String html) {
        errors.clear();
        InputSource source = new InputSource(new StringReader(html));
        source.setSystemId("page.html");
        try {
            isolated(() -> checkHtmlInputSource.invoke(validator, source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            // A fatal error is already in the list.
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The validator could not be called", e);
        }
        return List.copyOf(errors);
    }

    /**
     * Runs a reflective call into the validator as if it were direct: what the validator throws comes out
     * unwrapped. Its loader is the thread's context loader meanwhile, so what the validator or its Jetty look up
     * through that (ServiceLoader, say) is of their own classes too.
     */
    private static Object isolated(Callable<Object> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(Isolated.LOADER);
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /**
     * The validator's class loader: its jar and the copied Jetty 11 jars. The validator's classes and Jetty's come
     * from those alone, never from the tests' class path (where the validator's jar is too, and the site's Jetty may
     * be): a Jetty 11 jar missing from the copy fails plainly, not halfway into another Jetty. Everything else
     * comes from the tests' class path, the validator's other libraries and SAX among them, so SAX's types are the
     * same on both sides. Made once per JVM and never closed, as every validator made from it uses it.
     */
    private static final class Isolated extends URLClassLoader {

        static final Isolated LOADER = new Isolated();

        private Isolated() {
            super("nu-validator", urls(), NuHtmlValidator.class.getClassLoader());
        }

        private static URL[] urls() {
            String jetty = System.getProperty("nu-validator.jetty");
            if (jetty == null) {
                throw new IllegalStateException("No nu-validator.jetty: run the tests through Maven, which copies"
                        + " the validator's Jetty 11 jars and names their folder in that system property");
            }
            URL validatorClass = NuHtmlValidator.class
                    .getClassLoader()
                    .getResource("nu/validator/validation/SimpleDocumentValidator.class");
            try (Stream<Path> files = Files.list(Path.of(jetty))) {
                List<URL> urls = new ArrayList<>();
                urls.add(((JarURLConnection) validatorClass.openConnection()).getJarFileURL());
                for (Path jar : files.filter(file -> file.toString().endsWith(".jar"))
                        .sorted()
                        .toList()) {
                    urls.add(jar.toUri().toURL());
                }
                return urls.toArray(URL[]::new);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("nu.validator.") && !name.startsWith("org.eclipse.jetty.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }
}
