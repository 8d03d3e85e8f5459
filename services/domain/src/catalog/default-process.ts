import * as v from 'valibot';
import { StepKind, stepStatusProblem } from '../process.js';
import { TenantRole } from '../roles.js';

/** Kinds of unit a ministry default process can name; a province maps each to one of its units. */
export const UnitKind = v.picklist(['people_committee', 'department', 'office', 'service_centre', 'commune_one_stop', 'school', 'other']);
export type UnitKind = v.InferOutput<typeof UnitKind>;

/**
 * A step of a ministry default process (quy trình mẫu): like a province's step, but it names a
 * kind of unit instead of a unit, since the ministry knows no province's units. Copying maps
 * each kind to a unit of the province (`copyDefaultProcess`).
 */
export const DefaultProcessStep = v.object({
  key: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'chỉ gồm chữ thường, số, _ và -')),
  kind: StepKind,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  role: TenantRole,
  unitKind: UnitKind,
  allottedWorkingHours: v.pipe(v.number(), v.minValue(0), v.maxValue(8 * 365)),
  nationalStatus: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  localStatus: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
  allowReturnToPrevious: v.boolean(),
  handOver: v.optional(v.object({ direction: v.picklist(['up', 'down']), targetUnitKind: UnitKind })),
});
export type DefaultProcessStep = v.InferOutput<typeof DefaultProcessStep>;

export const DefaultProcessSteps = v.pipe(
  v.array(DefaultProcessStep),
  v.minLength(1),
  v.check((steps) => steps.every((step) => stepStatusProblem(step) === null), 'Trạng thái quốc gia của bước chỉ là 1, 2, 4 hoặc 9; bước trả kết quả là 9.'),
);
