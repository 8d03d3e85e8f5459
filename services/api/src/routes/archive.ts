import { ArchiveSettings, findDossierByCode, getArchiveSettings, setArchiveSettings } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { Revision } from './admin-schemas.js';
import { jsonAnswer, type Wire } from './answer.js';
import { TenantParam } from './params.js';

const tags = ['archive'];
const Instant = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 with offset'));

const SettingsState = v.object({ ...ArchiveSettings.entries, revision: Revision });
const settings = (description: string) => jsonAnswer(description, SettingsState);

const CodeParam = v.object({ ...TenantParam.entries, code: v.pipe(v.string(), v.maxLength(60, 'mã hồ sơ quá dài')) });
const FoundDossier = v.object({
  id: v.pipe(v.string(), v.uuid()),
  code: v.string(),
  nationalStatus: v.number(),
  receivedAt: Instant,
  closedAt: v.nullable(Instant),
  archivedAt: v.pipe(v.nullable(Instant), v.description('When its files moved to archive storage; null while they have not')),
});

/**
 * Archive and retention (docs/domain/archive-and-retention.md): the province's archive period, and
 * finding any dossier of the province by its code, archived ones included.
 */
export function archiveRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/archive/settings',
      describeRoute({ tags, summary: 'After how many months a closed dossier moves to archive storage', responses: { 200: settings('The setting in force') } }),
      validate('param', TenantParam),
      async (c) =>
        c.json(
          withETag(c, await getArchiveSettings({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies v.InferOutput<typeof SettingsState>,
        ),
    )
    .put(
      '/:tenantId/archive/settings',
      describeRoute(
        conditional({
          tags,
          summary: 'A province admin sets after how many months (1–120) a closed dossier moves to archive storage',
          responses: { 200: settings('The setting now in force'), 403: { description: 'Not a province admin of this province' } },
        }),
      ),
      validate('param', TenantParam),
      validate('json', ArchiveSettings),
      async (c) =>
        c.json(
          withETag(
            c,
            await setArchiveSettings({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, ifMatch: ifMatchOf(c), input: c.req.valid('json') }),
          ) satisfies v.InferOutput<typeof SettingsState>,
        ),
    )
    .get(
      '/:tenantId/dossier-codes/:code',
      describeRoute({
        tags,
        summary: 'Finds a dossier of the province by its code, open, closed or archived (then open it by id)',
        responses: {
          200: jsonAnswer('The dossier', FoundDossier),
          403: { description: 'The dossier is outside the caller’s units' },
          404: { description: 'No dossier with this code, or deleted after its retention' },
        },
      }),
      validate('param', CodeParam),
      async (c) => {
        const { tenantId, code } = c.req.valid('param');
        return c.json((await findDossierByCode({ ctx: c.get('ctx'), tenantId, code })) satisfies Wire<v.InferOutput<typeof FoundDossier>>);
      },
    );
}
