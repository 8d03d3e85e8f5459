import {
  CivilDate,
  exportProvinceDossiers,
  listProvinceDossiers,
  reportProvinceConsultations,
  reportProvinceFees,
  reportProvinceOfficers,
  reportProvinceProcedures,
  reportProvinces,
  reportProvinceUnits,
} from '@gov/core';
import type { Logger } from '@gov/runtime';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { exportResponse, FormatQuery, fromList, listOrExportAnswer } from '../export/index.js';
import { validate } from '../validate.js';
import { provinceFileName } from './export-names.js';
import { PageQuery, QueryInt, TenantParam } from './params.js';
import {
  CONSULTATION_REPORT_COLUMNS,
  consultationReportLines,
  FEE_REPORT_COLUMNS,
  feeReportLines,
  OFFICER_REPORT_COLUMNS,
  officerReportLines,
  PROCEDURE_REPORT_COLUMNS,
  procedureReportLines,
  PROVINCE_DOSSIER_COLUMNS,
  PROVINCE_REPORT_COLUMNS,
  provinceReportLines,
  UNIT_REPORT_COLUMNS,
  unitReportLines,
} from './report-exports.js';
import { ConsultationReport, FeeReport, OfficerReport, ProcedureReport, ProvinceDossierPage, ProvinceReport, UnitReport } from './report-schemas.js';

const tags = ['ministry reports'];

/** `from`/`to` are Vietnam civil dates, both inclusive; the core verb checks their order and span. */
const PeriodQuery = v.object({ from: v.optional(CivilDate), to: v.optional(CivilDate), ...FormatQuery });
/** A province report's period, narrowed to one unit's subtree by `unitId` (within the caller's scope). */
const ProvincePeriodQuery = v.object({ ...PeriodQuery.entries, unitId: v.optional(v.pipe(v.string(), v.uuid('Mã đơn vị không hợp lệ'))) });
/** An export takes every matching row: `page` and `pageSize` are accepted (a link keeps the page's query) and ignored. */
const DossierQuery = v.object({ status: QueryInt(1, 10), ...PageQuery.entries, ...FormatQuery });

const COHORTS =
  'carried over and received (online / in person or by post), resolved early / on time / late, in progress at the end in time / overdue, ended without result';

/**
 * Ministry oversight (giám sát): cross-province reports, read only, for ministry staff; one
 * province by unit is also the province's own dashboard, within each reader's scope. Each also
 * downloads as CSV or XLSX (`?format=`), with the same filters and rights; a report table as one
 * line per province or unit and a last line for the whole.
 */
