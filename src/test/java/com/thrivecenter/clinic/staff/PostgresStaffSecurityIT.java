package com.thrivecenter.clinic.staff;

import com.thrivecenter.clinic.OnEmbeddedPostgres;

/** The staff area's guarantees on a real PostgreSQL server, started for this test, in the production profile. */
@OnEmbeddedPostgres
class PostgresStaffSecurityIT extends StaffSecurityScenarios {}
