import { attachDossierFiles, type Attachment } from '@gov/core';
import { Hono, type HonoRequest } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { AttachedFiles } from './dossier-files-schema.js';
import { limitBody, readForm } from './read-body.js';
import { jsonAnswer } from './answer.js';

const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));
const DossierParam = v.object({ tenantId: Id, dossierId: Id });
// Ten files of 10 MB each: larger bodies are cut off before they are read.
const MAX_BYTES = 101 * 1024 * 1024;

/**
 * Multipart with a `purpose` field and each file under a short field name; a JSON body carries
 * the purpose alone (no files), which the verb refuses after its permission checks.
 */
async function readUpload(req: HonoRequest): Promise<{ purpose: unknown; attachments: Attachment[] }> {
  if (!(req.header('Content-Type') ?? '').startsWith('multipart/form-data')) {
    const body = (await req.json().catch(() => ({}))) as { purpose?: unknown } | null;
    return { purpose: body?.purpose, attachments: [] };
  }
  const body = await readForm(req);
  const attachments: Attachment[] = [];
  for (const [field, value] of Object.entries(body)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part !== 'string') attachments.push({ componentCode: field, fileName: part.name, bytes: new Uint8Array(await part.arrayBuffer()) });
    }
  }
  return { purpose: body.purpose, attachments };
}

/** Files attached after intake: the applicant's supplement, or the result document. */
export function dossierFileRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().post(
    '/:tenantId/dossiers/:dossierId/files',
    describeRoute({
      tags: ['dossiers'],
      summary:
        'Attach files to a dossier: `purpose=supplement` (the applicant, while a supplement is requested) or `purpose=result` (an officer who approves or returns results). Idempotent by content: the same bytes under the same field again return the existing file',
      responses: {
        201: jsonAnswer('At least one file was added', AttachedFiles),
        200: jsonAnswer('Every file was already attached: nothing was added or audited', AttachedFiles),
      },
    }),
    limitBody(MAX_BYTES, { vi: 'Tệp gửi lên quá lớn.', en: 'The upload is too large.' }),
    validate('param', DossierParam),
    async (c) => {
      const { tenantId, dossierId } = c.req.valid('param');
      const { purpose, attachments } = await readUpload(c.req);
      const result = await attachDossierFiles({
        ctx: c.get('ctx'),
        tenantId,
        input: { dossierId, purpose: purpose as never },
        attachments,
        files: dossierDeps(deps).files,
      });
      // 200 like a replayed intake: a retry that found everything in place created nothing.
      return c.json(result, result.files.some((f) => !f.alreadyAttached) ? 201 : 200);
    },
  );
}
