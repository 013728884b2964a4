package com.thrivecenter.clinic.content.history;

import java.time.Instant;

/** One recorded state of the content folder: who recorded it, when and why. {@code id} is the Git commit id. */
public record Version(String id, String authorName, String authorEmail, Instant when, String message) {}
