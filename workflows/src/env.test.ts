import { ConfigError } from '@gov/runtime';
import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './env.js';

describe('the worker configuration', () => {
  it('bounds the workflow cache at 500 unless told otherwise; 0 turns it off; 1 is no cache size', () => {
    expect(readWorkerEnv({}).TEMPORAL_MAX_CACHED_WORKFLOWS).toBe(250);
    expect(readWorkerEnv({ TEMPORAL_MAX_CACHED_WORKFLOWS: '2000' }).TEMPORAL_MAX_CACHED_WORKFLOWS).toBe(2000);
    expect(readWorkerEnv({ TEMPORAL_MAX_CACHED_WORKFLOWS: '0' }).TEMPORAL_MAX_CACHED_WORKFLOWS).toBe(0);
    for (const wrong of ['1', '-5', '2.5', 'many']) {
      expect(() => readWorkerEnv({ TEMPORAL_MAX_CACHED_WORKFLOWS: wrong }), wrong).toThrow(ConfigError);
    }
  });
});
