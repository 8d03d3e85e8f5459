export { AnswerFeedback, FEEDBACK_STATUSES, ListFeedback, SubmitFeedback } from './feedback-input.js';
export { feedbackDeadlines, FEEDBACK_REMINDER_WORKING_DAYS } from './feedback-deadlines.js';
export { submitFeedback } from './submit-feedback.js';
export { listFeedback } from './list-feedback.js';
export { answerFeedback } from './answer-feedback.js';
export { listPublicFeedback, PublicFeedbackQuery } from './public-feedback.js';
export { feedbackCounts } from './feedback-counts.js';
