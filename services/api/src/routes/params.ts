import * as v from 'valibot';

const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));

export const TenantParam = v.object({ tenantId: Id });
export const UnitParam = v.object({ tenantId: Id, unitId: Id });
export const UserParam = v.object({ tenantId: Id, userId: Id });
export const AssignmentParam = v.object({ tenantId: Id, assignmentId: Id });
