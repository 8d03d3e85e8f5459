import type { Message } from './errors.js';
import type { PlatformRole } from './roles.js';

/** What an admin may do to someone else's account (the lifecycle verbs of the users and roles services). */
export type AccountAct = 'reset_password' | 'deactivate' | 'reactivate' | 'edit_profile' | 'move' | 'change_roles';

/** An active admin assignment in the province, with the path (root first) of its unit. */
export interface AdminGrant {
  role: 'province_admin' | 'unit_admin';
  unitPath: string[];
}

/** Who is acting, as far as account authority goes, in one province. */
export interface ActorStanding {
  userId: string;
  /** Holds the ministry admin role: appoints, revokes and rescues province admins. */
  ministryAdmin: boolean;
  /** The actor's active admin assignments in this province. */
  adminGrants: AdminGrant[];
}

/** The account acted on. */
export interface AccountStanding {
  userId: string;
  kind: 'officer' | 'ministry' | 'citizen';
  platformRoles: PlatformRole[];
  /** Path of the officer's own unit in this province. */
  unitPath: string[];
  /** The target's active admin assignments in this province. */
  adminGrants: AdminGrant[];
}

export type AuthorityVerdict = { allowed: true; as: 'ministry_admin' | 'province_admin' | 'unit_admin' } | { allowed: false; reason: Message };

const deny = (reason: Message): AuthorityVerdict => ({ allowed: false, reason });

const SELF: Message = {
  vi: 'Không thể dùng chức năng quản trị trên chính tài khoản của mình (hãy dùng Đổi mật khẩu hoặc Thôi làm quản trị).',
  en: 'Admin functions cannot be used on your own account (use Change password or Step down).',
};
const MINISTRY_ACCOUNT: Message = {
  vi: 'Tài khoản cấp Bộ và tài khoản công dân không do tỉnh quản lý.',
  en: 'Ministry and citizen accounts are not managed by a province.',
};
const PROVINCE_ADMIN: Message = {
  vi: 'Tài khoản quản trị tỉnh chỉ do Bộ quản lý (đặt lại mật khẩu, khóa, đổi vai trò, thu hồi).',
  en: 'Province admin accounts are managed by the ministry only (password reset, deactivation, roles, revocation).',
};
const PEER_OR_ABOVE: Message = {
  vi: 'Quản trị đơn vị không thể thao tác trên tài khoản quản trị cùng cấp hoặc cấp trên.',
  en: 'A unit admin cannot act on an admin at or above their own level.',
};
const OUTSIDE: Message = {
  vi: 'Cán bộ này không thuộc đơn vị bạn quản trị.',
  en: 'This officer is not in a unit you administer.',
};
const MINISTRY_SCOPE: Message = {
  vi: 'Bộ chỉ quản lý tài khoản quản trị tỉnh; cán bộ khác do quản trị tỉnh quản lý.',
  en: 'The ministry manages province admin accounts only; other officers are managed by the province.',
};

const unitOf = (grant: AdminGrant) => grant.unitPath.at(-1);

/** Strictly below: the path runs through the unit and does not end at it. */
const strictlyBelow = (path: string[], unitId: string | undefined) => unitId !== undefined && path.includes(unitId) && path.at(-1) !== unitId;
const within = (path: string[], unitId: string | undefined) => unitId !== undefined && path.includes(unitId);

/**
 * The one rule deciding who may act on which account (docs/domain/account-authority.md):
 * - nobody acts on their own account through admin functions;
 * - ministry and citizen accounts are never managed by a province;
 * - a province admin's account is managed by the ministry admin only (never by a fellow
 *   province admin), and that is all the ministry manages inside a province;
 * - a province admin manages every other officer of the province;
 * - a unit admin manages officers whose own unit is in its subtree, and of admins only those
 *   whose every admin assignment is strictly below its unit.
 * The same for every act; what differs per act (a unit admin may not reset passwords) is the
 * field-level permission checked after this.
 */
export function accountAuthority(args: { actor: ActorStanding; target: AccountStanding }): AuthorityVerdict {
  const { actor, target } = args;
  if (actor.userId === target.userId) return deny(SELF);
  if (target.kind !== 'officer' || target.platformRoles.length > 0) return deny(MINISTRY_ACCOUNT);
  const targetIsProvinceAdmin = target.adminGrants.some((g) => g.role === 'province_admin');
  if (targetIsProvinceAdmin) return actor.ministryAdmin ? { allowed: true, as: 'ministry_admin' } : deny(PROVINCE_ADMIN);
  if (actor.adminGrants.some((g) => g.role === 'province_admin')) return { allowed: true, as: 'province_admin' };
  const unitGrants = actor.adminGrants.filter((g) => g.role === 'unit_admin');
  if (unitGrants.length > 0) {
    const covering = unitGrants.filter((g) => within(target.unitPath, unitOf(g)));
    if (covering.length === 0) return deny(OUTSIDE);
    const above = covering.some((g) => target.adminGrants.every((t) => strictlyBelow(t.unitPath, unitOf(g))));
    return above ? { allowed: true, as: 'unit_admin' } : deny(PEER_OR_ABOVE);
  }
  if (actor.ministryAdmin) return deny(MINISTRY_SCOPE);
  return deny(OUTSIDE);
}
