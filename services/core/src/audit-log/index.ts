export { listAuditLog, ListAuditLog } from './list-audit-log.js';
export { auditChainStatus, type AuditChainStatus } from './audit-chain-status.js';
export { recordMinistryRead, type MinistryRead } from './record-ministry-read.js';
export { listMinistryReads, ListMinistryReads } from './list-ministry-reads.js';
