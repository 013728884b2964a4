package com.thrivecenter.clinic.site;

/** The hostile-input checks on the embedded database (H2). */
class HostileInputIT extends HostileInputChecks {}
