export { listAuditLog, ListAuditLog, exportAuditLog, ExportAuditLog } from './list-audit-log.js';
export { auditChainStatus, type AuditChainStatus } from './audit-chain-status.js';
export { recordMinistryRead, type MinistryRead } from './record-ministry-read.js';
export { listMinistryReads, ListMinistryReads, exportMinistryReads, ExportMinistryReads } from './list-ministry-reads.js';
