import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { feedbackAnsweredSignal, type FeedbackWorkflowInput } from '@gov/domain/contract';
import type { FeedbackActivities } from '../../activities/feedback/index.js';

const act = proxyActivities<FeedbackActivities>({ startToCloseTimeout: '1 minute', retry: { maximumInterval: '1 minute' } });

/** Waits for the answer until `at`; true when it came. A past instant only checks. */
async function answeredBy(at: string, answered: () => boolean): Promise<boolean> {
  const wait = Date.parse(at) - Date.now();
  return wait > 0 ? condition(answered, wait) : answered();
}

/**
 * One feedback item (phản ánh, kiến nghị; docs/domain/feedback-and-reports.md): the responsible
 * unit's officers are reminded a working day before the due time; unanswered at the due time, the
 * item is escalated to the province's admins (and keeps waiting); once answered, the answer goes to
 * the author and the workflow ends. The instants were computed on the province's calendar at
 * receipt, so the workflow holds only timers.
 */
export async function feedbackWorkflow(input: FeedbackWorkflowInput): Promise<{ reminded: boolean; escalated: boolean }> {
  let answered = false;
  setHandler(feedbackAnsweredSignal, () => {
    answered = true;
  });
  const ref = { tenantId: input.tenantId, feedbackId: input.feedbackId };
  let reminded = false;
  let escalated = false;
  if (!(await answeredBy(input.remindAt, () => answered))) {
    reminded = await act.remindFeedbackUnit(ref);
    if (!(await answeredBy(input.dueAt, () => answered))) escalated = await act.escalateFeedback(ref);
  }
  // An escalated item is still answered by its unit, however late.
  await condition(() => answered);
  await act.sendFeedbackAnswer(ref);
  return { reminded, escalated };
}
