import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where tests keep attachments: outside the repo, shared by the suites (API and worker) of one machine. */
export const TEST_FILES_DIR = join(tmpdir(), 'gov-one-stop-test-files');
/** Where tests keep archive storage (docs/domain/archive-and-retention.md), beside the attachments. */
export const TEST_ARCHIVE_DIR = join(tmpdir(), 'gov-one-stop-test-archive');
