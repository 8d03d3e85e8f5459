import { openDB, type DBSchema } from 'idb';

/** One paper the officer attached, kept as the file itself (IndexedDB stores Blobs). */
export interface QueuedFile {
  component: string;
  name: string;
  file: Blob;
}

/**
 * A counter intake the officer finished while the connection was down. It keeps the
 * Idempotency-Key the form was given, so sending it again after a lost answer gives back the
 * dossier the API already made instead of a second one.
 */
export interface QueuedIntake {
  idempotencyKey: string;
  /** Only the officer who filled it sends it: another account signed in on the same counter PC never does. */
  userId: string;
  tenantId: string;
  queuedAt: string;
  /** What the list shows, so the CCCD number never needs to be displayed. */
  applicantName: string;
  procedureName: string;
  /** The intake's `dossier` part exactly as the form would have posted it. */
  dossier: string;
  files: QueuedFile[];
  /** The API's refusal the last time it was sent (kept until the officer discards it). */
  refusal?: string;
}

interface OfflineDb extends DBSchema {
  'counter-intakes': { key: string; value: QueuedIntake; indexes: { byUser: string } };
}

const open = () =>
  openDB<OfflineDb>('gov-offline', 1, {
    upgrade(db) {
      const store = db.createObjectStore('counter-intakes', { keyPath: 'idempotencyKey' });
      store.createIndex('byUser', 'userId');
    },
  });

/** Keeps an intake (a new one, or one with its latest refusal). */
export async function saveQueuedIntake(intake: QueuedIntake): Promise<void> {
  const db = await open();
  await db.put('counter-intakes', intake);
  db.close();
}

/** The officer's queued intakes, oldest first (the order they were received at the counter). */
export async function queuedIntakes(userId: string): Promise<QueuedIntake[]> {
  const db = await open();
  const items = await db.getAllFromIndex('counter-intakes', 'byUser', userId);
  db.close();
  return items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function removeQueuedIntake(idempotencyKey: string): Promise<void> {
  const db = await open();
  await db.delete('counter-intakes', idempotencyKey);
  db.close();
}

/** The multipart body of the intake, the same shape the online form sends. */
export function intakeBody(intake: Pick<QueuedIntake, 'dossier' | 'files'>): FormData {
  const body = new FormData();
  body.set('dossier', intake.dossier);
  for (const f of intake.files) body.append(f.component, f.file, f.name);
  return body;
}
