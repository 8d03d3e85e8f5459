import { request } from 'node:http';

/**
 * A GET sent from a chosen loopback address (127.0.0.0/8 is all local on Linux). The public status
 * lookup is limited per client address, counted in PostgreSQL behind the balancer; real lookups
 * come from many citizens, so the soak spreads its lookups over many addresses instead of
 * raising or bypassing the limit.
 */
export function getFrom(localAddress: string, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', localAddress, agent: false, headers: { Accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The n-th address of 127.1.0.1 … 127.1.255.254, cycling: 65,534 clients, each far under a per-minute limit. */
export function loopbackAddress(n: number): string {
  const i = (n % 65_534) + 1;
  return `127.1.${i >> 8}.${i & 255}`;
}
