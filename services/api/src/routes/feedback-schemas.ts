import * as v from 'valibot';

const Instant = (description: string) => v.pipe(v.string(), v.description(description));
const Count = (description: string) => v.pipe(v.number(), v.integer(), v.minValue(0), v.description(description));
const Subject = v.picklist(['dossier', 'unit', 'procedure']);
const Status = v.picklist(['open', 'answered', 'escalated']);
const Page = { total: Count('Items in all pages'), page: v.number(), pageSize: v.number() };

export const FeedbackReceived = v.object({
  feedbackId: v.pipe(v.string(), v.uuid()),
  receivedAt: Instant('When it was received'),
  dueAt: Instant('The answer is due by then: 5 working days on the province’s calendar'),
});

/** An item as the responsible unit's officers see it: the author by name, never their contact. */
export const FeedbackItem = v.object({
  id: v.pipe(v.string(), v.uuid()),
  subject: Subject,
  dossierId: v.nullable(v.string()),
  procedureCode: v.nullable(v.string()),
  unitId: v.string(),
  unitName: v.string(),
  authorName: v.string(),
  content: v.string(),
  publishConsent: v.boolean(),
  status: Status,
  receivedAt: Instant('When it was received'),
  dueAt: Instant('When the answer is due'),
  answeredAt: v.nullable(Instant('When it was answered')),
  answer: v.nullable(v.string()),
  overdue: v.pipe(v.boolean(), v.description('Answered after the due time, or unanswered past it')),
});

export const FeedbackPage = v.object({ items: v.array(FeedbackItem), ...Page });

export const FeedbackAnswered = v.object({
  feedbackId: v.string(),
  status: v.literal('answered'),
  answeredAt: Instant('When it was answered'),
  onTime: v.boolean(),
});

/** Published: what was asked and answered, by which unit; nothing about who asked. */
export const PublicFeedbackItem = v.object({
  id: v.string(),
  subject: Subject,
  procedureCode: v.nullable(v.string()),
  unitName: v.string(),
  content: v.string(),
  answer: v.string(),
  receivedAt: Instant('When it was received'),
  answeredAt: Instant('When it was answered'),
});

export const PublicFeedbackPage = v.object({ items: v.array(PublicFeedbackItem), ...Page });

export const FeedbackCounts = v.object({
  from: v.string(),
  to: v.string(),
  received: Count('Received in the period'),
  answeredOnTime: Count('Answered by the due time'),
  answeredLate: Count('Answered after the due time'),
  openOverdue: Count('Unanswered and past the due time'),
  openInTime: Count('Unanswered, still within time'),
});
