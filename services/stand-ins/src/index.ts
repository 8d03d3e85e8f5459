export { startMailSink, parseMail, type ReceivedMail } from './mail-sink.js';
export { startSmsSink, type ReceivedSms } from './sms-sink.js';
export { standInClient, type StandInClient, type StandInMessages } from './client.js';
export { spawnStandIns, type SpawnedStandIns } from './spawn.js';
export { SYSTEMS, type StandInMode, type StandInSystem } from './control.js';
