import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from '@temporalio/worker';
import { describe, it } from 'vitest';
import { bundleWorkflows } from '../../bundle.js';

/**
 * A history exported as JSON (`temporal workflow show --output json`). runReplayHistory would
 * parse it with @temporalio/common's own copy of protobufjs, which npm installed beside
 * @temporalio/proto's; the two copies disagree ("type must be a Type"). So parse it with the
 * copy @temporalio/proto is built with, as historyFromJSON does otherwise.
 */
function history(name: string): unknown {
  const require = createRequire(import.meta.url);
  const fromProto = createRequire(require.resolve('@temporalio/proto'));
  const root = fromProto('@temporalio/proto') as { lookupType(name: string): unknown };
  const { fromJson } = fromProto('protobufjs/ext/protojson') as { fromJson: (type: unknown, json: unknown, options: object) => unknown };
  const json: unknown = JSON.parse(readFileSync(new URL(`./histories/${name}.json`, import.meta.url), 'utf8'));
  return fromJson(root.lookupType('temporal.api.history.v1.History'), json, { ignoreUnknownFields: true });
}

/**
 * Histories recorded by earlier workflow code, replayed with today's: a change that forgets its
 * `patched()` guard fails here with a determinism error instead of in a running dossier.
 */
describe('dossier workflow replay', () => {
  // Recorded before 'watch-apology-date': accept, near-due, apology, a supplement pause, overdue,
  // the new date passing unwatched, a second apology, stop. Today's code must add no timer and
  // no transition to it.
  it('replays a dossier whose apology date passed before the date was watched', async () => {
    await Worker.runReplayHistory({ workflowBundle: await bundleWorkflows() }, history('apology-before-watch'));
  });
});
