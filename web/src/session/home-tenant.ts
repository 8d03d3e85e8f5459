import type { AppRule } from '@gov/domain';

/**
 * The officer's home province. /api/auth/me does not name it, but every rule built from a tenant
 * role carries `tenantId` in its conditions (services/core build-ability.ts), and an officer's
 * roles all come from the home province (load-actor.ts), so the first one found is the home.
 * Ministry staff and citizens have no such rule: null.
 */
export function homeTenantFromRules(rules: readonly AppRule[]): string | null {
  for (const rule of rules) {
    const tenantId = (rule.conditions as { tenantId?: unknown } | undefined)?.tenantId;
    if (typeof tenantId === 'string') return tenantId;
  }
  return null;
}
