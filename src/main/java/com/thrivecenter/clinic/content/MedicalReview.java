package com.thrivecenter.clinic.content;

import java.time.LocalDate;

/**
 * "Medically reviewed by … on …": a clinician's approval of the page's text, taken from the approval record (never
 * from the file), and shown only while the body is still the one they approved.
 */
public record MedicalReview(String reviewer, LocalDate date) {}
