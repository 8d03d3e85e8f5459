export { listPortalDeadLetters } from './list-portal-dead-letters.js';
export { replayPortalDeadLetter } from './replay-portal-dead-letter.js';
