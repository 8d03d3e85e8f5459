import { schema } from '@gov/db';

const u = schema.orgUnits;

/**
 * The unit's public contact details as a select shape, so every read that shows them (admin list,
 * portal, status lookup) picks the same columns and nothing more about the unit
 * (docs/domain/platform-and-tenants.md#what-is-public-about-a-unit).
 */
export const contactColumns = {
  publicAddress: u.publicAddress,
  hotline: u.hotline,
  publicEmail: u.publicEmail,
  openingHours: u.openingHours,
  mapUrl: u.mapUrl,
};
