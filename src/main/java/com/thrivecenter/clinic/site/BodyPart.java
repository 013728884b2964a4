package com.thrivecenter.clinic.site;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/** One part of a multipart body held in memory, as the servlet API shows a part ({@link ReplayedRequest}). */
final class BodyPart implements Part {

    private final MultiPart.Part part;

    BodyPart(MultiPart.Part part) {
        this.part = part;
    }

    @Override
    public InputStream getInputStream() {
        return Content.Source.asInputStream(part.createContentSource());
    }

    @Override
    public String getContentType() {
        return part.getHeaders().get(HttpHeader.CONTENT_TYPE);
    }

    @Override
    public String getName() {
        return part.getName();
    }

    @Override
    public String getSubmittedFileName() {
        return part.getFileName();
    }

    @Override
    public long getSize() {
        return part.getLength();
    }

    /** Parts live in memory only: the site reads them, never saves them where the container would. */
    @Override
    public void write(String fileName) throws IOException {
        throw new IOException("A part held in memory is not written to a file");
    }

    @Override
    public void delete() {
        part.close();
    }

    @Override
    public String getHeader(String name) {
        return part.getHeaders().get(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return part.getHeaders().getValuesList(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return part.getHeaders().stream().map(HttpField::getName).distinct().toList();
    }
}
