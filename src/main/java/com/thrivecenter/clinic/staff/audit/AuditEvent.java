package com.thrivecenter.clinic.staff.audit;

import java.time.Instant;

/** One line of the audit log: who did what, to what, when; its id is the row a chain problem names. */
public record AuditEvent(long id, Instant at, String actor, AuditAction action, String target, String detail) {}
