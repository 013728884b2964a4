package com.thrivecenter.clinic.staff.factor;

/** Passkeys as the second factor on the embedded H2 database. */
class PasskeyInBrowserIT extends PasskeyScenarios {}
