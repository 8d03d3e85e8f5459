import { schema } from '@gov/db';
import type { SQL } from 'drizzle-orm';

/**
 * Whose figures a measurement adds up: every province (`byUnit` false, no tenant), or one
 * province's receiving units (`byUnit`, its tenant, and the reader's units as a SQL filter over
 * `schema.orgUnits`, beside row-level security). Every query joins the unit it groups by.
 */
export interface MeasureScope {
  start: Date;
  end: Date;
  tenantId?: string;
  byUnit: boolean;
  unitFilter?: SQL;
}

const u = schema.orgUnits;

/** The group key: the receiving unit's id, or its tenant's. */
export const groupKey = (scope: MeasureScope) => (scope.byUnit ? u.id : u.tenantId);
