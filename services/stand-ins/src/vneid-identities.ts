/**
 * The people the VNeID stand-in knows: every one signs in with the demo password. Their CCCD
 * numbers are what the demo accounts carry (the demo seed reads them from here), so a demo user
 * who signs in with VNeID lands in their own account. Trần Thị Bình has no account yet: her
 * first VNeID sign-in creates her citizen account.
 */
export interface VneidIdentity {
  /** Số định danh cá nhân (the CCCD number), the claim accounts are linked by. */
  citizenId: string;
  name: string;
  /** Only for the demo list printed on the stand-in's sign-in page. */
  note: string;
}

export const VNEID_DEMO_PASSWORD = 'Demo@2026';

export const VNEID_DEMO_IDENTITIES: readonly VneidIdentity[] = [
  { citizenId: '001090000101', name: 'Nguyễn Văn An', note: 'công dân, có tài khoản congdan.an' },
  { citizenId: '001095000102', name: 'Trần Thị Bình', note: 'công dân, chưa có tài khoản' },
  { citizenId: '001085000201', name: 'Lê Văn Hùng', note: 'cán bộ hn.quantri' },
  { citizenId: '001088000202', name: 'Phạm Thị Lan', note: 'cán bộ badinh.tiepnhan' },
  { citizenId: '001087000203', name: 'Hoàng Văn Nam', note: 'cán bộ badinh.chuyenvien' },
];
