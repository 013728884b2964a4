package com.thrivecenter.clinic.staff.factor;

/** The second factor by email on the embedded H2 database. */
class EmailCodeIT extends EmailCodeScenarios {}
