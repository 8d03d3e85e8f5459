import { describe, expect, it } from 'vitest';
import { ACTION_WORDS, refusalMessage, SUBJECT_WORDS } from './ability-words.js';
import type { AppAction, AppSubject } from './ability.js';

describe('refusal messages', () => {
  it('name the action and the subject in words, never by their internal names', () => {
    expect(refusalMessage('grant', 'RoleAssignment')).toEqual({
      vi: 'Tài khoản của bạn không có quyền giao vai trò tại phạm vi này.',
      en: 'Your account may not grant roles here.',
    });
    const internal = [...Object.keys(ACTION_WORDS), ...Object.keys(SUBJECT_WORDS)].filter((name) => name.length > 3);
    for (const action of Object.keys(ACTION_WORDS) as AppAction[]) {
      for (const subject of Object.keys(SUBJECT_WORDS) as AppSubject[]) {
        const { vi } = refusalMessage(action, subject);
        expect(vi).not.toMatch(/"|[A-Z][a-z]+[A-Z]|_/);
        for (const name of internal.filter((n) => /[A-Z_]/.test(n))) expect(vi).not.toContain(name);
      }
    }
  });
});
