/** Every user-facing string, Vietnamese first. Keys are shared; both catalogs must be complete. */
export const vi = {
  appTitle: 'Hệ thống một cửa điện tử',
  appSubtitle: 'Giải quyết thủ tục hành chính',
  provincesHeading: 'Tỉnh, thành phố',
  provincesIntro: '34 tỉnh, thành phố trực thuộc trung ương sử dụng hệ thống.',
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại',
  kindProvince: 'Tỉnh',
  kindMunicipality: 'Thành phố trực thuộc TW',
  loading: 'Đang tải…',
  empty: 'Chưa có dữ liệu.',
  loadFailed: 'Không tải được dữ liệu',
  retry: 'Thử lại',
  switchLanguage: 'English',
  notFound: 'Không tìm thấy trang.',
  backHome: 'Về trang chủ',
} as const;

export type MessageKey = keyof typeof vi;

export const en: Record<MessageKey, string> = {
  appTitle: 'One-stop administrative services',
  appSubtitle: 'Administrative procedures',
  provincesHeading: 'Provinces and cities',
  provincesIntro: 'The 34 provinces and centrally-run cities on the platform.',
  code: 'Code',
  name: 'Name',
  kind: 'Kind',
  kindProvince: 'Province',
  kindMunicipality: 'Centrally-run city',
  loading: 'Loading…',
  empty: 'Nothing here yet.',
  loadFailed: 'Could not load the data',
  retry: 'Retry',
  switchLanguage: 'Tiếng Việt',
  notFound: 'Page not found.',
  backHome: 'Back to home',
};
