import { getMyNotificationPreference, setMyNotificationPreference } from '@gov/core';
import { NotificationPreference } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer } from './answer.js';

const tags = ['notifications'];
const answer = (description: string) => jsonAnswer(description, NotificationPreference);

/** The signed-in citizen's choice of channel for news of their dossiers: email, SMS or Zalo. */
export function myNotificationRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/notification-preference',
      describeRoute({
        tags,
        summary: 'How the signed-in citizen hears about their dossiers; null: every contact the dossier has',
        responses: { 200: answer('The choice') },
      }),
      async (c) => c.json((await getMyNotificationPreference({ ctx: c.get('ctx') })) satisfies v.InferOutput<typeof NotificationPreference>),
    )
    .put(
      '/notification-preference',
      describeRoute({ tags, summary: 'The citizen chooses email, SMS or Zalo (or null for every contact)', responses: { 200: answer('The choice as saved') } }),
      validate('json', NotificationPreference),
      async (c) =>
        c.json((await setMyNotificationPreference({ ctx: c.get('ctx'), input: c.req.valid('json') })) satisfies v.InferOutput<typeof NotificationPreference>),
    );
}
