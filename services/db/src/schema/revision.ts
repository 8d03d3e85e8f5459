import { integer } from 'drizzle-orm/pg-core';

/**
 * Raised by one on every UPDATE by a trigger (migration 0044): the ETag of what admins edit, so
 * a write based on an older revision is refused instead of silently overwriting another's.
 */
export const revision = () => integer().notNull().default(1);
