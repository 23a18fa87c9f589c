/**
 * A TCP proxy in front of the platform that can slow down what the browser sends, so upload progress can
 * be watched on a local server. DevTools network throttling does not do it: Chromium hands the whole body
 * to the socket at once and only delays the answer, so the page sees one progress event.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface ThrottlingProxy {
  /** `http://127.0.0.1:<port>`: the platform, through the proxy. */
  readonly url: string;
  /** Bytes per second from the browser to the server; `null` for no limit. */
  setUploadRate(bytesPerSecond: number | null): void;
  close(): Promise<void>;
}

export async function startThrottlingProxy(target: URL): Promise<ThrottlingProxy> {
  let rate: number | null = null;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (rate === null) return;
      // Reading no more until this chunk's share of time has passed fills the browser's send buffer,
      // and from then on the browser sends (and reports progress) at the rate.
      client.pause();
      setTimeout(() => client.resume(), (chunk.byteLength / rate) * 1000);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    setUploadRate(bytesPerSecond) {
      rate = bytesPerSecond;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
