import { CivilDate, getNationalNotificationUsage, getNotificationSender, getNotificationUsage, setNotificationSender } from '@gov/core';
import { NotificationSender } from '@gov/domain';
import type { Logger } from '@gov/runtime';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { exportResponse, FormatQuery, fromList, listOrExportAnswer } from '../export/index.js';
import { validate } from '../validate.js';
import { jsonAnswer } from './answer.js';
import { NATIONAL_USAGE_COLUMNS, NationalUsage, PROVINCE_USAGE_COLUMNS, ProvinceUsage, SenderState } from './notification-schemas.js';
import { TenantParam } from './params.js';

const tags = ['notifications'];
const PeriodQuery = v.object({ from: v.optional(CivilDate), to: v.optional(CivilDate), ...FormatQuery });

/**
 * A province's notifications (docs/domain/notifications.md): its own sender identity (SMS brand
 * name, email sender, Zalo OA), edited by its admin, and what its messages cost per month and
 * channel, for its admin and the ministry; the usage also downloads as CSV or XLSX.
 */
export function notificationRoutes(logger: Logger) {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/notification-sender',
      describeRoute({
        tags,
        summary: 'The province’s sender identity; null parts use the platform default',
        responses: { 200: jsonAnswer('The sender', SenderState) },
      }),
      validate('param', TenantParam),
      async (c) =>
        c.json(
          withETag(c, await getNotificationSender({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies v.InferOutput<typeof SenderState>,
        ),
    )
    .put(
      '/:tenantId/notification-sender',
      describeRoute(
        conditional({
          tags,
          summary: 'A province admin sets the SMS brand name, email sender and Zalo OA of the province’s messages',
          description: 'If-Match takes the ETag of GET …/notification-sender; a province that never saved one is at `"0"`.',
          responses: { 200: jsonAnswer('The sender as saved', SenderState), 403: { description: 'Not a province admin of this province' } },
        }),
      ),
      validate('param', TenantParam),
      validate('json', NotificationSender),
      async (c) =>
        c.json(
          withETag(
            c,
            await setNotificationSender({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, ifMatch: ifMatchOf(c), input: c.req.valid('json') }),
          ) satisfies v.InferOutput<typeof SenderState>,
        ),
    )
    .get(
      '/:tenantId/notification-usage',
      describeRoute({
        tags,
        summary: 'Messages the province sent and failed to send, per month (Vietnam time) and channel, for the period (default: this month so far)',
        responses: listOrExportAnswer('The counts', ProvinceUsage),
      }),
      validate('param', TenantParam),
      validate('query', PeriodQuery),
      async (c) => {
        const { format, ...input } = c.req.valid('query');
        const usage = (await getNotificationUsage({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input })) satisfies ProvinceUsage;
        if (!format) return c.json(usage);
        const period = `${usage.period.from} ${usage.period.to}`;
        return exportResponse(c, logger, {
          format,
          filename: { vi: `Số lượng thông báo ${period}`, en: `Notification usage ${period}` },
          sheetName: { vi: 'Số lượng thông báo', en: 'Notification usage' },
          columns: PROVINCE_USAGE_COLUMNS,
          rows: fromList(usage.items),
        });
      },
    );
}

/** The ministry's view of every province's notification usage. */
export function nationalNotificationRoutes(logger: Logger) {
  return new Hono<AppEnv>().get(
    '/notification-usage',
    describeRoute({
      tags,
      summary: 'Per province, month and channel: messages sent and failed, for the period (ministry staff)',
      responses: listOrExportAnswer('The counts of every province that sent messages', NationalUsage),
    }),
    validate('query', PeriodQuery),
    async (c) => {
      const { format, ...input } = c.req.valid('query');
      const usage = (await getNationalNotificationUsage({ ctx: c.get('ctx'), input })) satisfies NationalUsage;
      if (!format) return c.json(usage);
      const period = `${usage.period.from} ${usage.period.to}`;
      return exportResponse(c, logger, {
        format,
        filename: { vi: `Số lượng thông báo các tỉnh ${period}`, en: `Notification usage by province ${period}` },
        sheetName: { vi: 'Số lượng thông báo', en: 'Notification usage' },
        columns: NATIONAL_USAGE_COLUMNS,
        rows: fromList(usage.items),
      });
    },
  );
}
