export { createFeedbackHandler } from './feedback-handler';
export type { FeedbackHandlerOptions } from './feedback-handler';
export { FeedbackRecorder } from './feedback-recorder';
export { SqlFeedbackStore } from './sql-feedback-store';
export { FEEDBACK_OUTCOMES } from './feedback-record';
export type { FeedbackOutcome, FeedbackRecord, FeedbackStore } from './feedback-record';
