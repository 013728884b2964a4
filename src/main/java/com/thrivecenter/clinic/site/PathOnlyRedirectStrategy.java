package com.thrivecenter.clinic.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects to the path (and query) of the address it is given, never to its host. Spring Security remembers the
 * staff page asked for before sign-in as a full URL built from the request's Host header, which the client
 * chooses; sent back as it is, a forged Host would take the browser to another site after signing in.
 */
final class PathOnlyRedirectStrategy implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        URI target = URI.create(url);
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        // "//host/path" is a path to a browser only when it does not start with two slashes.
        String safePath = path.startsWith("//") ? "/" : path;
        response.sendRedirect(target.getRawQuery() == null ? safePath : safePath + "?" + target.getRawQuery());
    }
}
