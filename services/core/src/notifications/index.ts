export { getNotificationSender, setNotificationSender, type NotificationSenderState } from './notification-sender.js';
export { getNotificationUsage, getNationalNotificationUsage, type UsageRow } from './notification-usage.js';
export { getMyNotificationPreference, setMyNotificationPreference } from './notification-preference.js';
