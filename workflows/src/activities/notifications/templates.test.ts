import { describe, expect, it } from 'vitest';
import { renderMessage, type MessageFacts } from './templates.js';

const facts: MessageFacts = {
  code: 'H01-260302-0001',
  procedureName: 'Cấp bản sao trích lục hộ tịch',
  receivedAt: '02/03/2026 09:00',
  dueAt: null,
  statusText: 'Đã trả kết quả',
  content: { method: 'online' },
};

describe('the result message', () => {
  it('invites the applicant to the satisfaction survey in the email, keeping the SMS short', () => {
    const message = renderMessage('dossier.result_returned', facts);
    expect(message.text).toContain('Mời Ông/Bà đánh giá sự hài lòng');
    expect(message.text).toContain('"Hồ sơ của tôi"');
    expect(message.sms).not.toContain('đánh giá');
  });

  it('links straight to the dossier’s survey when the dossier has an applicant account', () => {
    const url = 'https://dichvucong.example.vn/portal/my-dossiers/t/d#survey';
    const message = renderMessage('dossier.result_returned', { ...facts, surveyUrl: url });
    expect(message.text).toContain(`đánh giá sự hài lòng về việc giải quyết hồ sơ tại: ${url}`);
    expect(message.sms).not.toContain(url);
  });

  it('does not invite before the result', () => {
    expect(renderMessage('dossier.accepted', facts).text).not.toContain('đánh giá sự hài lòng');
  });
});
