package com.thrivecenter.clinic.staff.images;

import com.thrivecenter.clinic.content.history.Author;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.content.history.Version;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Takes a picture staff upload: checks it is one (by its bytes), removes its metadata, names it, stores it and
 * records it as a version of the content, with its audit row (the stored name, size and version, never the
 * picture).
 */
@Service
class ImageUploads {

    /** What became of an upload. */
    sealed interface Outcome {

        record Stored(String fileName, long bytes) implements Outcome {}

        /** The field the problem concerns ("file" or "name"), and what to tell staff. */
        record Refused(String field, String message, boolean tooLarge) implements Outcome {}
    }

    private final ImageStore store;
    private final ContentHistory history;
    private final AuditLog audit;
    private final ImageProperties properties;

    ImageUploads(ImageStore store, ContentHistory history, AuditLog audit, ImageProperties properties) {
        this.store = store;
        this.history = history;
        this.audit = audit;
        this.properties = properties;
    }

    Outcome upload(String actor, String typedName, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return refused("file", "Choose a picture to upload: the file is empty or none was chosen.");
        }
        if (bytes.length > properties.maxSize().toBytes()) {
            return new Outcome.Refused(
                    "file",
                    "This picture is " + ImageLibrary.readableSize(bytes.length) + "; the largest allowed is "
                            + ImageLibrary.readableSize(properties.maxSize().toBytes())
                            + ". Save it smaller (fewer pixels, or as JPEG) and upload it again.",
                    true);
        }
        Optional<ImageType> type = ImageType.of(bytes);
        if (type.isEmpty()) {
            return refused(
                    "file",
                    "This file is not a PNG, JPEG or WebP picture, whatever its name says. SVG, GIF and other"
                            + " files cannot be used; save the picture as PNG, JPEG or WebP and upload it again.");
        }
        byte[] clean;
        try {
            clean = type.get().withoutMetadata(bytes);
        } catch (UnreadableImageException damaged) {
            return refused(
                    "file",
                    "This picture is damaged or incomplete (perhaps cut short while copying). Save it again and"
                            + " upload the new file.");
        }
        Optional<String> name = ImageName.clean(typedName);
        if (name.isEmpty()) {
            return refused("name", "Give the picture a name with letters or digits, like front-desk.");
        }
        String fileName = store.freeName(name.get(), type.get());
        store.store(fileName, clean);
        Version version =
                history.record("images/" + fileName, new Author(actor, actor), "Uploaded the picture " + fileName);
        audit.record(actor, AuditAction.IMAGE_UPLOADED, fileName, clean.length + " bytes, version " + version.id());
        return new Outcome.Stored(fileName, clean.length);
    }

    private static Outcome.Refused refused(String field, String message) {
        return new Outcome.Refused(field, message, false);
    }
}
