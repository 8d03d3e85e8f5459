export { tenants, tenantKind } from './tenants.js';
export { adminUnits, adminUnitKind } from './admin-units.js';
export { workflowProbes } from './workflow-probes.js';
