import { getMyDocument, hideMyDocument, listMyDocuments } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer, type Wire } from './answer.js';
import { HiddenDocument, MyDocumentPage } from './my-document-schemas.js';
import { PageQuery } from './params.js';
import { sendStoredFile } from './send-stored-file.js';

type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;
const tags = ['citizen documents'];
const DocumentParam = v.object({ documentId: v.pipe(v.string(), v.uuid('Mã giấy tờ không hợp lệ')) });

/**
 * "Kho giấy tờ của tôi": the signed-in citizen's stored documents, from every province; only the
 * owner lists, downloads or deletes them (docs/domain/citizen-data-store.md).
 */
export function myDocumentRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get(
      '/documents',
      describeRoute({
        tags,
        summary: "The signed-in citizen's stored documents (submitted files and results), newest first, without the deleted ones",
        responses: { 200: jsonAnswer('One page of the citizen’s documents', MyDocumentPage) },
      }),
      validate('query', PageQuery),
      async (c) => c.json((await listMyDocuments({ ctx: c.get('ctx'), input: c.req.valid('query') })) satisfies Out<typeof MyDocumentPage>),
    )
    .get(
      '/documents/:documentId/content',
      describeRoute({
        tags,
        summary: 'Download one of the signed-in citizen’s stored documents',
        responses: {
          200: {
            description: 'The file as stored, as a download (ETag is its SHA-256)',
            content: { 'application/octet-stream': { schema: { type: 'string' as const, format: 'binary' } } },
          },
        },
      }),
      validate('param', DocumentParam),
      async (c) => {
        const file = await getMyDocument({ ctx: c.get('ctx'), input: c.req.valid('param'), files: dossierDeps(deps).files });
        return sendStoredFile(c, file);
      },
    )
    .delete(
      '/documents/:documentId',
      describeRoute({
        tags,
        summary: 'Delete (hide) a stored document from the citizen’s store; the dossier’s own copy stays',
        responses: { 200: jsonAnswer('Deleted from the store', HiddenDocument) },
      }),
      validate('param', DocumentParam),
      async (c) => c.json((await hideMyDocument({ ctx: c.get('ctx'), input: c.req.valid('param') })) satisfies Out<typeof HiddenDocument>),
    );
}
