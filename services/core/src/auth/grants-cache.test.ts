import { describe, expect, it } from 'vitest';
import type { Grant } from '../abilities/build-ability.js';
import { GrantsCache } from './grants-cache.js';

const grant = (orgUnitId: string): Grant => ({ role: 'specialist', tenantId: 't1', orgUnitId, wholeTenant: false });

describe('the grants kept between requests', () => {
  it('are given back only under the revision and province they were read with', () => {
    const cache = new GrantsCache();
    cache.set({ userId: 'u1', tenantId: 't1', revision: 7 }, [grant('a')]);
    expect(cache.get({ userId: 'u1', tenantId: 't1', revision: 7 })).toEqual([grant('a')]);
    expect(cache.get({ userId: 'u1', tenantId: 't1', revision: 8 })).toBeUndefined();
    expect(cache.get({ userId: 'u1', tenantId: 't2', revision: 7 })).toBeUndefined();
    expect(cache.get({ userId: 'u2', tenantId: 't1', revision: 7 })).toBeUndefined();
  });

  it('cannot be changed through what a request was given', () => {
    const cache = new GrantsCache();
    cache.set({ userId: 'u1', tenantId: 't1', revision: 1 }, [grant('a')]);
    const given = cache.get({ userId: 'u1', tenantId: 't1', revision: 1 })!;
    given[0]!.orgUnitId = 'elsewhere';
    given.push(grant('b'));
    expect(cache.get({ userId: 'u1', tenantId: 't1', revision: 1 })).toEqual([grant('a')]);
  });

  it('lets the least recently used user go first once 20,000 are kept', () => {
    const cache = new GrantsCache();
    for (let i = 0; i < 20_000; i += 1) cache.set({ userId: `u${i}`, tenantId: 't1', revision: 1 }, [grant('a')]);
    cache.get({ userId: 'u0', tenantId: 't1', revision: 1 }); // u0 used again: u1 is now the oldest
    cache.set({ userId: 'new', tenantId: 't1', revision: 1 }, [grant('a')]);
    expect(cache.get({ userId: 'u0', tenantId: 't1', revision: 1 })).toBeDefined();
    expect(cache.get({ userId: 'u1', tenantId: 't1', revision: 1 })).toBeUndefined();
    expect(cache.get({ userId: 'new', tenantId: 't1', revision: 1 })).toBeDefined();
  });
});
