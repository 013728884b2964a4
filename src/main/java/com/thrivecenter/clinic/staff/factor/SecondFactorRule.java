package com.thrivecenter.clinic.staff.factor;

/** Whether staff must prove a second factor after their password. */
public enum SecondFactorRule {
    /** The password alone signs in; every staff page says so. */
    OFF,
    /** After the password, a code sent by email, before any staff page. */
    REQUIRED
}
