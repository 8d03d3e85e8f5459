/** Archive and retention (lưu trữ hồ sơ), Vietnamese first. */
export const archiveVi = {
  archiveSettingHeading: 'Thời hạn chuyển lưu trữ',
  archiveSettingLabel: 'Số tháng sau khi kết thúc hồ sơ',
  archiveSettingHint:
    'Từ 1 đến 120 tháng. Hồ sơ đã kết thúc quá số tháng này được chuyển tệp sang kho lưu trữ; vẫn tra cứu và xem được như trước. Thời hạn bảo quản theo từng thủ tục do danh mục thủ tục quy định; hồ sơ bảo quản vĩnh viễn không bao giờ bị hủy.',
  archiveSettingSaved: 'Đã lưu thời hạn chuyển lưu trữ.',
  archiveLookupHeading: 'Tra cứu hồ sơ theo mã',
  archiveLookupLabel: 'Mã hồ sơ',
  archiveLookupHint: 'Tìm cả hồ sơ đã kết thúc và hồ sơ đã chuyển lưu trữ.',
  archiveLookupSubmit: 'Tra cứu',
  archivedBadge: 'Đã lưu trữ',
  archivedFilesNote: 'Hồ sơ đã chuyển lưu trữ: các tệp dưới đây được đọc từ kho lưu trữ, vẫn xem và tải được như trước.',
  archiveLookupNotFound:
    'Không tìm thấy hồ sơ có mã này trong tỉnh. Hồ sơ đã hủy sau khi hết thời hạn bảo quản không còn tra cứu được (nhật ký kiểm toán vẫn ghi mã của hồ sơ).',
  archiveRetention: 'Thời hạn bảo quản hồ sơ',
  archiveRetentionHint:
    'Theo danh mục thời hạn bảo quản hồ sơ của Bộ Nội vụ, tính từ năm hồ sơ kết thúc. Hết thời hạn, hồ sơ đã lưu trữ được hủy và ghi nhật ký; hồ sơ bảo quản vĩnh viễn không bao giờ bị hủy. Thời hạn của phiên bản mới nhất áp dụng cho mọi hồ sơ của thủ tục.',
  archiveRetention_permanent: 'Vĩnh viễn',
  archiveRetentionYears: '{years} năm',
  archiveRetentionByCatalog: 'Thời hạn bảo quản hồ sơ của từng thủ tục do Bộ quy định trong danh mục thủ tục quốc gia.',
};

export const archiveEn: Record<keyof typeof archiveVi, string> = {
  archiveSettingHeading: 'Archive period',
  archiveSettingLabel: 'Months after a dossier closed',
  archiveSettingHint:
    'From 1 to 120 months. A dossier closed longer than this has its files moved to archive storage; it stays findable and readable as before. Each procedure’s retention is set in the catalog; a permanent dossier is never deleted.',
  archiveSettingSaved: 'Archive period saved.',
  archiveLookupHeading: 'Find a dossier by its code',
  archiveLookupLabel: 'Dossier code',
  archiveLookupHint: 'Finds closed and archived dossiers too.',
  archiveLookupSubmit: 'Find',
  archivedBadge: 'Archived',
  archivedFilesNote: 'This dossier is archived: its files below are read from archive storage and open as before.',
  archiveLookupNotFound:
    'No dossier of the province has this code. A dossier deleted after its retention period can no longer be found (the audit log still records its code).',
  archiveRetention: 'Retention of its dossiers',
  archiveRetentionHint:
    'From the Ministry of Home Affairs’ list of retention periods, counted from the year the dossier closed. When it ends, an archived dossier is deleted and the deletion logged; a permanent dossier is never deleted. The newest version’s retention applies to every dossier of the procedure.',
  archiveRetention_permanent: 'Permanent',
  archiveRetentionYears: '{years} years',
  archiveRetentionByCatalog: 'Each procedure’s retention is set by the ministry in the national catalog.',
};
