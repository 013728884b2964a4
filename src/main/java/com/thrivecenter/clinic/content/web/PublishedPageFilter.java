package com.thrivecenter.clinic.content.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves published content pages ahead of Spring Security and Spring MVC, once the site's own filters have checked
 * the request's address, query and body: the requests for pages that {@link PublishedPageHandler} leaves to the
 * application (those with a query, a body or a condition, and anything under MockMvc) come here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class PublishedPageFilter extends OncePerRequestFilter {

    private final PublishedPageResponder responder;

    PublishedPageFilter(PublishedPageResponder responder) {
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!responder.answer(request, response)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
