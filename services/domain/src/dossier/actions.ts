import * as v from 'valibot';
import { TenantRole } from '../roles.js';

/**
 * Officer and citizen actions on a dossier, each a Temporal Workflow Update of the same name.
 * The API checks CASL first; the workflow's validator then refuses an action that does not fit
 * the dossier's current step, role or unit, so a refused action leaves no history.
 */
export const DOSSIER_ACTIONS = [
  'accept', // tiếp nhận
  'refuse', // từ chối tiếp nhận
  'requestSupplement', // yêu cầu bổ sung
  'submitSupplement', // công dân nộp bổ sung
  'assign', // phân công
  'forward', // chuyển bước tiếp theo
  'returnToPrevious', // trả lại bước trước
  'handOver', // chuyển liên thông
  'approve', // phê duyệt, ký số
  'requestFee', // yêu cầu thực hiện nghĩa vụ tài chính
  'recordPayment', // ghi nhận đã nộp phí
  'recordApology', // thư xin lỗi, hẹn lại ngày trả (Mẫu 04)
  'returnResult', // trả kết quả
  'stop', // dừng xử lý
  'withdraw', // công dân rút hồ sơ
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/**
 * Actions the dossier's own (parent) workflow keeps during a hand-over: the overall deadline and
 * the applicant's relationship are the receiving unit's. Other actions go to the active child.
 */
export const PARENT_LEVEL_ACTIONS: readonly DossierAction[] = ['recordApology', 'stop', 'withdraw'];

const Uuid = v.pipe(v.string(), v.uuid());
const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000));
const IsoInstant = v.pipe(v.string(), v.isoTimestamp());
/** The officer's named outcome on a step that branches by choice (docs/domain/procedures-and-processes.md#branches). */
const Outcome = v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/)));

/** Who acts: the API fills this from the session after its CASL check. */
export const DossierActor = v.object({
  userId: Uuid,
  role: v.union([TenantRole, v.literal('citizen')]),
  /** The officer's unit for this action; absent for citizens. */
  unitId: v.optional(Uuid),
});
export type DossierActor = v.InferOutput<typeof DossierActor>;

const withActor = <T extends v.ObjectEntries>(entries: T) => v.object({ actor: DossierActor, ...entries });

/** Input schema of every action, keyed by its Update name. */
export const DossierActionInputs = {
  accept: withActor({ note: v.optional(Text) }),
  refuse: withActor({ reason: Text }),
  requestSupplement: withActor({ reason: Text, items: v.pipe(v.array(Text), v.minLength(1)) }),
  submitSupplement: withActor({ note: v.optional(Text) }),
  assign: withActor({ assigneeUserId: Uuid }),
  forward: withActor({ note: v.optional(Text), outcome: Outcome }),
  returnToPrevious: withActor({ reason: Text }),
  handOver: withActor({ note: v.optional(Text) }),
  approve: withActor({ note: v.optional(Text), signed: v.boolean(), outcome: Outcome }),
  requestFee: withActor({ amountVnd: v.pipe(v.number(), v.integer(), v.minValue(1)), description: Text }),
  recordPayment: withActor({ reference: Text }),
  recordApology: withActor({ reason: Text, newDueAt: IsoInstant }),
  returnResult: withActor({ method: v.picklist(['in_person', 'online', 'postal']) }),
  stop: withActor({ reason: Text }),
  withdraw: withActor({ reason: Text }),
} satisfies Record<DossierAction, v.GenericSchema>;

export type DossierActionInput<A extends DossierAction> = v.InferOutput<(typeof DossierActionInputs)[A]>;
