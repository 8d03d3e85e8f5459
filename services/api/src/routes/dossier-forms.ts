import { DOSSIER_FORMS, getDossierForm, getDossierRegister, listRegisterUnits } from '@gov/core';
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam } from './params.js';
import { jsonAnswer } from './answer.js';

const tags = ['dossiers'];
const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));
const FormParam = v.object({ tenantId: Id, dossierId: Id, form: v.picklist(DOSSIER_FORMS, 'Mẫu phải là 01, 02, 03, 04 hoặc 05') });
const UnitParam = v.object({ tenantId: Id, unitId: Id });
const Day = v.pipe(v.string(), v.isoDate('Ngày có dạng YYYY-MM-DD'));
const RegisterQuery = v.object({ from: Day, to: Day });
const RegisterUnits = v.object({ items: v.array(v.object({ id: v.pipe(v.string(), v.uuid()), code: v.string(), name: v.string() })) });
const pdf = {
  200: {
    description: 'The form as PDF (application/pdf), named in Vietnamese',
    content: { 'application/pdf': { schema: { type: 'string' as const, format: 'binary' } } },
  },
};

/** The file name without diacritics, for clients that read only the plain `filename` parameter. */
const asciiName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .replace(/[^A-Za-z0-9 ._-]/g, '_');

/** A generated form as a download: the Vietnamese name in `filename*` (RFC 6266), never cached. */
function sendPdf(c: Context<AppEnv>, file: { pdf: Uint8Array; fileName: string }) {
  return c.body(new Uint8Array(file.pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

/** The one-stop forms as PDF: 01–05 per dossier (to whoever may read it), 06 per receiving unit and period. */
export function dossierFormRoutes(deps: ApiDeps) {
  const formDeps = () => {
    const d = dossierDeps(deps);
    return { statusTokenSecret: d.statusTokenSecret, ...d.forms };
  };
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/dossiers/:dossierId/forms/:form',
      describeRoute({
        tags,
        summary:
          'Form 01 (receipt, with the QR lookup code), 02 (supplement request), 03 (refusal), 04 (apology and new date) or 05 (control sheet) of a dossier, as PDF',
        responses: pdf,
      }),
      validate('param', FormParam),
      async (c) => {
        const { tenantId, dossierId, form } = c.req.valid('param');
        return sendPdf(c, await getDossierForm({ ctx: c.get('ctx'), tenantId, input: { dossierId, form }, deps: formDeps() }));
      },
    )
    .get(
      '/:tenantId/dossier-register-units',
      describeRoute({
        tags,
        summary: 'The units whose dossier register (Form 06) the officer may print',
        responses: { 200: jsonAnswer('Units by name', RegisterUnits) },
      }),
      validate('param', TenantParam),
      async (c) =>
        c.json({ items: await listRegisterUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) } satisfies v.InferOutput<
          typeof RegisterUnits
        >),
    )
    .get(
      '/:tenantId/org-units/:unitId/dossier-register',
      describeRoute({
        tags,
        summary: 'Form 06: the dossier register of a receiving unit for the Vietnam days from–to (at most a year), as PDF',
        responses: pdf,
      }),
      validate('param', UnitParam),
      validate('query', RegisterQuery),
      async (c) => {
        const { tenantId, unitId } = c.req.valid('param');
        return sendPdf(c, await getDossierRegister({ ctx: c.get('ctx'), tenantId, input: { unitId, ...c.req.valid('query') }, deps: formDeps() }));
      },
    );
}
