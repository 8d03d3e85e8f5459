/** A province's own report page (báo cáo), and the period presets every report page offers; Vietnamese first. */
export const reportVi = {
  reportNav: 'Báo cáo',
  reportHeading: 'Báo cáo tình hình giải quyết hồ sơ',
  reportIntroProvince: 'Số liệu toàn tỉnh theo kỳ báo cáo, theo đơn vị tiếp nhận. Biểu đồ để nhìn nhanh; số liệu đầy đủ ở bảng bên dưới và trong tệp tải về.',
  reportIntroUnits:
    'Số liệu các đơn vị bạn phụ trách (đơn vị của bạn và các đơn vị trực thuộc) theo kỳ báo cáo. Biểu đồ để nhìn nhanh; số liệu đầy đủ ở bảng bên dưới và trong tệp tải về.',
  reportTotalsProvince: 'Toàn tỉnh',
  reportTotalsUnits: 'Các đơn vị bạn phụ trách',
  reportUnitsTotals: 'Cộng các đơn vị phụ trách',
  reportChartToHandle: 'Hồ sơ nhận giải quyết theo đơn vị (10 đơn vị nhiều nhất)',
  reportChartOverdue: 'Hồ sơ đang giải quyết quá hạn cuối kỳ theo đơn vị (10 đơn vị nhiều nhất)',
  reportChartOnTime: 'Tỷ lệ giải quyết trước hạn, đúng hạn theo đơn vị (10 đơn vị thấp nhất có hồ sơ đã giải quyết)',
  reportPeriodPresets: 'Kỳ báo cáo thường dùng',
  reportPeriod_thisMonth: 'Tháng này',
  reportPeriod_lastMonth: 'Tháng trước',
  reportPeriod_thisQuarter: 'Quý này',
  reportPeriod_lastQuarter: 'Quý trước',
  reportPeriod_thisYear: 'Năm nay',
  reportPeriod_lastYear: 'Năm trước',
};

export const reportEn: Record<keyof typeof reportVi, string> = {
  reportNav: 'Reports',
  reportHeading: 'Dossier handling report',
  reportIntroProvince:
    'Figures for the whole province for the period, by receiving unit. The charts are for a quick look; every figure is in the table below and in the download.',
  reportIntroUnits:
    'Figures for the units in your charge (your unit and the units under it) for the period. The charts are for a quick look; every figure is in the table below and in the download.',
  reportTotalsProvince: 'Whole province',
  reportTotalsUnits: 'Units in your charge',
  reportUnitsTotals: 'Units in your charge, total',
  reportChartToHandle: 'Dossiers to handle by unit (top 10)',
  reportChartOverdue: 'Dossiers in progress and overdue at the end of the period, by unit (top 10)',
  reportChartOnTime: 'Early or on-time rate by unit (lowest 10 with resolved dossiers)',
  reportPeriodPresets: 'Usual periods',
  reportPeriod_thisMonth: 'This month',
  reportPeriod_lastMonth: 'Last month',
  reportPeriod_thisQuarter: 'This quarter',
  reportPeriod_lastQuarter: 'Last quarter',
  reportPeriod_thisYear: 'This year',
  reportPeriod_lastYear: 'Last year',
};
