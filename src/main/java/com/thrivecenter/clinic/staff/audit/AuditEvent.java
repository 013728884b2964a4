package com.thrivecenter.clinic.staff.audit;

import java.time.Instant;

/** One line of the audit log: who did what, to what, when. */
public record AuditEvent(Instant at, String actor, AuditAction action, String target, String detail) {}
