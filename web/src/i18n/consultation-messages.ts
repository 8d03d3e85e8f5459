/** Consultation steps (lấy ý kiến) in the process designer, Vietnamese first. */
export const consultationVi = {
  consultationToggle: 'Bước lấy ý kiến các đơn vị',
  consultationHeading: 'Lấy ý kiến',
  consultationQuestion: 'Nội dung xin ý kiến',
  consultationWait: 'Khi nào hồ sơ chuyển bước',
  consultationWaitAll: 'Chờ đủ ý kiến của tất cả đơn vị',
  consultationWaitDeadline: 'Đủ ý kiến hoặc hết thời gian của bước',
  consultationUnitScope: 'Phạm vi',
  consultationProvince: 'Tỉnh',
  consultationUnit: 'Đơn vị được hỏi',
  consultationHours: 'Hạn trả lời (giờ làm việc)',
  consultationAddUnit: 'Thêm đơn vị',
  consultationRemoveUnit: 'Bỏ đơn vị này',
  consultationUnitsLegend: 'Các đơn vị được hỏi ý kiến',
} as const;

export const consultationEn: Record<keyof typeof consultationVi, string> = {
  consultationToggle: 'Step consults other units',
  consultationHeading: 'Consultation',
  consultationQuestion: 'What is asked',
  consultationWait: 'When the dossier moves on',
  consultationWaitAll: 'When every unit has answered',
  consultationWaitDeadline: 'When all answered or the step is due',
  consultationUnitScope: 'Scope',
  consultationProvince: 'Province',
  consultationUnit: 'Consulted unit',
  consultationHours: 'Answer deadline (working hours)',
  consultationAddUnit: 'Add a unit',
  consultationRemoveUnit: 'Remove this unit',
  consultationUnitsLegend: 'Units consulted',
};
