package com.thrivecenter.clinic;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The security headers every response carries, in one place. Spring Security writes them on the application's
 * responses through {@link #writeTo}; the answers written outside its chain (content pages served from memory,
 * error pages, requests refused before Spring sees them, the redirect to HTTPS) call it themselves.
 *
 * <p>Chosen to pass every test of the MDN HTTP Observatory with its bonuses: a policy without 'unsafe-inline'
 * that forbids framing (frame-ancestors), a strict referrer policy, CORP same-origin, and HSTS (preload-ready)
 * once the site's base URL is HTTPS.
 */
@Component
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** Two years, every subdomain, and consent to browsers' preload list: what hstspreload.org asks for. */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains; preload";

    private static final Map<String, String> ALWAYS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Permissions-Policy", PERMISSIONS_POLICY,
            "Referrer-Policy", REFERRER_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            // Another site's window cannot script ours, nor embed our pages, images or styles.
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin");

    private static final Map<String, String> OVER_HTTPS = withHsts();

    private final boolean httpsSite;

    public SecurityHeaders(ClinicProperties clinic) {
        this.httpsSite = "https".equalsIgnoreCase(clinic.baseUrl().getScheme());
    }

    private static Map<String, String> withHsts() {
        Map<String, String> headers = new HashMap<>(ALWAYS);
        headers.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        return Map.copyOf(headers);
    }

    /** Whether the site's public address (clinic.base-url) is HTTPS, so that HTTP is never to be used. */
    public boolean httpsSite() {
        return httpsSite;
    }

    /** Whether this request came over plain HTTP to a site whose address is HTTPS: it is to be sent there instead. */
    public boolean redirectsToHttps(HttpServletRequest request) {
        return httpsSite && !request.isSecure();
    }

    /**
     * The whole set. HSTS only where the site is HTTPS and the request came over HTTPS (browsers ignore it over
     * HTTP): a site tried out at http://localhost must never tell a browser to refuse HTTP for that host.
     */
    public void writeTo(HttpServletRequest request, HttpServletResponse response) {
        headers(request.isSecure()).forEach(response::setHeader);
    }

    /** The whole set for a request that came over HTTPS or not, by name. */
    public Map<String, String> headers(boolean overHttps) {
        return httpsSite && overHttps ? OVER_HTTPS : ALWAYS;
    }
}
