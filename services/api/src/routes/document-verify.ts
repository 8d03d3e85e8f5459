import { MS_PER_MINUTE } from '@gov/calendar';
import { enforceRequestLimit } from '@gov/core';
import { NotAPdf, verifyPdf } from '@gov/documents';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { problem } from '../problem-response.js';
import { anyone, jsonAnswer, type Wire } from './answer.js';

// The forms the platform issues are well under a megabyte; a scanned result rarely reaches 20.
const MAX_BYTES = 20 * 1024 * 1024;
const VERIFICATIONS_PER_MINUTE = 20;

const Signer = v.object({
  subject: v.string(),
  commonName: v.nullable(v.string()),
  organization: v.nullable(v.string()),
  issuer: v.string(),
  serialNumber: v.string(),
  validFrom: v.string(),
  validTo: v.string(),
});
export const VerificationAnswer = v.object({
  signed: v.pipe(v.boolean(), v.description('A signature with a byte range was found')),
  intact: v.pipe(v.boolean(), v.description('The signed bytes are unchanged and the signature checks with the signer’s key')),
  coversWholeDocument: v.pipe(v.boolean(), v.description('Nothing was added to the file after signing')),
  trusted: v.pipe(v.boolean(), v.description('The signer’s certificate chains to a trusted CA and was valid when signing')),
  valid: v.pipe(v.boolean(), v.description('All of the above')),
  subFilter: v.nullable(v.string()),
  signer: v.nullable(Signer),
  signedAt: v.nullable(v.pipe(v.string(), v.description('The signing time the signature claims, ISO 8601'))),
  reason: v.nullable(v.string()),
  location: v.nullable(v.string()),
  problems: v.array(v.string()),
});

/**
 * Verifying a signed PDF (kiểm tra chữ ký số): anyone holding a form can check who issued it,
 * when, and that it is unchanged. The body is the PDF itself (application/pdf).
 */
export function documentVerifyRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().post(
    '/verify',
    describeRoute({
      ...anyone,
      tags: ['public'],
      summary: 'Verify the digital signature of a PDF the platform issued: signer, signing time and integrity (body: the PDF, at most 20 MB)',
      requestBody: { content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
      responses: { 200: jsonAnswer('What the signature says and whether it holds', VerificationAnswer) },
    }),
    async (c, next) => {
      await enforceRequestLimit(deps.db, {
        bucket: `document-verify:${c.get('clientAddress')}`,
        limit: VERIFICATIONS_PER_MINUTE,
        windowMs: MS_PER_MINUTE,
        message: { vi: 'Bạn kiểm tra quá nhiều lần; vui lòng thử lại sau ít phút.', en: 'Too many verifications; please try again in a few minutes.' },
      });
      await next();
    },
    bodyLimit({
      maxSize: MAX_BYTES,
      onError: (c: Context<AppEnv>) => problem(c, { code: 'too_large', detail: { vi: 'Tệp PDF lớn hơn 20 MB.', en: 'The PDF is larger than 20 MB.' } }),
    }),
    async (c) => {
      const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/pdf' && type !== 'application/octet-stream')
        return problem(c, {
          code: 'unsupported_media_type',
          detail: { vi: 'Hãy gửi chính tệp PDF (Content-Type: application/pdf).', en: 'Send the PDF itself (Content-Type: application/pdf).' },
        });
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const anchors = await dossierDeps(deps).forms.signing.trustAnchors();
      try {
        return c.json(verifyPdf(bytes, anchors) satisfies Wire<v.InferOutput<typeof VerificationAnswer>>);
      } catch (error) {
        if (!(error instanceof NotAPdf)) throw error;
        return problem(c, { code: 'invalid', detail: { vi: 'Tệp gửi lên không phải là tệp PDF.', en: 'The file sent is not a PDF.' } });
      }
    },
  );
}
