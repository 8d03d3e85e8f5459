export {
  ProcedureCode,
  CHANNELS,
  Channel,
  ProcedureLevel,
  OnlineServiceLevel,
  DossierComponent,
  ProcedureCase,
  ChannelTime,
  ProcedureFee,
  ProcedureForm,
  FormField,
  formFieldsOf,
  ProcedureRecord,
  type ProcedureRecordInput,
} from './procedure-record.js';
export { issuesToProblems, duplicateCodeProblems, type ImportProblem, type ImportResult } from './import-report.js';
export { parseCatalogJson, validateCatalogItems, catalogToJson } from './catalog-json.js';
export { CATALOG_CSV_COLUMNS, csvRowsToRecords, recordToCsvRow } from './catalog-csv.js';
export { UnitKind, DefaultProcessStep, DefaultProcessSteps } from './default-process.js';
