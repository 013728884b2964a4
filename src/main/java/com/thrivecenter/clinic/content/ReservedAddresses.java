package com.thrivecenter.clinic.content;

import java.util.List;

/**
 * The application's own address space, which content can never take over: a content file there is a content
 * problem and is not served. An address is reserved when its first part is one of {@link #FIRST_PARTS}, so
 * "/staff" and everything below it is. A test enumerates every path the running application maps and fails
 * when one is missing here.
 */
public final class ReservedAddresses {

    /** Each reserves itself and every address below it ("webjars": Spring Boot's static files always map it). */
    public static final List<String> FIRST_PARTS = List.of(
            "staff",
            "actuator",
            "contact",
            "css",
            "images",
            "error",
            "login",
            "logout",
            "sitemap.xml",
            "robots.txt",
            "favicon.svg",
            "webjars",
            "js",
            // Spring Security serves its own pages' stylesheet here once one-time codes are on.
            "default-ui.css",
            // Spring Security's passkey endpoints (registration and sign-in options).
            "webauthn");

    private ReservedAddresses() {}

    /** Whether a site path such as "/staff/notes" belongs to the application rather than to content. */
    public static boolean isReserved(String path) {
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        return FIRST_PARTS.contains(slash < 0 ? rest : rest.substring(0, slash));
    }

    public static boolean isReserved(Slug slug) {
        return isReserved(slug.url());
    }
}
