package io.openta.verify;

/**
 * The day being verified, shared by the checks.
 *
 * @param db        the state
 * @param date      D, YYYYMMDD
 * @param migration true when D is a MIGRATION day (sched.day.kind, spec 2.9): no files, no applications, the
 *                  positions created on D hold the migrated balances
 * @param report    where the checks write
 */
record Day(Db db, String date, boolean migration, VerifyReport report) {
}
