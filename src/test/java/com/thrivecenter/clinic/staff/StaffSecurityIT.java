package com.thrivecenter.clinic.staff;

/** The staff area's guarantees on the embedded H2 database. */
class StaffSecurityIT extends StaffSecurityScenarios {}
