package com.thrivecenter.clinic.content.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The public URL of a static file, with its content hash in the name ("/css/site-3f2a….css"). */
@Component
public class Assets {

    private final ResourceUrlProvider urls;

    public Assets(ResourceUrlProvider mvcResourceUrlProvider) {
        this.urls = mvcResourceUrlProvider;
    }

    public String url(String path) {
        String versioned = urls.getForLookupPath(path);
        return versioned != null ? versioned : path;
    }
}
