import { MS_PER_MINUTE } from '@gov/calendar';
import { enforceRequestLimit, index766ProvinceUnits, index766Provinces, Index766Query, publicIndex766 } from '@gov/core';
import type { Logger } from '@gov/runtime';
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { exportResponse, FormatQuery, fromList, listOrExportAnswer, type ExportFormat } from '../export/index.js';
import { validate } from '../validate.js';
import { anyone, type Wire } from './answer.js';
import { PROVINCE_INDEX_COLUMNS, UNIT_INDEX_COLUMNS } from './index766-exports.js';
import { ProvinceIndex, UnitIndex } from './index766-schemas.js';
import { TenantParam } from './params.js';

const Query = v.object({ ...Index766Query.entries, ...FormatQuery });
const SCORED =
  'five components (transparency 18, timeliness 20, digitisation 22, online service 22, satisfaction 18); a criterion without data is not measured (null), and the total is out of the measurable points and scaled to 100';
const tags = ['service index (Decision 766)'];

/** The provinces' ranking as an answer or a download, for the ministry and for everyone. */
function provincesAnswer(c: Context<AppEnv>, logger: Logger, format: ExportFormat | undefined, index: ProvinceIndex) {
  if (!format) return c.json(index satisfies Wire<ProvinceIndex>);
  const quarter = index.quarter.quarter;
  return exportResponse(c, logger, {
    format,
    filename: { vi: `Chỉ số phục vụ các tỉnh ${quarter}`, en: `Service index by province ${quarter}` },
    sheetName: { vi: 'Chỉ số phục vụ', en: 'Service index' },
    columns: PROVINCE_INDEX_COLUMNS,
    rows: fromList(index.items.map((item) => ({ code: item.code, name: item.fullName, quarter, rank: item.rank, score: item.score }))),
  });
}

/**
 * Chỉ số phục vụ người dân, doanh nghiệp (Decision 766) per quarter: every province side by side
 * for ministry staff (a running quarter so far); one province by receiving unit for the ministry
 * and for the province's report readers, within their units. Mounted under /api/reports, so the
 * ministry's reads are recorded like the other reports'.
 */
export function index766Routes(logger: Logger) {
  return new Hono<AppEnv>()
    .get(
      '/provinces',
      describeRoute({ tags, summary: `Every province ranked for the quarter: ${SCORED}`, responses: listOrExportAnswer('The ranking', ProvinceIndex) }),
      validate('query', Query),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        return provincesAnswer(c, logger, format, await index766Provinces({ ctx: c.get('ctx'), input }));
      },
    )
    .get(
      '/provinces/:tenantId/units',
      describeRoute({
        tags,
        summary: `One province's receiving units ranked for the quarter: ${SCORED}. A unit's leader or admin gets the units of their subtree`,
        responses: listOrExportAnswer('The units', UnitIndex),
      }),
      validate('param', TenantParam),
      validate('query', Query),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const index = await index766ProvinceUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input });
        if (!format) return c.json(index satisfies Wire<UnitIndex>);
        const about = `${index.province.name} ${index.quarter.quarter}`;
        return exportResponse(c, logger, {
          format,
          filename: { vi: `Chỉ số phục vụ đơn vị ${about}`, en: `Service index by unit ${about}` },
          sheetName: { vi: 'Chỉ số theo đơn vị', en: 'Index by unit' },
          columns: UNIT_INDEX_COLUMNS,
          rows: fromList(index.items.map((item) => ({ code: item.code, name: item.name, quarter: index.quarter.quarter, rank: item.rank, score: item.score }))),
        });
      },
    );
}

/** The published index: no sign-in, provinces only, a quarter only once it has ended in Vietnam. */
export function publicIndex766Routes(deps: ApiDeps) {
  const published = publishedRankings();
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await enforceRequestLimit(deps.db, {
        bucket: `index766-public:${c.get('clientAddress')}`,
        limit: PUBLIC_READS_PER_MINUTE,
        windowMs: MS_PER_MINUTE,
        message: { vi: 'Bạn xem quá nhiều lần; vui lòng thử lại sau ít phút.', en: 'Too many requests; please try again in a few minutes.' },
      });
      await next();
    })
    .get(
      '/',
      describeRoute({
        ...anyone,
        tags: ['public'],
        summary: `The service index of a closed quarter, every province ranked: ${SCORED}`,
        responses: {
          ...listOrExportAnswer('The ranking', ProvinceIndex),
          400: { description: 'The quarter is not of the form YYYY-Qn' },
          404: { description: 'The quarter has not ended yet: its results are not published' },
          429: { description: `More than ${PUBLIC_READS_PER_MINUTE} requests a minute from one address` },
        },
      }),
      validate('query', Query),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const ranking = await published(input.quarter, () => publicIndex766({ ctx: c.get('ctx'), input }));
        if (!format) c.header('Cache-Control', `public, max-age=${PUBLISHED_FOR_MS / 1000}`);
        return provincesAnswer(c, deps.logger, format, ranking);
      },
    );
}

/** Anyone may read the published index, but one address not more than a person reading would. */
const PUBLIC_READS_PER_MINUTE = 60;
/** How long a process keeps a closed quarter's ranking: late changes to a closed quarter are rare and small. */
const PUBLISHED_FOR_MS = 10 * MS_PER_MINUTE;
const PUBLISHED_QUARTERS_KEPT = 16;
type Ranking = Awaited<ReturnType<typeof publicIndex766>>;

/**
 * The public page is read by anyone, and each ranking reads every province: a closed quarter's is
 * computed once per process every few minutes, and readers arriving meanwhile share that one
 * computation. A refusal or failure is not kept, so the next reader tries again.
 */
function publishedRankings() {
  const kept = new Map<string, { until: number; ranking: Promise<Ranking> }>();
  return (quarter: string, compute: () => Promise<Ranking>): Promise<Ranking> => {
    const now = Date.now();
    const hit = kept.get(quarter);
    if (hit && hit.until > now) return hit.ranking;
    const ranking = compute();
    kept.set(quarter, { until: now + PUBLISHED_FOR_MS, ranking });
    ranking.catch(() => kept.delete(quarter));
    if (kept.size > PUBLISHED_QUARTERS_KEPT) kept.delete(kept.keys().next().value!);
    return ranking;
  };
}
