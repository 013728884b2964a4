package com.thrivecenter.clinic;

/**
 * This instance does not start: a secret that every instance sharing the database must hold is unset, or differs
 * from a running instance's. The message names the setting and what to do, never any key material.
 */
public class SharedSecretRefused extends IllegalStateException {

    public SharedSecretRefused(String message) {
        super(message);
    }
}
