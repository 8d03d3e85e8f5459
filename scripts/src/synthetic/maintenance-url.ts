import type { DatabaseUrls } from '@gov/runtime';

/**
 * The superuser URL pointed at the project database (the admin URL itself names `postgres`,
 * for creating roles and databases). Only maintenance tools use it — the synthetic loader and
 * the benchmark's no-RLS baseline — never the app: PostgreSQL refuses `COPY FROM` into a table
 * with row-level security for any role the policies apply to, and FORCE applies them even to
 * the owner, so a bulk load must run as a role that bypasses RLS.
 */
export function maintenanceUrl(urls: DatabaseUrls): string {
  const url = new URL(urls.admin);
  url.pathname = `/${encodeURIComponent(urls.databaseName)}`;
  return url.toString();
}
