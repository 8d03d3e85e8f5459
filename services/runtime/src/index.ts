export { parseEnv, ConfigError, commaList } from './parse-env.js';
export { DatabaseEnv, databaseUrls, type DatabaseUrls } from './database.js';
export { TemporalEnv } from './temporal.js';
export { LogEnv } from './log.js';
export { createLogger, type Logger } from './logger.js';
export * from './telemetry/index.js';
export { localCaFlag, SigningEnv } from './signing.js';
