import { schema, withMinistryRead, type TenantDb } from '@gov/db';
import { notFound, scoreIndex766 } from '@gov/domain';
import { asc } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertNationalRead } from '../reports/assert-national-read.js';
import { measureIndex766 } from './measure-index.js';
import { Index766Query, quarterAnswer, quarterPeriod, type QuarterPeriod } from './quarter-period.js';
import { rankByIndex } from './rank.js';

const t = schema.tenants;

/** Every province scored for the quarter, best first; read as gov_ministry. */
async function scoreProvinces(tx: TenantDb, period: QuarterPeriod) {
  const provinces = await tx.select({ tenantId: t.id, code: t.code, name: t.name, fullName: t.fullName }).from(t).orderBy(asc(t.code));
  const { inputs } = await measureIndex766(tx, { start: period.start, end: period.end, byUnit: false });
  return rankByIndex(provinces.map((province) => ({ ...province, score: scoreIndex766(inputs(province.tenantId)) })));
}

/**
 * Chỉ số phục vụ (Decision 766) per province for a quarter, ranked, for ministry staff; a running
 * quarter shows its figures so far (docs/domain/feedback-and-reports.md#the-decision-766-index).
 */
export async function index766Provinces({ ctx, input, now = new Date() }: { ctx: ServiceContext; input: Index766Query; now?: Date }) {
  assertNationalRead(ctx);
  const period = quarterPeriod(parseInput(Index766Query, input).quarter, now);
  const items = await withMinistryRead(ctx.sql, (tx) => scoreProvinces(tx, period));
  return { quarter: quarterAnswer(period), items };
}

/**
 * The same ranking published to everyone, signed in or not, once the quarter is over in Vietnam:
 * a running quarter's figures still move and are not published. Only province lines, which hold
 * counts and scores, never a dossier or a person.
 */
export async function publicIndex766({ ctx, input, now = new Date() }: { ctx: ServiceContext; input: Index766Query; now?: Date }) {
  const period = quarterPeriod(parseInput(Index766Query, input).quarter, now);
  if (!period.closed) {
    throw notFound({
      vi: `Chỉ số quý ${period.quarter} chưa được công bố: kết quả chỉ công bố sau khi quý kết thúc.`,
      en: `The index for ${period.quarter} is not published: results are published once the quarter has ended.`,
    });
  }
  const items = await withMinistryRead(ctx.sql, (tx) => scoreProvinces(tx, period));
  return { quarter: quarterAnswer(period), items };
}
