/**
 * The history of the content folder: a Git repository (Eclipse JGit) in which every save, deletion and restore of
 * a page is a version with its author, time and message. The staff editor builds on it; the pages take their
 * "last updated" dates from it.
 */
@NamedInterface("history")
package com.thrivecenter.clinic.content.history;

import org.springframework.modulith.NamedInterface;
