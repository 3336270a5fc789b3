// startDemo(): the emulator (or a real Metabase named by the environment) plus the host
// app, both on loopback. `npm start` (demo/start.ts) and the browser tests start the same thing.
import {randomBytes} from 'node:crypto';
import {startEmulator} from 'metabase-embed/emulator';
import type {DemoContent} from './content.js';
import {emulatorContent} from './emulator-content.js';
import {startHostApp, type DemoLogEntry} from './host-app.js';
import {realMetabaseFromEnv, type Env} from './metabase-env.js';

export interface StartDemoOptions {
  /** Interface for both servers (default 127.0.0.1: loopback only). */
  host?: string;
  /** Host app port; 0 picks any free port (default: 3000, or the next free one up to 3019). */
  port?: number;
  /** Read for METABASE_* (see the README); default process.env. */
  env?: Env;
  /** Token lifetime in seconds (default 600, Metabase's snippets' value). */
  expiresIn?: number;
  /** Origins besides the host app's own allowed to call its token endpoint (e.g. a proxy's). */
  extraOrigins?: readonly string[];
  /** The token signer's clock (default: the real one); tests move it to make tokens old. */
  now?: () => Date;
  log?: (entry: DemoLogEntry) => void;
}

export interface Demo {
  /** The host app, e.g. `http://127.0.0.1:3000/`. */
  url: string;
  /** The emulator, when the demo started one. */
  emulatorUrl?: string;
  content: DemoContent;
  close(): Promise<void>;
}

export const DEFAULT_PORTS = Array.from({length: 20}, (_, index) => 3000 + index);

export async function startDemo(options: StartDemoOptions = {}): Promise<Demo> {
  const host = options.host ?? '127.0.0.1';
  const real = realMetabaseFromEnv(options.env ?? process.env);
  let emulator: {url: string; close(): Promise<void>} | undefined;
  let metabase: {siteUrl: string; secretKey: string; content: DemoContent};
  if (real) {
    metabase = real;
  } else {
    // A fresh key each start: it lives only in this process and the emulator.
    const secretKey = randomBytes(32).toString('hex');
    const started = await startEmulator({host, port: 0, secretKey});
    emulator = started;
    metabase = {siteUrl: started.url, secretKey, content: emulatorContent(started.url)};
  }
  try {
    const app = await startHostApp({
      host,
      ports: options.port === undefined ? DEFAULT_PORTS : [options.port],
      content: metabase.content,
      siteUrl: metabase.siteUrl,
      secretKey: metabase.secretKey,
      expiresIn: options.expiresIn,
      extraOrigins: options.extraOrigins,
      now: options.now,
      log: options.log,
    });
    return {
      url: app.url,
      ...(emulator && {emulatorUrl: emulator.url}),
      content: metabase.content,
      close: async () => {
        await Promise.all([app.close(), emulator?.close()]);
      },
    };
  } catch (error) {
    await emulator?.close();
    throw error;
  }
}
