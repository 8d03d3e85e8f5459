import { forbidden, unauthenticated } from '@gov/domain';
import type { ServiceContext } from '../context.js';

/**
 * Cross-province reports are for ministry staff: their `read Report` rule has no conditions,
 * whereas a province role's rule is bound to its tenant. CASL answers `can('read', 'Report')` on
 * the bare type with any rule, so the check looks at the rules themselves; a conditioned rule is
 * not enough to switch into the gov_ministry database role.
 */
export function assertNationalRead(ctx: ServiceContext): void {
  if (isNationalReader(ctx)) return;
  if (!ctx.actor) throw unauthenticated({ vi: 'Vui lòng đăng nhập để xem báo cáo.', en: 'Please sign in to see reports.' });
  throw forbidden({
    vi: 'Chỉ cán bộ của Bộ được xem báo cáo giữa các tỉnh, thành phố.',
    en: 'Only ministry staff may see reports across provinces.',
  });
}

/** Whether the actor reads reports across provinces (an unconditioned `read Report` rule). */
export function isNationalReader(ctx: ServiceContext): boolean {
  return ctx.ability.rulesFor('read', 'Report').some((rule) => !rule.inverted && !rule.conditions);
}
