import { FileStore } from '@gov/core';
import { TEST_ARCHIVE_DIR, TEST_FILES_DIR } from '@gov/testing';
import type { ArchiveStores } from './index.js';

/** Test-only: the worker's file stores on the directories the API's tests use too. */
export const testArchiveStores = (): ArchiveStores => ({ live: new FileStore(TEST_FILES_DIR), archive: new FileStore(TEST_ARCHIVE_DIR) });
