import * as v from 'valibot';

const PostgresUrl = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a URL like postgres://gov_app@127.0.0.1:5432/gov'),
);

/**
 * The app connects as `gov_app` (not the owner, NOBYPASSRLS, NOINHERIT); migrations run as
 * `gov_owner`; only the one-off setup step uses a superuser to create roles and the database.
 * The owner and admin URLs default to DATABASE_URL with another user, so one variable is enough
 * on a developer machine with trust authentication.
 */
export const DatabaseEnv = v.object({
  DATABASE_URL: v.optional(PostgresUrl, 'postgres://gov_app@127.0.0.1:5432/gov'),
  DATABASE_OWNER_URL: v.optional(PostgresUrl),
  DATABASE_ADMIN_URL: v.optional(PostgresUrl),
});
export type DatabaseEnv = v.InferOutput<typeof DatabaseEnv>;

export interface DatabaseUrls {
  app: string;
  owner: string;
  admin: string;
  databaseName: string;
}

function withUser(url: string, user: string, database?: string): string {
  const copy = new URL(url);
  copy.username = user;
  copy.password = '';
  if (database !== undefined) copy.pathname = `/${database}`;
  return copy.toString();
}

export function databaseUrls(env: DatabaseEnv): DatabaseUrls {
  const app = env.DATABASE_URL;
  const databaseName = decodeURIComponent(new URL(app).pathname.slice(1)) || 'gov';
  return {
    app,
    owner: env.DATABASE_OWNER_URL ?? withUser(app, 'gov_owner'),
    admin: env.DATABASE_ADMIN_URL ?? withUser(app, 'postgres', 'postgres'),
    databaseName,
  };
}
