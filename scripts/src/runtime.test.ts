import { hash, verify } from '@node-rs/argon2';
import { NativeConnection } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';

// The project brings its own Node (the `node` package in the root devDependencies puts it first on
// every npm script's PATH), whatever the machine ships. Native modules are built per Node ABI or
// against N-API: these prove the two the platform needs load and work on it.
describe('the runtime', () => {
  it('is Node.js 24, the LTS line the platform supports', () => {
    expect(process.version).toMatch(/^v24\./);
  });

  it('loads argon2 (passwords) natively and round-trips a hash', async () => {
    const digest = await hash('mật khẩu đủ dài', { memoryCost: 19_456, timeCost: 2 });
    expect(digest).toMatch(/^\$argon2id\$/);
    expect(await verify(digest, 'mật khẩu đủ dài')).toBe(true);
    expect(await verify(digest, 'another one')).toBe(false);
  });

  it("loads Temporal's core bridge natively and talks to the server through it", async () => {
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toMatch(/^\d+\.\d+/);
    } finally {
      await connection.close();
    }
  });
});
