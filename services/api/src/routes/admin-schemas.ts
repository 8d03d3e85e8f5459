import { UnitKind } from '@gov/domain';
import * as v from 'valibot';

// What the province admin's routes answer (units, officers, roles), declared once for the
// OpenAPI document and checked against the handlers' results at compile time (see answer.ts).

const Uuid = v.pipe(v.string(), v.uuid());
const Instant = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 with offset'));

const UnitFields = {
  id: Uuid,
  parentId: v.nullable(Uuid),
  path: v.pipe(v.array(Uuid), v.description('Ids from the province root down to this unit')),
  code: v.string(),
  name: v.string(),
  kind: UnitKind,
  active: v.boolean(),
};
export const OrgUnitList = v.object({ items: v.array(v.object(UnitFields)) });
export const OrgUnit = v.object({
  ...UnitFields,
  tenantId: Uuid,
  nameSearch: v.nullable(v.pipe(v.string(), v.description('The name folded for search (no accents, lower case)'))),
  adminUnitId: v.nullable(v.pipe(Uuid, v.description('The commune-level administrative unit it serves, if any'))),
  createdAt: Instant,
});
