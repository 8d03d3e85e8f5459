export {
  DomainError,
  invalid,
  forbidden,
  notFound,
  conflict,
  unauthenticated,
  type ErrorCode,
  type Message,
} from './errors.js';
