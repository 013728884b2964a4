package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.OnEmbeddedPostgres;

/** The hostile-input checks on PostgreSQL, which refuses a NUL character in text, with the production profile. */
@OnEmbeddedPostgres
class PostgresHostileInputIT extends HostileInputChecks {}
