/** Where a rule-derived schedule comes from: the law and the lunar calendar, no official yearly text yet. */
export const DERIVED_SOURCE = {
  vi: 'Tính theo Bộ luật Lao động 2019 (Điều 111, 112) và âm lịch; năm này chưa có văn bản công bố lịch nghỉ, cần đối chiếu khi có.',
  en: "Derived from the Labour Code 2019 (Art. 111–112) and the lunar calendar; this year's official schedule is not yet published and must be checked when it is.",
} as const;
