/**
 * A readable name for a session's device from its User-Agent ("Chrome · Android"), enough for a
 * person to recognise their own phone or office PC; the full string is kept as the title.
 */
export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = (
    [
      [/coc_coc_browser/i, 'Cốc Cốc'],
      [/Edg\//, 'Edge'],
      [/Zalo/i, 'Zalo'],
      [/Firefox\//, 'Firefox'],
      [/Chrome\/|Chromium\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ] as const
  ).find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = (
    [
      [/Android/, 'Android'],
      [/iPhone|iPad|iPod/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/Linux/, 'Linux'],
    ] as const
  ).find(([pattern]) => pattern.test(userAgent))?.[1];
  const parts = [browser, system].filter((part): part is NonNullable<typeof part> => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : null;
}
