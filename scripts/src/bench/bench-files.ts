import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '@gov/core';

/** Where the bench's API and its worker process keep attachments: the same directories for both. */
export function benchFileStores() {
  return {
    live: new FileStore(join(tmpdir(), 'gov-one-stop-bench-files')),
    archive: new FileStore(join(tmpdir(), 'gov-one-stop-bench-archive')),
  };
}
