package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.OnEmbeddedPostgres;

/** Passkeys as the second factor on PostgreSQL: Spring's tables in the portable form of V10. */
@OnEmbeddedPostgres
class PostgresPasskeyInBrowserIT extends PasskeyScenarios {}
