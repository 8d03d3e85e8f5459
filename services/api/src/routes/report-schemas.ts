import * as v from 'valibot';

const Count = (description: string) => v.pipe(v.number(), v.integer(), v.minValue(0), v.description(description));

/**
 * One report line, in the columns of the periodic report on handling administrative procedures
 * (the form of Circular 01/2020/TT-VPCP as we read it; wording unverified). The columns add up:
 * carriedOver + received = toHandle = resolved + inProgressAtEnd + endedWithoutResult.
 */
export const DossierCounts = v.object({
  toHandle: Count('Số hồ sơ nhận giải quyết: carriedOver + received'),
  carriedOver: Count('Tồn kỳ trước chuyển qua: received before the period, not finished, refused, withdrawn or stopped before its start'),
  received: Count('Mới tiếp nhận trong kỳ: received in the period'),
  receivedOnline: Count('… trực tuyến: received online'),
  receivedInPersonOrPost: Count('… trực tiếp, bưu chính: at the counter, by post or through a proxy'),
  resolved: Count('Đã giải quyết trong kỳ: finished with a result in the period, whenever received'),
  resolvedEarly: Count('… trước hạn: finished on a civil day (Vietnam time) before the due date’s'),
  resolvedOnTime: Count('… đúng hạn: finished on the due date’s civil day, or without a due date'),
  resolvedLate: Count('… quá hạn: finished after the due date’s civil day, or ever marked overdue (an apology does not clear it)'),
  inProgressAtEnd: Count('Đang giải quyết: received before the period’s end and still open at it'),
  inProgressInTime: Count('… trong hạn: not overdue at the period’s end'),
  inProgressOverdue: Count('… quá hạn: marked overdue, or due, before the period’s end (or now, while the period runs)'),
  endedWithoutResult: Count('Refused at intake, withdrawn or stopped (statuses 3, 7, 8) in the period'),
  endedOverdue: Count('… of which withdrawn or stopped while overdue: an overdue dossier stays overdue'),
  forOtherProvince: Count(
    'Of those to handle, handed over from another province (liên thông): counted in the national total by the province that received them, not here',
  ),
});

const Period = v.object({
  from: v.pipe(v.string(), v.description('First civil day, Vietnam time')),
  to: v.pipe(v.string(), v.description('Last civil day, inclusive')),
});
const Uuid = v.pipe(v.string(), v.uuid());

export const ProvinceReport = v.object({
  period: Period,
  items: v.array(v.object({ tenantId: Uuid, code: v.string(), name: v.string(), fullName: v.string(), ...DossierCounts.entries })),
  totals: v.pipe(DossierCounts, v.description('The whole country')),
});
export type ProvinceReport = v.InferOutput<typeof ProvinceReport>;

const ProvinceScope = {
  province: v.object({ id: Uuid, code: v.string(), name: v.string(), fullName: v.string() }),
  scope: v.pipe(
    v.picklist(['province', 'units']),
    v.description("What the caller sees: the whole province, or only the units in their charge (a unit's leader or admin) or the unit asked for"),
  ),
  unit: v.pipe(
    v.nullable(v.object({ id: Uuid, code: v.string(), name: v.string() })),
    v.description('The unit whose subtree the report is narrowed to (`unitId`), or null'),
  ),
  period: Period,
};

export const UnitReport = v.object({
  ...ProvinceScope,
  items: v.pipe(
    v.array(v.object({ orgUnitId: Uuid, code: v.string(), name: v.string(), ...DossierCounts.entries })),
    v.description('Receiving units with dossiers to handle in the period, most first'),
  ),
  totals: v.pipe(DossierCounts, v.description("The lines above added up: the province, or the units in the caller's charge")),
});
export type UnitReport = v.InferOutput<typeof UnitReport>;

export const ProcedureReport = v.object({
  ...ProvinceScope,
  items: v.pipe(
    v.array(v.object({ procedureCode: v.string(), name: v.string(), ...DossierCounts.entries })),
    v.description('Procedures with dossiers to handle in the period, in the units of the scope, most first'),
  ),
  totals: v.pipe(DossierCounts, v.description('The lines above added up: the same as the report by unit for the same scope')),
});
export type ProcedureReport = v.InferOutput<typeof ProcedureReport>;

export const OfficerWorkload = v.object({
  openTasks: Count("Tasks assigned to the officer, open at the period's end (or now, while it runs)"),
  overdueTasks: Count("… of which past their step's due time then"),
  actions: Count('Actions the officer took on dossiers in the period'),
  resolved: Count('Dossiers whose result the officer gave in the period'),
});

export const OfficerReport = v.object({
  ...ProvinceScope,
  items: v.pipe(
    v.array(v.object({ userId: Uuid, fullName: v.string(), orgUnitId: Uuid, unitName: v.string(), ...OfficerWorkload.entries })),
    v.description('Officers of the units in scope with any figure, most open tasks first'),
  ),
  totals: OfficerWorkload,
});
export type OfficerReport = v.InferOutput<typeof OfficerReport>;

export const FeeCounts = v.object({
  paid: Count('Fees paid in the period'),
  paidOnline: Count('… of which through the payment platform'),
  amountVnd: Count('Their amount, in đồng'),
  amountOnlineVnd: Count('… of which paid through the payment platform'),
});

export const FeeReport = v.object({
  ...ProvinceScope,
  items: v.pipe(
    v.array(v.object({ orgUnitId: Uuid, code: v.string(), name: v.string(), ...FeeCounts.entries })),
    v.description('Receiving units whose dossiers had fees paid in the period, most payments first'),
  ),
  totals: v.pipe(FeeCounts, v.description('The lines above added up')),
});
export type FeeReport = v.InferOutput<typeof FeeReport>;

export const ConsultationCounts = v.object({
  opened: Count('Consultation requests opened in the period (lấy ý kiến), whatever became of them'),
  answeredOnTime: Count('… answered by the period’s end (or now, while it runs), by their deadline'),
  answeredLate: Count('… answered by the period’s end, after their deadline'),
  openOverdue: Count('… unanswered at the period’s end and past their deadline then'),
});

export const ConsultationReport = v.object({
  ...ProvinceScope,
  items: v.pipe(
    v.array(
      v.object({
        orgUnitId: Uuid,
        otherProvince: v.pipe(v.boolean(), v.description('The unit asked belongs to another province (the request is counted by the asking province)')),
        code: v.pipe(v.string(), v.description('Empty for another province’s unit its name is not readable from here')),
        name: v.pipe(v.string(), v.description('“Đơn vị của tỉnh khác” for another province’s unit whose name is not readable here')),
        ...ConsultationCounts.entries,
      }),
    ),
    v.description('Units asked by the units in scope, in requests opened in the period, most requests first'),
  ),
  totals: v.pipe(ConsultationCounts, v.description('The lines above added up')),
});
export type ConsultationReport = v.InferOutput<typeof ConsultationReport>;

export const ProvinceDossierPage = v.object({
  items: v.array(
    v.object({
      id: Uuid,
      code: v.string(),
      procedureCode: v.string(),
      procedureName: v.string(),
      channel: v.picklist(['online', 'in_person', 'postal', 'proxy']),
      receivingUnitName: v.string(),
      nationalStatus: v.pipe(v.number(), v.description('National status code, 1–10')),
      receivedAt: v.string(),
      dueAt: v.nullable(v.string()),
      finishedAt: v.nullable(v.string()),
      overdue: v.boolean(),
    }),
  ),
  total: v.number(),
  page: v.number(),
  pageSize: v.number(),
});
