package com.thrivecenter.clinic.content;

/** A step on the way from the home page to a nested page. */
public record Breadcrumb(String label, String url) {}
