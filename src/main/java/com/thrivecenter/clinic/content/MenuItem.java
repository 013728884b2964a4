package com.thrivecenter.clinic.content;

/** One entry of the main menu, from a page's {@code nav} front matter. */
public record MenuItem(String label, String url) {}
