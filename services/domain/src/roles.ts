import * as v from 'valibot';
import type { Message } from './errors.js';

/** Roles held inside one province, each over an org-unit subtree (role_assignments). */
export const TENANT_ROLES = ['province_admin', 'unit_admin', 'reception_officer', 'specialist', 'leader', 'result_clerk'] as const;
/** Roles across every province (platform_role_assignments). */
export const PLATFORM_ROLES = ['ministry_admin', 'ministry_oversight'] as const;

export const TenantRole = v.picklist(TENANT_ROLES);
export type TenantRole = v.InferOutput<typeof TenantRole>;
export const PlatformRole = v.picklist(PLATFORM_ROLES);
export type PlatformRole = v.InferOutput<typeof PlatformRole>;
export type Role = TenantRole | PlatformRole | 'citizen';

/** The fixed role catalog with its Vietnamese and English labels. */
export const ROLE_LABELS: Record<Role, Message> = {
  ministry_admin: { vi: 'Quản trị Bộ', en: 'Ministry administrator' },
  ministry_oversight: { vi: 'Giám sát Bộ (chỉ xem)', en: 'Ministry oversight (read-only)' },
  province_admin: { vi: 'Quản trị tỉnh', en: 'Province administrator' },
  unit_admin: { vi: 'Quản trị đơn vị', en: 'Unit administrator' },
  reception_officer: { vi: 'Cán bộ tiếp nhận', en: 'Reception officer' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo phê duyệt', en: 'Leader / approver' },
  result_clerk: { vi: 'Cán bộ trả kết quả', en: 'Result-return clerk' },
  citizen: { vi: 'Công dân, tổ chức', en: 'Citizen or organisation' },
};

/** At most three province admin accounts per province (docs/domain/roles.md). */
export const MAX_PROVINCE_ADMINS = 3;
