import { schema, withMinistryRead, withTenant, type Sql } from '@gov/db';
import type { OutboxPayloads, OutboxTopic } from '@gov/domain/contract';
import { contextFromCarrier } from '@gov/runtime';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Client } from '@temporalio/client';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { sendDossierNotification, type NotificationJob } from '../activities/notifications/send-notification.js';
import type { EinvoiceConfig } from '../activities/receipts/einvoice-client.js';
import { issuePaymentReceipt } from '../activities/receipts/issue-payment-receipt.js';
import type { Transports } from '../activities/notifications/transports.js';
import { drainAccountOutbox, type AccountMessageOptions } from './account-messages.js';
import { drainPortalSync, type PortalSyncOptions } from './portal-sync.js';
import { startDossier } from './start-dossier.js';
import { sendFeedbackMessage, signalFeedbackAnswered, startFeedback } from './feedback-deliveries.js';
const FEEDBACK_TOPICS = ['feedback.start', 'feedback.answered', 'notification.feedback'] as const satisfies OutboxTopic[];
const START_TOPIC = 'dossier.start' satisfies OutboxTopic;
const NOTIFICATION_TOPIC = 'notification.dossier' satisfies OutboxTopic;
const RECEIPT_TOPIC = 'payment.receipt' satisfies OutboxTopic;
const MAX_ATTEMPTS = 20;
const BATCH = 20;
const tracer = trace.getTracer('@gov/workflows');

export interface RelayOptions {
  sql: Sql;
  engine: { client: Client; taskQueue: string };
  transports: Transports;
  intervalMs?: number;
  /** The API starts workflows itself; the relay steps in only for rows older than this. */
  startGraceMs?: number;
  /** Only these provinces (tests share one database with other suites). */
  tenantIds?: () => string[];
  onError?: (error: unknown, row: { tenantId: string; id: string; topic: string }) => void;
  /** Also deliver account messages (one-time codes), which belong to no province. */
  accounts?: AccountMessageOptions;
  /** Issue the electronic receipts of confirmed payments; without it those rows wait. */
  einvoice?: EinvoiceConfig;
  /** Also send dossier records to the national portal, from their own outbox. */
  portal?: PortalSyncOptions;
}

/**
 * The outbox relay, run beside the worker: delivers rows written in the same transaction as the
 * change they announce — workflow starts the API could not make and applicant notifications.
 * Rows are claimed with SKIP LOCKED, so several workers share the work without sending twice;
 * a failure counts an attempt and backs off (5 s × attempts²) up to 20 attempts.
 */
export function startOutboxRelay(o: RelayOptions) {
  const o2 = schema.outbox;
  async function pendingTenants(): Promise<string[]> {
    if (o.tenantIds) return o.tenantIds();
    // One cross-province read (the ministry's read-only role) instead of one transaction per province.
    const rows = await withMinistryRead(o.sql, (tx) => tx.selectDistinct({ tenantId: o2.tenantId }).from(o2).where(isNull(o2.dispatchedAt)));
    return rows.map((r) => r.tenantId);
  }

  async function deliverRow(row: typeof o2.$inferSelect): Promise<void> {
    if (row.topic === START_TOPIC) return startDossier(o.engine, row.payload as OutboxPayloads[typeof START_TOPIC]);
    if (row.topic === RECEIPT_TOPIC && o.einvoice) {
      return issuePaymentReceipt(
        { sql: o.sql, einvoice: o.einvoice },
        { tenantId: row.tenantId, outboxId: row.id, payload: row.payload as OutboxPayloads[typeof RECEIPT_TOPIC] },
      );
    }
    if (row.topic === 'feedback.start') return startFeedback(o.engine, row.payload as OutboxPayloads['feedback.start']);
    if (row.topic === 'feedback.answered') return signalFeedbackAnswered(o.engine, row.payload as OutboxPayloads['feedback.answered']);
    if (row.topic === 'notification.feedback') {
      const payload = row.payload as OutboxPayloads['notification.feedback'];
      await sendFeedbackMessage({ sql: o.sql, transports: o.transports }, { tenantId: row.tenantId, outboxId: row.id, payload });
      return;
    }
    const job: NotificationJob = { tenantId: row.tenantId, outboxId: row.id, payload: row.payload as OutboxPayloads[typeof NOTIFICATION_TOPIC] };
    await sendDossierNotification({ sql: o.sql, transports: o.transports }, job);
  }

  /**
   * Delivery continues the trace of the request that wrote the row (its `trace` key), so a
   * workflow started here hangs under the submission that caused it.
   */
  function deliver(row: typeof o2.$inferSelect): Promise<void> {
    const attributes = {
      'messaging.system': 'outbox',
      'messaging.operation.type': 'process',
      'messaging.destination.name': row.topic,
      'messaging.message.id': row.id,
    };
    return tracer.startActiveSpan(`process ${row.topic}`, { kind: SpanKind.CONSUMER, attributes }, contextFromCarrier(row.payload), async (span) => {
      try {
        await deliverRow(row);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  async function drainTenant(tenantId: string): Promise<number> {
    return withTenant(o.sql, tenantId, async (tx) => {
      const graceSeconds = (o.startGraceMs ?? 10_000) / 1000;
      const rows = await tx
        .select()
        .from(o2)
        .where(
          and(
            eq(o2.tenantId, tenantId),
            isNull(o2.dispatchedAt),
            inArray(o2.topic, [START_TOPIC, NOTIFICATION_TOPIC, ...FEEDBACK_TOPICS, ...(o.einvoice ? [RECEIPT_TOPIC] : [])]),
            lt(o2.attempts, MAX_ATTEMPTS),
            sql`${o2.createdAt} + make_interval(secs => 5 * ${o2.attempts} * ${o2.attempts}) <= now()`,
            sql`(${o2.topic} <> ${START_TOPIC} or ${o2.createdAt} <= now() - make_interval(secs => ${graceSeconds}))`,
          ),
        )
        .orderBy(asc(o2.createdAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        const where = and(eq(o2.tenantId, tenantId), eq(o2.id, row.id));
        try {
          await deliver(row);
          await tx
            .update(o2)
            .set({ dispatchedAt: new Date(), attempts: row.attempts + 1 })
            .where(where);
        } catch (error) {
          o.onError?.(error, row);
          await tx
            .update(o2)
            .set({ attempts: row.attempts + 1 })
            .where(where);
        }
      }
      return rows.length;
    });
  }

  /** One pass over every province with pending rows; resolves with how many rows it handled. */
  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (const tenantId of await pendingTenants()) handled += await drainTenant(tenantId);
    if (o.accounts) {
      handled += await drainAccountOutbox({
        sql: o.sql,
        transports: o.transports,
        options: o.accounts,
        onError: (error, id) => o.onError?.(error, { tenantId: '', id, topic: 'account.code' }),
      });
    }
    if (o.portal) handled += await drainPortalSync({ sql: o.sql, options: o.portal, tenantIds: o.tenantIds, onError: o.onError });
    return handled;
  }

  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const handled = await drainOnce().catch((error: unknown) => {
        o.onError?.(error, { tenantId: '', id: '', topic: 'relay' });
        return 0;
      });
      if (handled < BATCH) await new Promise((resolve) => setTimeout(resolve, o.intervalMs ?? 1000));
    }
  })();
  return {
    drainOnce,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

export type OutboxRelay = ReturnType<typeof startOutboxRelay>;
