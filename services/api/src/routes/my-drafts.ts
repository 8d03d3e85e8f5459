import { CreateDraft, createDraft, deleteDraft, getMyDraft, listMyDrafts, saveDraft, SaveDraft, submitDraft, uploadDraftDocument } from '@gov/core';
import { invalid } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { jsonAnswer, type Wire } from './answer.js';
import { Submitted } from './dossier-schemas.js';
import { DeletedDraft, Draft, DraftDocument, DraftList } from './my-draft-schemas.js';
import { limitBody, readForm } from './read-body.js';

type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;
const tags = ['dossier drafts'];
const DraftParam = v.object({ draftId: v.pipe(v.string(), v.uuid('Mã bản nháp không hợp lệ')) });
// One file of at most 10 MB (checkUpload), plus the form's fields.
const MAX_UPLOAD_BYTES = 11 * 1024 * 1024;

/**
 * "Bản nháp": a signed-in citizen's drafts of online submissions, saved on the server so they can
 * be resumed on another device, and submitted through the intake (docs/domain/dossier-drafts.md).
 * Only the owner reads or changes a draft; saves and the submission carry If-Match.
 */
export function myDraftRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get(
      '/drafts',
      describeRoute({
        tags,
        summary: "The signed-in citizen's open drafts in every province, last saved first",
        responses: { 200: jsonAnswer('The drafts', DraftList) },
      }),
      async (c) => c.json((await listMyDrafts({ ctx: c.get('ctx') })) satisfies Out<typeof DraftList>),
    )
    .post(
      '/drafts',
      describeRoute({
        tags,
        summary: 'Save a new draft of a procedure offered in a province (409 past the cap of open drafts)',
        responses: { 201: jsonAnswer('Saved; the ETag is its revision', Draft) },
      }),
      validate('json', CreateDraft),
      async (c) => c.json(withETag(c, await createDraft({ ctx: c.get('ctx'), input: c.req.valid('json') })) satisfies Out<typeof Draft>, 201),
    )
    .get(
      '/drafts/:draftId',
      describeRoute({ tags, summary: 'One open draft, to resume it (ETag: its revision)', responses: { 200: jsonAnswer('The draft', Draft) } }),
      validate('param', DraftParam),
      async (c) => c.json(withETag(c, await getMyDraft({ ctx: c.get('ctx'), ref: c.req.valid('param') })) satisfies Out<typeof Draft>),
    )
    .put(
      '/drafts/:draftId',
      describeRoute(
        conditional({
          tags,
          summary: 'Save the draft again: the form and the documents per component replace what was saved',
          responses: { 200: jsonAnswer('Saved; the ETag is its new revision', Draft) },
        }),
      ),
      validate('param', DraftParam),
      validate('json', SaveDraft),
      async (c) =>
        c.json(
          withETag(c, await saveDraft({ ctx: c.get('ctx'), ref: c.req.valid('param'), ifMatch: ifMatchOf(c), input: c.req.valid('json') })) satisfies Out<
            typeof Draft
          >,
        ),
    )
    .delete(
      '/drafts/:draftId',
      describeRoute({
        tags,
        summary: 'Delete a draft; the documents it named stay in the citizen’s store',
        responses: { 200: jsonAnswer('Deleted', DeletedDraft) },
      }),
      validate('param', DraftParam),
      async (c) => c.json((await deleteDraft({ ctx: c.get('ctx'), ref: c.req.valid('param') })) satisfies Out<typeof DeletedDraft>),
    )
    .post(
      '/drafts/:draftId/documents',
      describeRoute({
        tags,
        summary: 'Upload a file for a draft (multipart: componentCode, file): it becomes a stored document the draft can name',
        responses: { 201: jsonAnswer('The stored document', DraftDocument) },
      }),
      limitBody(MAX_UPLOAD_BYTES, { vi: 'Tệp gửi lên quá lớn.', en: 'The file is too large.' }),
      validate('param', DraftParam),
      async (c) => {
        const body = await readForm(c.req);
        const file = body.file;
        if (!(file instanceof File)) throw invalid({ vi: 'Thiếu tệp (trường "file").', en: 'Missing the file ("file" field).' });
        const document = await uploadDraftDocument({
          ctx: c.get('ctx'),
          ref: c.req.valid('param'),
          input: { componentCode: typeof body.componentCode === 'string' ? body.componentCode : '' },
          file: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
          files: dossierDeps(deps).files,
        });
        return c.json(document satisfies Out<typeof DraftDocument>, 201);
      },
    )
    .post(
      '/drafts/:draftId/submit',
      describeRoute(
        conditional({
          tags,
          summary: 'File the draft through the intake (its own Idempotency-Key): a retry gets the same dossier (200)',
          responses: {
            201: jsonAnswer('Received: the dossier and its receipt', Submitted),
            200: jsonAnswer('Already submitted: the same answer', Submitted),
            409: { description: 'A document the draft names was deleted from the store meanwhile' },
          },
        }),
      ),
      validate('param', DraftParam),
      async (c) => {
        const result = await submitDraft({ ctx: c.get('ctx'), ref: c.req.valid('param'), ifMatch: ifMatchOf(c), deps: dossierDeps(deps) });
        if (result.replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(result satisfies Out<typeof Submitted>, result.replayed ? 200 : 201);
      },
    );
}
