import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  /** `<tenantId>/<sha256>`: content-addressed inside the tenant's own folder. */
  storageKey: string;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f]{64}$/;

/**
 * Attachment bytes on a local directory (object storage in production has the same key shape).
 * Keys start with the tenant id, so the same scan uploaded in two provinces is two objects and a
 * key from one province never resolves inside another's folder. Writes go to a temporary name
 * and are renamed into place, so a reader never sees half a file; a rewrite of an existing key
 * writes the same bytes. Services write only once every check has passed (inside the
 * transaction, just before the rows), so a refused request leaves nothing on disk; a commit that
 * fails after that leaves an unreferenced object, harmless (content-addressed) and sweepable.
 */
export class FileStore {
  constructor(readonly root: string) {}

  /** Where `bytes` would be stored, without writing them: callers decide first, then `put`. */
  keyOf(tenantId: string, bytes: Uint8Array): StoredFile {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { sha256, sizeBytes: bytes.byteLength, storageKey: `${tenantId}/${sha256}` };
  }

  /** Where known content (its hash and size) sits, or will sit, in `tenantId`'s folder. */
  keyIn(tenantId: string, file: { sha256: string; sizeBytes: number }): StoredFile {
    return { sha256: file.sha256, sizeBytes: file.sizeBytes, storageKey: `${tenantId}/${file.sha256}` };
  }

  /**
   * Copies an object into `toTenantId`'s folder (a reused document filed in another province).
   * The source is read as its own tenant's key, and the copy must hash to what the caller
   * expects, so a damaged or swapped object is never filed under another document's name.
   */
  async copy(from: { tenantId: string; storageKey: string; sha256: string }, toTenantId: string): Promise<StoredFile> {
    const bytes = await this.read(from.tenantId, from.storageKey);
    const stored = this.keyOf(toTenantId, bytes);
    if (stored.sha256 !== from.sha256) throw new Error('stored object does not match its recorded hash');
    return from.tenantId === toTenantId ? stored : this.put(toTenantId, bytes);
  }

  async put(tenantId: string, bytes: Uint8Array): Promise<StoredFile> {
    const stored = this.keyOf(tenantId, bytes);
    const path = this.pathOf(stored.storageKey);
    const existing = await stat(path).catch(() => null);
    if (existing?.size !== bytes.byteLength) {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    }
    return stored;
  }

  /** The bytes of a key belonging to `tenantId`; anything else is refused before touching disk. */
  async read(tenantId: string, storageKey: string): Promise<Uint8Array> {
    this.assertInTenant(tenantId, storageKey);
    return readFile(this.pathOf(storageKey));
  }

  /**
   * Puts a known object of `tenantId` into `target` (archive storage) under the same key, checked
   * against its recorded hash. Idempotent: an object already there whole is left as it is, so a
   * retried archive run that already released this store's copy still succeeds.
   */
  async copyTo(target: FileStore, tenantId: string, file: { storageKey: string; sha256: string; sizeBytes: number }): Promise<void> {
    if ((await target.sizeOf(tenantId, file.storageKey)) === file.sizeBytes) return;
    const bytes = await this.read(tenantId, file.storageKey);
    if (this.keyOf(tenantId, bytes).sha256 !== file.sha256) throw new Error('stored object does not match its recorded hash');
    await target.put(tenantId, bytes);
  }

  /** The size of an object of `tenantId`, or null when it is not there. */
  async sizeOf(tenantId: string, storageKey: string): Promise<number | null> {
    this.assertInTenant(tenantId, storageKey);
    return (await stat(this.pathOf(storageKey)).catch(() => null))?.size ?? null;
  }

  /** Removes an object of `tenantId`; one already gone is fine (a retried removal). */
  async remove(tenantId: string, storageKey: string): Promise<void> {
    this.assertInTenant(tenantId, storageKey);
    await rm(this.pathOf(storageKey), { force: true });
  }

  private assertInTenant(tenantId: string, storageKey: string): void {
    if (!KEY.test(storageKey) || !storageKey.startsWith(`${tenantId}/`)) throw new Error('storage key outside the tenant');
  }

  private pathOf(storageKey: string): string {
    return join(this.root, storageKey);
  }
}
