import type { SigningKeys } from '@gov/documents';
import type { AccountKeys } from '../accounts/keys.js';
import type { FileStore } from '../files/file-store.js';
import type { DossierEngine } from './engine.js';

/** What the dossier verbs need beyond the request context, built once per process. */
export interface DossierDeps {
  engine: DossierEngine;
  files: FileStore;
  /** Archive storage: where an archived dossier's files are read from (docs/domain/archive-and-retention.md). */
  archiveFiles: FileStore;
  /** Signs the receipt's QR lookup token; rotating it invalidates printed QR codes. */
  statusTokenSecret: string;
  /** Counter intake finds the applicant's account by the keyed digest of their CCCD number. */
  accountKeys: AccountKeys;
  /** The printed forms (PDF): the public address their QR codes open, the DejaVu fonts' folder, and the provinces' signing keys. */
  forms: { publicUrl: string; fontDir: string; signing: SigningKeys };
}
