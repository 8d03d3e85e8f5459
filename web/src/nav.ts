import type { MessageKey } from './i18n/index.js';
import { can, session } from './session/session.js';

export interface NavItem {
  href: string;
  label: MessageKey;
}

/**
 * The admin console is for the user's own province. A ministry admin may read units of every
 * province but has no home province, so the console links need both the home tenant and the
 * right; oversight of a province's units is a later slice.
 */
export function visibleNav(): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: 'navProvinces' }];
  const tenantId = session()?.homeTenantId;
  if (!tenantId) return items;
  if (can('read', 'OrgUnit')) items.push({ href: '/admin/units', label: 'navUnits' });
  if (can('read', 'User')) items.push({ href: '/admin/officers', label: 'navOfficers' });
  if (can('read', 'RoleAssignment')) items.push({ href: '/admin/roles', label: 'navRoles' });
  return items;
}

/** Where to land after signing in: the first console page the user may use, else the home page. */
export function landingPath(): string {
  return visibleNav()[1]?.href ?? '/';
}
