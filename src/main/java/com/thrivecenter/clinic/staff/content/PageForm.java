package com.thrivecenter.clinic.staff.content;

import java.util.ArrayList;
import java.util.List;

/**
 * The editor's form: a page's front matter as fields, its Markdown body, and what the editor needs to save it
 * safely (the file, the text it was opened from, and the message of the version). Kept as typed when refused.
 */
public class PageForm {

    /** One source of the page; rows left empty are not sources. */
    public static class SourceRow {
        private String title = "";
        private String url = "";

        public SourceRow() {}

        SourceRow(String title, String url) {
            this.title = title;
            this.url = url;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title == null ? "" : title;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url == null ? "" : url;
        }

        boolean isEmpty() {
            return title.isBlank() && url.isBlank();
        }
    }

    /** Blank source rows offered under the page's own, so staff can add sources without JavaScript. */
    static final int BLANK_SOURCE_ROWS = 2;

    private String address = "";
    private String file = "";
    private String baseHash = "";
    private String title = "";
    private String description = "";
    private String navLabel = "";
    private String navOrder = "";
    private boolean draft;
    private String publish = "";
    private String expires = "";
    private List<SourceRow> sources = new ArrayList<>();
    private List<String> aliases = new ArrayList<>();
    private String body = "";
    private String message = "";
    private String form = "";
    private String layout = "";
    private String credentials = "";
    private String role = "";
    private String photo = "";
    private String photoAlt = "";

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address == null ? "" : address.strip();
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file == null ? "" : file;
    }

    public String getBaseHash() {
        return baseHash;
    }

    public void setBaseHash(String baseHash) {
        this.baseHash = baseHash == null ? "" : baseHash;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public String getNavLabel() {
        return navLabel;
    }

    public void setNavLabel(String navLabel) {
        this.navLabel = navLabel == null ? "" : navLabel;
    }

    public String getNavOrder() {
        return navOrder;
    }

    public void setNavOrder(String navOrder) {
        this.navOrder = navOrder == null ? "" : navOrder.strip();
    }

    public boolean isDraft() {
        return draft;
    }

    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    public String getPublish() {
        return publish;
    }

    public void setPublish(String publish) {
        this.publish = publish == null ? "" : publish.strip();
    }

    public String getExpires() {
        return expires;
    }

    public void setExpires(String expires) {
        this.expires = expires == null ? "" : expires.strip();
    }

    public List<SourceRow> getSources() {
        return sources;
    }

    public void setSources(List<SourceRow> sources) {
        this.sources = sources == null ? new ArrayList<>() : sources;
    }

    public List<String> getAliases() {
        return aliases;
    }

    public void setAliases(List<String> aliases) {
        this.aliases = aliases == null ? new ArrayList<>() : new ArrayList<>(aliases);
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message == null ? "" : message.strip();
    }

    public String getForm() {
        return form;
    }

    public void setForm(String form) {
        this.form = form == null ? "" : form;
    }

    /** The layout's key; empty for an article, the default, which the file then leaves unsaid. */
    public String getLayout() {
        return layout;
    }

    public void setLayout(String layout) {
        this.layout = layout == null ? "" : layout;
    }

    /** A clinician profile's credentials, such as "MD, board-certified in anesthesiology". */
    public String getCredentials() {
        return credentials;
    }

    public void setCredentials(String credentials) {
        this.credentials = credentials == null ? "" : credentials;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role == null ? "" : role;
    }

    /** A clinician's photo, as the /images/… address of a picture staff uploaded. */
    public String getPhoto() {
        return photo;
    }

    public void setPhoto(String photo) {
        this.photo = photo == null ? "" : photo.strip();
    }

    public String getPhotoAlt() {
        return photoAlt;
    }

    public void setPhotoAlt(String photoAlt) {
        this.photoAlt = photoAlt == null ? "" : photoAlt;
    }

    boolean isNew() {
        return file.isEmpty();
    }

    /** The sources staff filled in, then blank rows to add more. */
    void offerBlankSourceRows() {
        sources.removeIf(SourceRow::isEmpty);
        for (int i = 0; i < BLANK_SOURCE_ROWS; i++) {
            sources.add(new SourceRow());
        }
    }
}
