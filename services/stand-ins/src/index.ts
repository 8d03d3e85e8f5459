export { startMailSink, parseMail, type ReceivedMail } from './mail-sink.js';
export { startSmsSink, type ReceivedSms } from './sms-sink.js';
export { startNationalPortal, type NationalPortalStandIn, type ReceivedPortalSync, type PortalSync } from './national-portal.js';
export { standInClient, type StandInClient, type StandInMessages } from './client.js';
export { spawnStandIns, type SpawnedStandIns } from './spawn.js';
export { SYSTEMS, type StandInMode, type StandInSystem } from './control.js';
export { startVneidProvider, CITIZEN_ID_CLAIM, type VneidProvider, type VneidClient } from './vneid-provider.js';
export { VNEID_DEMO_IDENTITIES, VNEID_DEMO_PASSWORD, type VneidIdentity } from './vneid-identities.js';
