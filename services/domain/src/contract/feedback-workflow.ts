import { defineSignal } from '@temporalio/workflow';

/** The workflow type's name: the exported function's name in the workflows bundle. */
export const FEEDBACK_WORKFLOW_TYPE = 'feedbackWorkflow';

/**
 * One feedback item's watch (docs/domain/feedback-and-reports.md): the instants come from the
 * province's working calendar at receipt, so the workflow only keeps timers and stays deterministic.
 */
export interface FeedbackWorkflowInput {
  tenantId: string;
  feedbackId: string;
  /** One working day before the due time: the responsible unit's officers are reminded. */
  remindAt: string;
  /** 5 working days after receipt: unanswered by then, the item goes to the province's admins. */
  dueAt: string;
}

export const feedbackWorkflowId = (tenantId: string, feedbackId: string) => `feedback:${tenantId}:${feedbackId}`;

/** Idempotent by id: the relay may deliver the start row more than once. */
export function feedbackWorkflowStart(input: FeedbackWorkflowInput, taskQueue: string) {
  return {
    workflowId: feedbackWorkflowId(input.tenantId, input.feedbackId),
    taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    args: [input] as [FeedbackWorkflowInput],
  };
}

/** The responsible unit answered (the row already says so): the workflow sends it to the author and ends. */
export const feedbackAnsweredSignal = defineSignal<[]>('feedbackAnswered');

/** The messages about a feedback item, rendered at delivery from the row. */
export type FeedbackMessage = 'feedback.reminder' | 'feedback.escalated' | 'feedback.answered';
