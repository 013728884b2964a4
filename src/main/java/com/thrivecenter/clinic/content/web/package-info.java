/**
 * The publish stage: content pages rendered through the site's layout into bytes, served from memory, and listed
 * for search engines. Content itself (files, parsing, snapshots) knows nothing of it, nor of Thymeleaf; other
 * features use its layout (error pages) and its renderer (the staff preview).
 */
@NamedInterface("web")
package com.thrivecenter.clinic.content.web;

import org.springframework.modulith.NamedInterface;
