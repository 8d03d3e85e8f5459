import type * as v from 'valibot';
import type {
  DefaultProcess,
  HandOverTargets as HandOverTargetsSchema,
  OfficerPage,
  OrgUnitList,
  ProcedureSetting as ProcedureSettingSchema,
  ProcessDefinition,
  RoleAssignmentList,
} from './routes/admin-schemas.js';
import type { DossierDetail as DossierDetailSchema, InboxPage, IntakeProcedures, Receipt as ReceiptSchema } from './routes/dossier-schemas.js';
import type {
  MyDossierEverywherePage,
  OfferedProcedure,
  OfferedProcedurePage,
  OfferedSectors,
  PublicDossierStatus,
  ReceivingUnits,
} from './routes/portal-schemas.js';
import type { WorkListPage as WorkListPageSchema } from './routes/work-list-schemas.js';

// The API's answers as its clients see them, derived from the schemas the OpenAPI document is
// generated from (types only: nothing here reaches a bundle). The web app imports these instead
// of copying them, so a change to an answer breaks the web app's type check.

type Item<S extends v.GenericSchema> = v.InferOutput<S> extends { items: (infer I)[] } ? I : never;

export type OrgUnit = Item<typeof OrgUnitList>;
export type Officer = Item<typeof OfficerPage>;
export type RoleAssignment = Item<typeof RoleAssignmentList>;
export type ProcedureSetting = v.InferOutput<typeof ProcedureSettingSchema>;
export type ProcessVersion = v.InferOutput<typeof ProcessDefinition>;
export type DefaultProcessVersion = v.InferOutput<typeof DefaultProcess>;
export type HandOverTargets = v.InferOutput<typeof HandOverTargetsSchema>;

export type InboxItem = Item<typeof InboxPage>;
export type DossierDetail = v.InferOutput<typeof DossierDetailSchema>;
export type DossierFile = DossierDetail['files'][number];
export type DossierEvent = DossierDetail['events'][number];
export type IntakeProcedure = Item<typeof IntakeProcedures>;
export type Receipt = v.InferOutput<typeof ReceiptSchema>;

export type ProcedureSummary = Item<typeof OfferedProcedurePage>;
export type SectorCount = v.InferOutput<typeof OfferedSectors>[number];
export type ProcedureDetail = v.InferOutput<typeof OfferedProcedure>;
export type Unit = v.InferOutput<typeof ReceivingUnits>[number];
export type MyDossier = Item<typeof MyDossierEverywherePage>;
export type PublicStatus = v.InferOutput<typeof PublicDossierStatus>;

export type WorkListPage = v.InferOutput<typeof WorkListPageSchema>;
export type WorkListItem = Item<typeof WorkListPageSchema>;
