package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.OnEmbeddedPostgres;

/** The second factor by email on PostgreSQL, where the postgres profile requires it. */
@OnEmbeddedPostgres
class PostgresEmailCodeIT extends EmailCodeScenarios {}
