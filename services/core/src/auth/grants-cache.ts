import type { Grant } from '../abilities/build-ability.js';

/** Users whose grants one API process keeps: far above a province's officers at work at once, a few MB at most. */
const MAX_USERS = 20_000;

interface Key {
  userId: string;
  tenantId: string;
  revision: number;
}

/**
 * Officers' grants between requests, each under the user's access revision and home province as
 * they were when read. A lookup with any other revision or province misses (and the caller reads
 * the grants afresh), so nothing here can outlive a change. Least recently used first out.
 */
export class GrantsCache {
  private readonly entries = new Map<string, { tenantId: string; revision: number; grants: readonly Grant[] }>();

  get(key: Key): Grant[] | undefined {
    const entry = this.entries.get(key.userId);
    if (!entry || entry.revision !== key.revision || entry.tenantId !== key.tenantId) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key.userId);
    this.entries.set(key.userId, entry);
    return entry.grants.map((g) => ({ ...g }));
  }

  set(key: Key, grants: Grant[]): Grant[] {
    this.entries.delete(key.userId);
    this.entries.set(key.userId, { tenantId: key.tenantId, revision: key.revision, grants: grants.map((g) => Object.freeze({ ...g })) });
    if (this.entries.size > MAX_USERS) this.entries.delete(this.entries.keys().next().value!);
    return grants;
  }
}
