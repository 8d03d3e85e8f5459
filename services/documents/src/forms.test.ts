import { describe, expect, it } from 'vitest';
import { loadFontFiles, renderControlSheet, renderDossierRegister, type ControlSheetRow } from './index.js';
import { readBack } from './testing.js';

// Rendering alone, without a dossier: layout edge cases a real dossier rarely reaches.
const header = { authority: 'UBND Thành phố Hà Nội', unitName: 'Bộ phận một cửa phường Ba Đình', issuedAt: '2026-02-27T10:05:00Z' };
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the forms renderer', () => {
  it('prints decomposed Vietnamese input as the same letters, and breaks a long table onto pages repeating its header', async () => {
    const row: ControlSheetRow = {
      action: 'Chuyển bước tiếp theo',
      fromStep: 'Tiếp nhận',
      toStep: 'Thẩm định',
      unitName: 'Phường Ba Đình',
      actorName: 'Đặng Thị Ánh Tuyết',
      at: '2026-02-27T10:05:00Z',
      stepDueAt: '2026-02-28T10:05:00Z',
      deadlineMet: true,
      note: null,
    };
    const pdf = await renderControlSheet(await loadFontFiles(), {
      header,
      code: 'BADINH-260227-0001',
      procedureName: 'Đăng ký kết hôn'.normalize('NFD'),
      applicantName: 'Lê Văn Ưng'.normalize('NFD'),
      receivedAt: '2026-02-27T10:05:00Z',
      promisedReturnAt: '2026-03-06T10:00:00Z',
      handlingUnitName: 'Phường Ba Đình',
      coordinatingUnitNames: [],
      rows: Array.from({ length: 40 }, (_, i) => ({ ...row, deadlineMet: i % 2 === 0 })),
    });
    const read = await readBack(pdf);
    expect(read.pages).toBeGreaterThan(1);
    expect(flat(read.text)).toContain('Hồ sơ của: Lê Văn Ưng');
    expect(flat(read.text)).toContain('Nội dung yêu cầu giải quyết: Đăng ký kết hôn');
    // 17 giờ 05 in Vietnam is 10:05 UTC; the due day is later than the action's: before the deadline.
    expect(flat(read.text)).toContain('17 giờ 05 phút, ngày 27/02/2026');
    expect(flat(read.text)).toContain('Trước hạn');
    expect(flat(read.text)).toContain('Quá hạn');
    expect(read.text.split('\f')[1]).toContain('Hạn của bước');
  });

  it('prints an empty register with its period', async () => {
    const read = await readBack(await renderDossierRegister(await loadFontFiles(), { header, from: '2026-02-01', to: '2026-02-28', rows: [] }));
    expect(flat(read.text)).toContain('SỔ THEO DÕI HỒ SƠ Từ ngày 01/02/2026 đến ngày 28/02/2026');
    expect(flat(read.text)).toContain('Không có hồ sơ nào trong kỳ');
    expect(read.qr).toBeNull();
  });

  it('names the missing fonts and the fix', async () => {
    await expect(loadFontFiles('/nonexistent-font-dir')).rejects.toThrow(/fonts-dejavu-core/);
  });
});
