export { reportProvinces, type ProvinceReportRow } from './report-provinces.js';
export { reportProvinceUnits } from './report-province-units.js';
export { listProvinceDossiers, ListProvinceDossiers, exportProvinceDossiers, ExportProvinceDossiers } from './list-province-dossiers.js';
export { ReportPeriod, CivilDate } from './report-period.js';
export type { DossierCounts } from './dossier-counts.js';
export { reportProvinceProcedures } from './report-province-procedures.js';
export { reportProvinceOfficers, type OfficerWorkload } from './report-province-officers.js';
export { ProvinceReportInput } from './province-report-scope.js';
export { reportProvinceFees, type FeeCounts } from './report-province-fees.js';
