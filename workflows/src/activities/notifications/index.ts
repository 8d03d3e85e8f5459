export { createNotificationActivities, sendDossierNotification, type NotificationJob } from './send-notification.js';
export { createTransports, type Transports } from './transports.js';
export { renderMessage, type Message, type MessageFacts } from './templates.js';
