import { vietnamLocalDateTime } from '@gov/calendar';
import type { DossierCalendarInput } from '@gov/domain';
import { describe, expect, it } from 'vitest';
import { feedbackDeadlines } from './feedback-deadlines.js';

const vn = (at: Date) => vietnamLocalDateTime(at).slice(0, 16).replace('T', ' ');
const province: DossierCalendarInput = { fromYear: 2026, toYear: 2027, workingHours: {}, overrides: [] };

// Received on Wednesday 29 April 2026, 10:00: the 30 April and 1 May holidays and a weekend follow.
const receivedAt = new Date('2026-04-29T10:00:00+07:00');

describe('the answer to feedback is due 5 working days after receipt, on the province’s calendar', () => {
  it('skips the national holidays and the weekend: nine calendar days, reminded a working day before', () => {
    const { dueAt, remindAt } = feedbackDeadlines(province, receivedAt);
    expect(vn(dueAt)).toBe('2026-05-08 10:00');
    expect(vn(remindAt)).toBe('2026-05-07 10:00');
  });

  it('skips a day the province declared off, and the reminder moves with it', () => {
    const { dueAt, remindAt } = feedbackDeadlines({ ...province, overrides: [{ date: '2026-05-04', status: 'off', name: 'Nghỉ địa phương' }] }, receivedAt);
    expect(vn(dueAt)).toBe('2026-05-11 10:00');
    expect(vn(remindAt)).toBe('2026-05-08 10:00');
  });

  it('reminds on the Friday before a Monday due time, not on the Sunday', () => {
    const { dueAt, remindAt } = feedbackDeadlines(province, new Date('2026-05-11T10:00:00+07:00'));
    expect(vn(dueAt)).toBe('2026-05-18 10:00');
    expect(vn(remindAt)).toBe('2026-05-15 10:00');
  });
});
