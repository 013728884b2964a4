/**
 * What running several instances of the site on one database needs from each of them: scheduled jobs that run once
 * (a lock in the database), and a start-up check that every running instance holds the same shared secrets. The
 * features depend on nothing here.
 */
package com.thrivecenter.clinic.instances;
