import { vietnamDate } from '@gov/calendar';
import { listProvinces, type ServiceContext } from '@gov/core';

/**
 * A download's name in both languages: what it holds, the province it is about (the public
 * list of provinces; an unknown id gets no name, and the export itself then refuses or is empty
 * as the list would be) and the day it was taken, in Vietnam, so two downloads do not collide.
 */
export async function provinceFileName(ctx: ServiceContext, tenantId: string, what: { vi: string; en: string }) {
  const province = (await listProvinces({ ctx })).find((p) => p.id === tenantId);
  const day = vietnamDate(Date.now());
  const named = (label: string) => [label, province?.name, day].filter(Boolean).join(' ');
  return { vi: named(what.vi), en: named(what.en) };
}
