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
};
