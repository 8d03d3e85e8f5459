import { lifecycle, type Channel } from './lifecycle.js';
import { organisationName, personName } from './names.js';
import type { CommuneUnit, ProvinceUnits, Unit } from './org-units.js';
import type { Procedure } from './procedures.js';
import { isSouthern } from './provinces.js';
import { type Random, Weighted } from './random.js';
import { localDateCode, receiptTime } from './receipt-time.js';
import { dossierLine } from './dossier-line.js';

/** Where dossiers are filed: mostly at commune one-stop units, the rest at the service centre. */
const SERVICE_CENTRE_SHARE = 0.15;
/** Wards (urban) are busier than rural communes; special zones are islands. */
const KIND_WEIGHT: Record<CommuneUnit['kind'], number> = { ward: 1.6, commune: 1, special_zone: 0.4 };
const COUNTER_CHANNELS = new Weighted<Channel>([
  ['in_person', 85],
  ['postal', 10],
  ['proxy', 5],
]);
/** Share of commune dossiers in processing that are handed up to a department (liên thông). */
const HANDED_UP = 0.05;
/** Received, processing, supplement or payment requested: the dossier sits with the department. */
const PROCESSING = new Set([2, 4, 5, 6]);
const PHONE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '070',
  '077',
  '079',
  '081',
  '083',
  '085',
  '056',
  '058',
] as const;

interface Receiver {
  unit: Unit;
  level: Procedure['level'];
}

export interface ProvinceArgs {
  province: ProvinceUnits;
  count: number;
  procedures: readonly Procedure[];
  random: Random;
  /** Dossiers are received in the `days` local days before this local midnight. */
  until: number;
  days: number;
  /** First daily sequence number per receiving unit id (after earlier runs' codes); default 1. */
  firstSequence: ReadonlyMap<string, number>;
}

/**
 * One province's dossiers as COPY text lines, in order of receipt: that is the order a real
 * table grows in, and it lets the daily sequence of each unit (the NNNN of the code) count up
 * through the day. All draws come from `random`, so a seed reproduces the rows exactly.
 */
export function* provinceDossierLines(args: ProvinceArgs): Generator<string> {
  const { province, count, procedures, random, until, days, firstSequence } = args;
  const receivers = receiverDistribution(province, random);
  const byLevel = {
    commune: new Weighted(procedures.filter((p) => p.level === 'commune').map((p) => [p, p.weight] as const)),
    province: new Weighted(procedures.filter((p) => p.level === 'province').map((p) => [p, p.weight] as const)),
  };
  const southern = isSouthern(province.code);

  // Draw who files what and when first, then sort by time (the largest province holds ~13% of
  // the rows, so this stays small even for ten million dossiers).
  const drawn = Array.from({ length: count }, () => {
    const receiver = receivers.draw(random);
    const procedure = byLevel[receiver.level].draw(random);
    const channel = random.chance(procedure.onlineShare) ? 'online' : COUNTER_CHANNELS.draw(random);
    return { receiver, procedure, channel, receivedAt: receiptTime(random, channel, until, days) };
  });
  drawn.sort((a, b) => a.receivedAt - b.receivedAt);

  let day = '';
  const sequence = new Map<string, number>();
  for (const { receiver, procedure, channel, receivedAt } of drawn) {
    const date = localDateCode(receivedAt);
    if (date !== day) {
      day = date;
      sequence.clear();
    }
    const unit = receiver.unit;
    const n = sequence.get(unit.id) ?? firstSequence.get(unit.id) ?? 1;
    sequence.set(unit.id, n + 1);
    if (n > 9999) throw new RangeError(`daily sequence of unit ${unit.code} passed 9999 on ${date}: use --reset`);

    const state = lifecycle({ random, receivedAt, workingDays: procedure.workingDays, channel, asOf: until });
    const department = province.departments.get(procedure.department) ?? province.serviceCentre;
    const processing = PROCESSING.has(state.status);
    const current = receiver.level === 'province' ? (processing ? department : unit) : state.status === 4 && random.chance(HANDED_UP) ? department : unit;
    yield dossierLine({
      tenantId: province.tenantId,
      id: random.uuid(),
      code: `${unit.code}-${date}-${String(n).padStart(4, '0')}`,
      procedureId: procedure.id,
      channel,
      receivingUnitId: unit.id,
      currentUnitId: current.id,
      applicantName: procedure.applicant === 'person' ? personName(random, southern) : organisationName(random),
      applicantIdSuffix: String(random.int(0, 9999)).padStart(4, '0'),
      applicantPhone: random.chance(0.85) ? random.pick(PHONE_PREFIXES) + String(random.int(0, 9_999_999)).padStart(7, '0') : null,
      receivedAt,
      ...state,
    });
  }
}

/** Units weighted by kind and a log-normal spread (some communes are far busier than others). */
function receiverDistribution(province: ProvinceUnits, random: Random): Weighted<Receiver> {
  const communes = province.communes.map((unit) => [{ unit, level: 'commune' as const }, KIND_WEIGHT[unit.kind] * random.spread(0.5)] as const);
  const communeTotal = communes.reduce((sum, [, w]) => sum + w, 0);
  const centre = [{ unit: province.serviceCentre, level: 'province' as const }, (communeTotal * SERVICE_CENTRE_SHARE) / (1 - SERVICE_CENTRE_SHARE)] as const;
  return new Weighted<Receiver>([...communes, centre]);
}
