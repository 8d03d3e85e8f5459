/** Counter intake while the connection is down: the queue kept on the officer's computer. */
export const offlineVi = {
  offlineNow: 'Đang mất kết nối mạng. Hồ sơ tiếp nhận được lưu trên máy này và tự gửi khi có mạng trở lại.',
  offlineQueued: 'Mất kết nối: hồ sơ của người nộp đã được lưu trên máy này và sẽ tự gửi khi có mạng.',
  offlineQueueHeading: 'Hồ sơ chờ gửi',
  offlineQueueIntro: 'Các hồ sơ đã nhập khi mất kết nối. Mỗi hồ sơ chỉ được tiếp nhận một lần, kể cả khi đã gửi trước đó.',
  offlineQueuedAt: 'Lưu lúc',
  offlineSendNow: 'Gửi ngay',
  offlineSending: 'Đang gửi…',
  offlineRefused: 'Hệ thống không tiếp nhận',
  offlineDiscard: 'Bỏ hồ sơ này',
  offlineSentHeading: 'Đã gửi khi có mạng trở lại',
  offlineSent: 'Đã tiếp nhận',
};

export const offlineEn: Record<keyof typeof offlineVi, string> = {
  offlineNow: 'The network is down. Counter intakes are kept on this computer and sent once the connection is back.',
  offlineQueued: 'No connection: the dossier was kept on this computer and will be sent once the network is back.',
  offlineQueueHeading: 'Dossiers waiting to be sent',
  offlineQueueIntro: 'Dossiers entered while the connection was down. Each is received only once, even if it had reached the server before.',
  offlineQueuedAt: 'Kept at',
  offlineSendNow: 'Send now',
  offlineSending: 'Sending…',
  offlineRefused: 'Refused by the platform',
  offlineDiscard: 'Discard this dossier',
  offlineSentHeading: 'Sent once the network was back',
  offlineSent: 'Received',
};
