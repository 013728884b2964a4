package com.thrivecenter.clinic;

import org.springframework.util.unit.DataSize;

/**
 * One address that may receive a larger request body than {@code server.jetty.max-http-form-post-size}, such as a
 * picture upload: a feature declares it as a bean, and the site's request body filter applies it to that exact path.
 *
 * @param path    the request path, exactly ("/staff/images")
 * @param maxSize the largest body accepted there
 */
public record LargerBody(String path, DataSize maxSize) {}
