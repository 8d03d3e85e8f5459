import { createAppAbility, DomainError } from '@gov/domain';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context.js';
import { assertMayDelegate } from './delegation.js';

const tenantId = '00000000-0000-4000-8000-000000000001';
const unitPath = ['00000000-0000-4000-8000-000000000002'];

/** An admin who may grant roles and read dossiers here, but not process them. */
const ctx = {
  requestId: 'test',
  actor: { userId: '00000000-0000-4000-8000-000000000003', kind: 'officer', displayName: 'Quản trị' },
  ability: createAppAbility([
    { action: 'grant', subject: 'RoleAssignment', conditions: { tenantId } },
    { action: 'read', subject: 'Dossier', conditions: { tenantId } },
  ]),
  grants: [],
} as unknown as ServiceContext;

describe('delegation without escalation', () => {
  it('refuses a role with a permission the granter lacks, naming it in words', () => {
    let refusal: unknown;
    try {
      assertMayDelegate(ctx, { role: 'specialist', tenantId, unitPath, granteeId: '00000000-0000-4000-8000-000000000004' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).userMessage).toEqual({
      vi: 'Không thể cấp vai trò "Chuyên viên xử lý": vai trò này có quyền xử lý hồ sơ, quyền mà bạn không có tại đơn vị này.',
      en: 'Cannot grant "Specialist": it may process dossiers, which you may not do at this unit.',
    });
  });
});
