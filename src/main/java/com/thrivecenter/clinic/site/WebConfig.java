package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentProperties;
import org.springframework.context.annotation.Configuration;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

@Configuration
public class WebConfig implements WebMvcConfigurer {

    private final ContentProperties content;

    public WebConfig(ContentProperties content) {
        this.content = content;
    }

    /**
     * Static files live under a few fixed prefixes and are looked up before the controllers, because content
     * pages answer every other path.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.setOrder(Ordered.HIGHEST_PRECEDENCE);
        // Named by their content, so browsers may keep them for a year: a change gives a new name.
        CacheControl forever = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        VersionResourceResolver byContent = new VersionResourceResolver().addContentVersionStrategy("/**");
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/")
                .setCacheControl(forever).resourceChain(true).addResolver(byContent);
        registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/")
                .setCacheControl(forever).resourceChain(true).addResolver(byContent);
        // Staff name their own pictures, and may replace one under the same name.
        registry.addResourceHandler("/images/**")
                .addResourceLocations(content.dir().toAbsolutePath().normalize().toUri() + "images/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }
}