export function reportRoutes(logger: Logger) {
  return new Hono<AppEnv>()
    .get(
      '/provinces',
      describeRoute({
        tags,
        summary: `Per province, for the period (default: this month so far): ${COHORTS}`,
        responses: listOrExportAnswer('Every province, in official code order, and the national line', ProvinceReport),
      }),
      validate('query', PeriodQuery),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const report = (await reportProvinces({ ctx: c.get('ctx'), input })) satisfies ProvinceReport;
        if (!format) return c.json(report);
        const period = `${report.period.from} ${report.period.to}`;
        return exportResponse(c, logger, {
          format,
          filename: { vi: `Báo cáo các tỉnh ${period}`, en: `Province report ${period}` },
          sheetName: { vi: 'Báo cáo các tỉnh', en: 'Province report' },
          columns: PROVINCE_REPORT_COLUMNS,
          rows: fromList(provinceReportLines(report)),
        });
      },
    )
    .get(
      '/provinces/:tenantId/units',
      describeRoute({
        tags,
        summary: `One province by receiving unit, for the period: ${COHORTS}. Also for the province's own report readers: a unit's leader or admin gets the units of their subtree, and totals of those; \`unitId\` narrows to one unit's subtree`,
        responses: listOrExportAnswer('The units and the province line', UnitReport),
      }),
      validate('param', TenantParam),
      validate('query', ProvincePeriodQuery),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const report = (await reportProvinceUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input })) satisfies UnitReport;
        if (!format) return c.json(report);
        const about = `${report.province.name} ${report.period.from} ${report.period.to}`;
        return exportResponse(c, logger, {
          format,
          filename: { vi: `Báo cáo đơn vị ${about}`, en: `Unit report ${about}` },
          sheetName: { vi: 'Báo cáo theo đơn vị', en: 'Unit report' },
          columns: UNIT_REPORT_COLUMNS,
          rows: fromList(unitReportLines(report)),
        });
      },
    )
    .get(
      '/provinces/:tenantId/procedures',
      describeRoute({
        tags,
        summary: `One province by procedure, for the period: ${COHORTS}; the same scopes as the report by unit`,
        responses: listOrExportAnswer('The procedures and the line for the scope', ProcedureReport),
      }),
      validate('param', TenantParam),
      validate('query', ProvincePeriodQuery),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const report = (await reportProvinceProcedures({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input })) satisfies ProcedureReport;
        if (!format) return c.json(report);
        const about = `${report.province.name} ${report.period.from} ${report.period.to}`;
        return exportResponse(c, logger, {
          format,
          filename: { vi: `Báo cáo thủ tục ${about}`, en: `Procedure report ${about}` },
          sheetName: { vi: 'Báo cáo theo thủ tục', en: 'Procedure report' },
          columns: PROCEDURE_REPORT_COLUMNS,
          rows: fromList(procedureReportLines(report)),
        });
      },
    )
    .get(
      '/provinces/:tenantId/officers',
      describeRoute({
        tags,
        summary:
          "One province's officers' workload for the period: open tasks held at its end and how many of them past their step's due time, actions taken, results given; the same scopes as the report by unit, officers by their own unit",
        responses: listOrExportAnswer('The officers and the line for the scope', OfficerReport),
      }),
      validate('param', TenantParam),
      validate('query', ProvincePeriodQuery),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const report = (await reportProvinceOfficers({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input })) satisfies OfficerReport;
        if (!format) return c.json(report);
        const about = `${report.province.name} ${report.period.from} ${report.period.to}`;
        return exportResponse(c, logger, {
          format,
          filename: { vi: `Khối lượng công việc cán bộ ${about}`, en: `Officer workload ${about}` },
          sheetName: { vi: 'Khối lượng theo cán bộ', en: 'Officer workload' },
          columns: OFFICER_REPORT_COLUMNS,
          rows: fromList(officerReportLines(report)),
        });
      },
    )
    .get(
      '/provinces/:tenantId/fees',
      describeRoute({
        tags,
        summary: "One province's fees paid in the period, by receiving unit: how many, how many online, the amounts; the same scopes as the report by unit",
        responses: listOrExportAnswer('The units and the line for the scope', FeeReport),
      }),
      validate('param', TenantParam),
      validate('query', ProvincePeriodQuery),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const report = (await reportProvinceFees({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input })) satisfies FeeReport;
        if (!format) return c.json(report);
        const about = `${report.province.name} ${report.period.from} ${report.period.to}`;
        return exportResponse(c, logger, {
          format,
          filename: { vi: `Phí lệ phí đã thu ${about}`, en: `Fees collected ${about}` },
          sheetName: { vi: 'Phí, lệ phí', en: 'Fees' },
          columns: FEE_REPORT_COLUMNS,
          rows: fromList(feeReportLines(report)),
        });
      },
    )
    .get(
      '/provinces/:tenantId/consultations',
      describeRoute({
        tags,
        summary:
          "One province's consultation requests (lấy ý kiến) opened in the period, by unit asked: answered on time, answered late, unanswered and past their deadline at the period's end; requests to another province's unit count here, under that unit; the same scopes as the report by unit, by the unit that asked",
        responses: listOrExportAnswer('The units asked and the line for the scope', ConsultationReport),
      }),
      validate('param', TenantParam),
      validate('query', ProvincePeriodQuery),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const report = (await reportProvinceConsultations({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input })) satisfies ConsultationReport;
        if (!format) return c.json(report);
        const about = `${report.province.name} ${report.period.from} ${report.period.to}`;
        return exportResponse(c, logger, {
          format,
          filename: { vi: `Xin ý kiến các đơn vị ${about}`, en: `Consultations ${about}` },
          sheetName: { vi: 'Xin ý kiến', en: 'Consultations' },
          columns: CONSULTATION_REPORT_COLUMNS,
          rows: fromList(consultationReportLines(report)),
        });
      },
    )
    .get(
      '/provinces/:tenantId/dossiers',
      describeRoute({
        tags,
        summary: "One province's dossiers, newest first, paged, without applicant data",
        responses: listOrExportAnswer('One page', ProvinceDossierPage),
      }),
      validate('param', TenantParam),
      validate('query', DossierQuery),
      async (c) => {
        const { format, page, pageSize, ...filters } = c.req.valid('query');
        const ctx = c.get('ctx');
        const { tenantId } = c.req.valid('param');
        if (!format) return c.json(await listProvinceDossiers({ ctx, tenantId, input: { ...filters, page, pageSize } }));
        return exportResponse(c, logger, {
          format,
          filename: await provinceFileName(ctx, tenantId, { vi: 'Hồ sơ', en: 'Dossiers' }),
          sheetName: { vi: 'Hồ sơ', en: 'Dossiers' },
          columns: PROVINCE_DOSSIER_COLUMNS,
          rows: exportProvinceDossiers({ ctx, tenantId, input: filters }),
        });
      },
    );
}
