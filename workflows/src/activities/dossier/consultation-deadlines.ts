import { addWorkingMinutes, buildCalendar } from '@gov/calendar';
import { loadTenantCalendarInput } from '@gov/core';
import { withTenant, type Sql } from '@gov/db';

export interface ConsultationDeadlinesInput {
  /** The consulted unit's province, whose calendar counts its deadline. */
  tenantId: string;
  /** When the request opens (ISO 8601). */
  at: string;
  workingHours: number[];
}

/**
 * A consulted unit of another province answers on its own working days (its holidays, its
 * make-up days), docs/domain/consultations.md: its calendar is read in its own tenant context and
 * each deadline counted in working time from the opening instant. ISO 8601 instants, in order.
 */
export async function consultationDeadlines(sql: Sql, input: ConsultationDeadlinesInput): Promise<string[]> {
  const at = new Date(input.at);
  const year = at.getUTCFullYear();
  const calendar = buildCalendar(await withTenant(sql, input.tenantId, (tx) => loadTenantCalendarInput(tx, input.tenantId, year, year + 2)));
  return input.workingHours.map((hours) => addWorkingMinutes(calendar, at, hours * 60).toISOString());
}
