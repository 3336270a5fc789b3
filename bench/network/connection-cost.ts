// A TCP proxy on loopback that makes each new connection cost what opening one costs on a real
// network: the bytes a client sends on a fresh connection are held until `setupMs` after it
// was accepted (a TCP handshake and a TLS 1.3 handshake are two round trips before a request
// can leave). Chromium's network emulation adds latency per request only, so without this a
// connection opened early (a preconnect hint) could not save anything.
import {connect, createServer, type Socket} from 'node:net';
import type {AddressInfo} from 'node:net';

export interface ConnectionCostProxy {
  port: number;
  /** Milliseconds a new connection waits before its first bytes go through (0: none). */
  setupMs: number;
  /** Closes every connection: the next page starts cold, as a first visit. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startConnectionCostProxy(targetPort: number): Promise<ConnectionCostProxy> {
  const sockets = new Set<Socket>();
  const state = {setupMs: 0};
  const server = createServer((client) => {
    const openAt = Date.now() + state.setupMs;
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pause();
    setTimeout(() => client.pipe(upstream), Math.max(0, openAt - Date.now())).unref();
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get setupMs() {
      return state.setupMs;
    },
    set setupMs(value: number) {
      state.setupMs = value;
    },
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
