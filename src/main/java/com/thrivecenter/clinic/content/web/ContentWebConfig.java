package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.SecurityHeaders;
import com.thrivecenter.clinic.content.ContentProperties;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The content's addresses beyond its pages: one address per page (a trailing slash redirects to it) and the
 * pictures staff put in the content folder. The site's own static files are Spring Boot's resource chain
 * (spring.web.resources.* in application.yml).
 */
@Configuration
public class ContentWebConfig implements WebMvcConfigurer {

    private final ContentProperties content;

    public ContentWebConfig(ContentProperties content) {
        this.content = content;
    }

    /** A page's headers, the same on both ways to it: cached by browsers for max-age, by shared caches for less. */
    @Bean
    PageHeaders pageHeaders(SecurityHeaders securityHeaders, SharedCacheProperties sharedCache) {
        return new PageHeaders(
                securityHeaders,
                CacheControl.maxAge(content.maxAge())
                        .cachePublic()
                        .sMaxAge(sharedCache.sharedMaxAge())
                        .getHeaderValue());
    }

    /**
     * Plain requests for pages are answered inside Jetty, before the servlets. The web server is made before the
     * content is loaded, so the handler finds what it needs on its first request.
     */
    @Bean
    JettyServerCustomizer publishedPageHandler(
            ObjectProvider<RenderedPages> pages,
            ObjectProvider<PageHeaders> pageHeaders,
            ObjectProvider<SecurityHeaders> securityHeaders) {
        return server -> server.setHandler(new PublishedPageHandler(
                server.getHandler(),
                SingletonSupplier.of(pages::getObject),
                SingletonSupplier.of(pageHeaders::getObject),
                SingletonSupplier.of(securityHeaders::getObject)));
    }

    /**
     * "/faq/?x=1" redirects permanently to "/faq?x=1". It runs after Spring Security's firewall, which has already
     * turned away "//host/" and encoded dots, so the redirect can only ever name a path of this site.
     */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashRedirect() {
        UrlHandlerFilter filter = UrlHandlerFilter.trailingSlashHandler("/**")
                .redirect(HttpStatus.MOVED_PERMANENTLY)
                .build();
        FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Staff name their own pictures, and may replace one under the same name. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/images/**")
                .addResourceLocations(content.dir().toAbsolutePath().normalize().toUri() + "images/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }
}
