import {
  createOfficer,
  CreateOfficer,
  editOfficer,
  EditOfficer,
  importOfficers,
  listOfficers,
  moveOfficer,
  MoveOfficer,
  resetPassword,
  setOfficerActive,
} from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { OfficerActive, OfficerCreated, OfficerEdited, OfficerMoved, OfficerPage, PasswordCleared } from './admin-schemas.js';
import { importReportAnswer, jsonAnswer, type Wire } from './answer.js';
import { limitBody } from './read-body.js';
import { PageQuery, TenantParam, UserParam } from './params.js';

type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;

const tags = ['users'];
const ImportQuery = v.object({ dryRun: v.optional(v.picklist(['true', 'false'], 'dryRun là true hoặc false')) });
const OfficersImported = v.object({
  dryRun: v.boolean(),
  checked: v.pipe(v.number(), v.description('Officer rows read from the file')),
  created: v.pipe(v.number(), v.description('Officers created and invited (0 for a dry run)')),
});
/** A file of 20,000 officers is about 3 MB; anything much larger is not an officer list. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const ListQuery = v.object({
  search: v.optional(v.string()),
  ...PageQuery.entries,
});

/** Officer accounts of a province: list (masked), create, edit, move, deactivate, reset password. */
export function userRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/users',
      describeRoute({
        tags,
        summary: 'Officers the actor may see (citizen IDs and phones masked)',
        responses: { 200: jsonAnswer('One page of officers by name', OfficerPage) },
      }),
      validate('param', TenantParam),
      validate('query', ListQuery),
      async (c) =>
        c.json(
          (await listOfficers({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies Out<typeof OfficerPage>,
        ),
    )
    .post(
      '/:tenantId/users/import',
      describeRoute({
        tags,
        summary: 'Import officers from a CSV file: all or nothing; `?dryRun=true` only checks',
        description:
          'The body is the CSV file itself (UTF-8, with or without the BOM Excel writes; `,` or `;` between cells) with the columns Họ và tên, Tên đăng nhập, Số CCCD, Điện thoại di động, Email công vụ, Chức vụ, Mã đơn vị. Every row is checked first; any problem answers 400 with the whole report and nothing is written. Otherwise every officer is created and invited in one transaction.',
        responses: { 200: jsonAnswer('Imported and invited, or checked only (`dryRun`)', OfficersImported), 400: importReportAnswer() },
      }),
      limitBody(MAX_IMPORT_BYTES, { vi: 'Tệp quá lớn (tối đa 10 MB): hãy chia thành nhiều tệp.', en: 'The file is too large (10 MB at most): split it.' }),
      validate('param', TenantParam),
      validate('query', ImportQuery),
      async (c) =>
        c.json(
          (await importOfficers({
            ctx: c.get('ctx'),
            tenantId: c.req.valid('param').tenantId,
            keys: deps.accountKeys,
            input: { content: await c.req.text(), dryRun: c.req.valid('query').dryRun === 'true' },
          })) satisfies Out<typeof OfficersImported>,
        ),
    )
    .post(
      '/:tenantId/users',
      describeRoute({
        tags,
        summary: 'Create an officer account; an invitation code goes to their email (else phone)',
        description:
          'The admin chooses no password: the officer sets their own with the invitation code (valid 72 hours) at /invitation. The answer says only the channel (`invitationSentBy`).',
        responses: { 201: jsonAnswer('Created and invited', OfficerCreated), 409: { description: 'Login taken' } },
      }),
      validate('param', TenantParam),
      validate('json', CreateOfficer),
      async (c) =>
        c.json(
          (await createOfficer({
            ctx: c.get('ctx'),
            tenantId: c.req.valid('param').tenantId,
            keys: deps.accountKeys,
            input: c.req.valid('json'),
          })) satisfies Out<typeof OfficerCreated>,
          201,
        ),
    )
    .patch(
      '/:tenantId/users/:userId',
      describeRoute(conditional({ tags, summary: "Edit an officer's profile (each field checked)", responses: { 200: jsonAnswer('Saved', OfficerEdited) } })),
      validate('param', UserParam),
      validate('json', EditOfficer),
      async (c) =>
        c.json(
          withETag(c, await editOfficer({ ctx: c.get('ctx'), ...c.req.valid('param'), ifMatch: ifMatchOf(c), input: c.req.valid('json') })) satisfies Out<
            typeof OfficerEdited
          >,
        ),
    )
    .post(
      '/:tenantId/users/:userId/move',
      describeRoute(
        conditional({
          tags,
          summary: "Move an officer to another unit (old unit's roles end; open tasks listed)",
          responses: { 200: jsonAnswer('Moved; the roles that ended and the open tasks to reassign', OfficerMoved) },
        }),
      ),
      validate('param', UserParam),
      validate('json', MoveOfficer),
      async (c) =>
        c.json(
          withETag(c, await moveOfficer({ ctx: c.get('ctx'), ...c.req.valid('param'), ifMatch: ifMatchOf(c), input: c.req.valid('json') })) satisfies Out<
            typeof OfficerMoved
          >,
        ),
    )
    .post(
      '/:tenantId/users/:userId/deactivate',
      describeRoute(
        conditional({
          tags,
          summary: 'Deactivate an officer (ends their sessions and admin roles; open tasks listed)',
          responses: { 200: jsonAnswer('Deactivated; the open tasks to reassign', OfficerActive) },
        }),
      ),
      validate('param', UserParam),
      async (c) =>
        c.json(
          withETag(c, await setOfficerActive({ ctx: c.get('ctx'), ...c.req.valid('param'), ifMatch: ifMatchOf(c), active: false })) satisfies Out<
            typeof OfficerActive
          >,
        ),
    )
    .post(
      '/:tenantId/users/:userId/activate',
      describeRoute(conditional({ tags, summary: 'Reactivate an officer', responses: { 200: jsonAnswer('Active again', OfficerActive) } })),
      validate('param', UserParam),
      async (c) =>
        c.json(
          withETag(c, await setOfficerActive({ ctx: c.get('ctx'), ...c.req.valid('param'), ifMatch: ifMatchOf(c), active: true })) satisfies Out<
            typeof OfficerActive
          >,
        ),
    )
    .post(
      '/:tenantId/users/:userId/reset-password',
      describeRoute({
        tags,
        summary: "Reset an officer's password: the current one stops working, their sessions end, and a code goes to their email (else phone)",
        description:
          'No body. The admin never sees the code or a password; the officer chooses a new password with the code at /reset-password. The answer says only the channel (`codeSentBy`).',
        responses: {
          200: jsonAnswer('Password cleared and code sent', PasswordCleared),
          403: { description: 'No authority over this account (e.g. a fellow province admin)' },
          409: { description: 'Five codes already sent this hour' },
        },
      }),
      validate('param', UserParam),
      async (c) => c.json((await resetPassword({ ctx: c.get('ctx'), ...c.req.valid('param'), keys: deps.accountKeys })) satisfies Out<typeof PasswordCleared>),
    );
}
