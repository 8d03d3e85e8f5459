import { VIETNAM_TIME_ZONE } from '@gov/calendar';
import { locale } from './index.js';

// Vietnamese conventions first (dd/MM/yyyy, 1.234,5); reactive because each reads the locale.
const tag = () => (locale() === 'vi' ? 'vi-VN' : 'en-GB');
/**
 * Legal times (received, promised, due) are Vietnam times wherever the reader's browser is: an
 * officer abroad or a misconfigured PC must see the same 17:00 the receipt promises.
 */
const timeZone = VIETNAM_TIME_ZONE;

export const formatDate = (iso: string | Date) => new Date(iso).toLocaleDateString(tag(), { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });

export const formatDateTime = (iso: string | Date) =>
  new Date(iso).toLocaleString(tag(), { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const formatNumber = (value: number, fractionDigits = 0) =>
  value.toLocaleString(tag(), { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });

export const formatPercent = (ratio: number) => ratio.toLocaleString(tag(), { style: 'percent', maximumFractionDigits: 1 });
