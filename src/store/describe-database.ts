/**
 * Where the database is, for a log line, without its password: `postgres://qa:***@db:5432/qa`.
 * An address that does not parse is not echoed at all (it may hold the password in a form the
 * URL parser misreads).
 */
export function describeDatabase(where: { databaseUrl: string | null; sqliteFile: string }): string {
  if (!where.databaseUrl) return `sqlite ${where.sqliteFile}`;
  try {
    const url = new URL(where.databaseUrl);
    if (url.password) url.password = '***';
    url.search = ''; // sslpassword and the like live in the query
    return `postgres ${url.toString()}`;
  } catch {
    return 'postgres (DATABASE_URL not shown)';
  }
}

/** The password in DATABASE_URL, as written and decoded, for the log's secret redactor. */
export function databasePasswords(databaseUrl: string | null): string[] {
  if (!databaseUrl) return [];
  try {
    const { password } = new URL(databaseUrl);
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [databaseUrl]; // unparsable: keep the whole address out of the log
  }
}
