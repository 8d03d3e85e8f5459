export { createNotificationActivities, sendDossierNotification, type NotificationJob } from './send-notification.js';
export { createTransports, type Transports } from './transports.js';
export { sendZns, znsPhone, ZnsError, type ZnsConfig, type ZnsMessage } from './zalo-zns.js';
export { renderMessage, type Message, type MessageFacts } from './templates.js';
