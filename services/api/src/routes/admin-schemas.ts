import { DefaultProcessStep, ProcessStep, TenantRole, UnitKind } from '@gov/domain';
import * as v from 'valibot';
import { UnitContactAnswer } from './portal-schemas.js';

// What the province admin's routes answer (units, officers, roles), declared once for the
// OpenAPI document and checked against the handlers' results at compile time (see answer.ts).

const Uuid = v.pipe(v.string(), v.uuid());
const Instant = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 with offset'));
/** What If-Match names to change it: the same number as the ETag header of an answer about it alone. */
export const Revision = v.pipe(v.number(), v.integer(), v.description('Its revision; send it back as `If-Match: "<revision>"` to change it'));

const UnitFields = {
  id: Uuid,
  parentId: v.nullable(Uuid),
  path: v.pipe(v.array(Uuid), v.description('Ids from the province root down to this unit')),
  code: v.string(),
  name: v.string(),
  kind: UnitKind,
  active: v.boolean(),
  ...UnitContactAnswer.entries,
  revision: Revision,
};
export const OrgUnitList = v.object({ items: v.array(v.object(UnitFields)) });
export const OrgUnit = v.object({
  ...UnitFields,
  tenantId: Uuid,
  nameSearch: v.nullable(v.pipe(v.string(), v.description('The name folded for search (no accents, lower case)'))),
  adminUnitId: v.nullable(v.pipe(Uuid, v.description('The commune-level administrative unit it serves, if any'))),
  createdAt: Instant,
});

const SentBy = v.picklist(['email', 'sms']);

export const OfficerPage = v.object({
  items: v.array(
    v.object({
      userId: Uuid,
      login: v.string(),
      fullName: v.string(),
      citizenId: v.nullable(v.pipe(v.string(), v.description('In full only to whoever may edit it (a province admin), else masked'))),
      position: v.nullable(v.string()),
      phone: v.nullable(v.pipe(v.string(), v.description('In full only to whoever may edit it, else masked'))),
      email: v.nullable(v.string()),
      active: v.boolean(),
      orgUnitId: v.nullable(Uuid),
      orgUnitName: v.nullable(v.string()),
      revision: Revision,
    }),
  ),
  total: v.number(),
  page: v.number(),
  pageSize: v.number(),
});

export const OfficerCreated = v.object({ id: Uuid, login: v.string(), invitationSentBy: SentBy });
export const OfficerEdited = v.object({ userId: Uuid, updated: v.pipe(v.array(v.string()), v.description('The fields changed')), revision: Revision });

/** An open task of the officer: a leader reassigns it (nothing is reassigned silently). */
const OpenTask = v.object({
  taskId: Uuid,
  dossierId: Uuid,
  dossierCode: v.string(),
  stepKey: v.string(),
  role: v.string(),
  orgUnitId: Uuid,
  dueAt: v.nullable(Instant),
});

export const OfficerMoved = v.object({
  userId: Uuid,
  orgUnitId: Uuid,
  revision: Revision,
  endedRoles: v.array(v.object({ id: Uuid, role: TenantRole, orgUnitId: Uuid })),
  openTasks: v.array(OpenTask),
});
export const OfficerActive = v.object({ userId: Uuid, active: v.boolean(), revision: Revision, openTasks: v.array(OpenTask) });
export const PasswordCleared = v.object({ userId: Uuid, codeSentBy: SentBy });

const AssignmentFields = {
  id: Uuid,
  userId: Uuid,
  role: TenantRole,
  orgUnitId: Uuid,
  grantedBy: v.nullable(Uuid),
  grantedAt: Instant,
  reason: v.nullable(v.string()),
  revision: Revision,
};
export const RoleAssignmentList = v.object({
  items: v.array(v.object({ ...AssignmentFields, fullName: v.nullable(v.string()), orgUnitName: v.string() })),
});
export const RoleAssignment = v.object({ ...AssignmentFields, tenantId: Uuid, revokedAt: v.nullable(Instant), revokedBy: v.nullable(Uuid) });
export const RoleRevoked = v.object({ id: Uuid, revoked: v.literal(true) });
export const RoleCatalog = v.object({
  items: v.array(
    v.object({
      role: v.pipe(v.string(), v.description('A province role or a ministry role, or citizen')),
      label: v.object({ vi: v.string(), en: v.string() }),
    }),
  ),
});

/** A province's activation of a national procedure for its units. */
export const ProcedureSetting = v.object({
  id: Uuid,
  tenantId: Uuid,
  procedureCode: v.string(),
  receivingUnitIds: v.array(Uuid),
  handlingUnitIds: v.array(Uuid),
  localFeeVnd: v.nullable(v.pipe(v.number(), v.description('Whole đồng'))),
  beneficiaryAccount: v.nullable(v.string()),
  active: v.boolean(),
  createdAt: Instant,
  revision: Revision,
});
export const ProcedureSettingList = v.object({ items: v.array(ProcedureSetting) });

/** One version of a province's electronic process; a published one never changes. */
export const ProcessDefinition = v.object({
  id: Uuid,
  tenantId: Uuid,
  procedureCode: v.string(),
  caseCode: v.string(),
  version: v.number(),
  status: v.picklist(['draft', 'published', 'retired']),
  steps: v.array(ProcessStep),
  createdBy: v.nullable(Uuid),
  createdAt: Instant,
  publishedAt: v.nullable(Instant),
  revision: Revision,
});
export const ProcessDefinitionList = v.object({ items: v.array(ProcessDefinition) });

/** One version of a ministry default process, copied by provinces into their drafts. */
export const DefaultProcess = v.object({
  id: Uuid,
  procedureCode: v.string(),
  caseCode: v.string(),
  version: v.number(),
  steps: v.array(DefaultProcessStep),
  publishedBy: v.nullable(Uuid),
  publishedAt: Instant,
});
export const DefaultProcessList = v.object({ items: v.array(DefaultProcess) });

/** Another province's active units a hand-over step may target (liên thông giữa hai tỉnh). */
export const HandOverTargets = v.object({
  province: v.object({ id: Uuid, name: v.string() }),
  items: v.array(v.object({ id: Uuid, code: v.string(), name: v.string(), kind: UnitKind })),
});
