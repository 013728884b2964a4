package com.thrivecenter.clinic.staff.factor;

import org.springframework.test.annotation.DirtiesContext;

/** Passkeys as the second factor on the embedded H2 database. */
// Both passkey test classes serve on the one fixed port of PasskeyScenarios: this context must not stay open in the
// cache while the PostgreSQL one starts.
@DirtiesContext
class PasskeyInBrowserIT extends PasskeyScenarios {}
