import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay in front of a simulator, so a test can make the gateway refuse connections (`down`: nothing listens
 * on the port, open connections are cut) and come back on the same port (`up`), as a host going away would.
 */
export interface TcpProxy {
  readonly url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const relay = () =>
    createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      const pair = [client, upstream];
      for (const s of pair) sockets.add(s);
      const cut = () => {
        for (const s of pair) {
          s.destroy();
          sockets.delete(s);
        }
      };
      client.on('error', cut).on('close', cut);
      upstream.on('error', cut).on('close', cut);
      client.pipe(upstream).pipe(client);
    });
  const listen = (s: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
    });
  let server: Server | null = relay();
  const port = await listen(server, 0);
  const stop = async () => {
    const s = server;
    server = null;
    for (const c of sockets) c.destroy();
    sockets.clear();
    if (s) await new Promise((r) => s.close(r));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    down: stop,
    async up() {
      if (server) return;
      server = relay();
      await listen(server, port);
    },
    close: stop,
  };
}
