package com.thrivecenter.clinic;

import java.util.List;

/**
 * A holder of secrets that must be the same on every instance of the site sharing a database; before an instance
 * starts, they are compared, by fingerprint, with those of the instances already running.
 */
public interface SharedSecrets {

    List<SharedSecret> sharedSecrets();
}
