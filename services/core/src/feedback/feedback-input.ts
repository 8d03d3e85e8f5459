import * as v from 'valibot';

const Id = (what: string) => v.pipe(v.string(), v.uuid(`${what} không hợp lệ`));
const Text = (what: string, max: number) =>
  v.pipe(v.string(`${what} phải là chuỗi`), v.trim(), v.minLength(1, `${what} không được để trống`), v.maxLength(max, `${what} tối đa ${max} ký tự`));

/** What the feedback is about (docs/domain/feedback-and-reports.md): a dossier, a unit or a procedure. */
export const FeedbackAbout = v.variant('subject', [
  v.object({ subject: v.literal('dossier'), dossierId: Id('mã hồ sơ') }),
  v.object({ subject: v.literal('unit'), unitId: Id('mã đơn vị') }),
  v.object({ subject: v.literal('procedure'), procedureCode: Text('mã thủ tục', 20) }),
]);

/** Who to answer when the author is not signed in: a name and a phone or an email. */
export const FeedbackContact = v.object({
  name: Text('họ tên', 200),
  phone: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\+?[0-9]{9,15}$/, 'số điện thoại không hợp lệ'))),
  email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254, 'email quá dài'), v.email('email không hợp lệ'))),
});

export const SubmitFeedback = v.object({
  about: FeedbackAbout,
  content: Text('nội dung', 4000),
  /** The author agrees that the item and its answer be published, without their name or contact. */
  publishConsent: v.optional(v.boolean(), false),
  contact: v.optional(FeedbackContact),
});
export type SubmitFeedback = v.InferInput<typeof SubmitFeedback>;

export const AnswerFeedback = v.object({ answer: Text('nội dung trả lời', 4000) });
export type AnswerFeedback = v.InferInput<typeof AnswerFeedback>;

export const FEEDBACK_STATUSES = ['open', 'answered', 'escalated'] as const;

export const ListFeedback = v.object({
  status: v.optional(v.picklist(FEEDBACK_STATUSES, 'trạng thái phải là open, answered hoặc escalated')),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 20),
});
export type ListFeedback = v.InferInput<typeof ListFeedback>;
