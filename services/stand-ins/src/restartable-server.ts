import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP server that can go `down` (its port closed, so connections are refused) and come back
 * on the same port, as the control port's `down` mode needs. Port 0 picks a free one (tests).
 */
export async function listenRestartable(handler: RequestListener, port: number, host = '127.0.0.1') {
  const listen = async (at: number) => {
    const listener = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(at, host, () => resolve());
    });
    return listener;
  };
  let server: Server | undefined = await listen(port);
  const bound = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      const listener = server;
      server = undefined;
      if (!listener) return resolve();
      listener.close(() => resolve());
      listener.closeAllConnections();
    });
  const setDown = async (down: boolean) => {
    if (down) await stop();
    else if (!server) server = await listen(bound);
  };
  return { port: bound, url: `http://${host}:${bound}`, setDown, close: stop };
}
