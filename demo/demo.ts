// startDemo(): the emulator (or a real Metabase named by the environment) plus the host
// app, both on loopback. `npm start` (demo/start.ts) and the browser tests start the same thing.
import {randomBytes} from 'node:crypto';
import {startEmulator, type Plan, type RunningEmulator} from 'metabase-embed-emulator';
import type {DemoContent} from './content.js';
import {emulatorContent} from './emulator-content.js';
import {startHostApp, type HostAppTuning} from './host-app.js';
import {checkDemoHost, DEFAULT_HOST} from './hosts.js';
import {realMetabaseFromEnv, type Env, type MetabaseTarget} from './metabase-env.js';

// What the demo's pages and log answer, for the tests that start it (they import this file only).
export type {DemoContent} from './content.js';
export type {DemoLogEntry} from './host-app.js';
export type {DemoUser} from './session.js';

export interface StartDemoOptions extends HostAppTuning {
  /** Interface for both servers (default 127.0.0.1: loopback only; 0.0.0.0 and :: are refused). */
  host?: string;
  /** Host app port; 0 picks any free port (default: 3000, or the next free one up to 3019). */
  port?: number;
  /** Read for METABASE_* (see the README); default process.env. */
  env?: Env;
  /**
   * One clock for the token signer and the emulator the demo starts (default: the real
   * one), so a test that moves it moves both; a real Metabase keeps its own.
   */
  now?: () => Date;
  /**
   * The plan the demo's emulator emulates (default "pro", so that the locale, font and
   * download controls show a difference; "oss": open-source Metabase, with its "Powered by
   * Metabase" banner and those options ignored). No effect on a real Metabase.
   */
  emulatorPlan?: Plan;
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

/** The Metabase to embed: the one the environment names, else a fresh emulator. */
async function metabaseToEmbed(
  env: Env,
  host: string,
  plan: Plan,
  now?: () => Date,
): Promise<
  Omit<MetabaseTarget, 'secretKey'> & {
    secretKey: string | (() => string);
    regenerateSecret?: () => void;
    emulator?: RunningEmulator;
  }
> {
  const real = realMetabaseFromEnv(env);
  if (real) return real;
  // A fresh key each start: it lives only in this process and the emulator.
  let secretKey = randomBytes(32).toString('hex');
  const emulator = await startEmulator({host, port: 0, secretKey, plan, ...(now && {now: () => now().getTime()})});
  // "Regenerate key": the emulator refuses the old key at once; the signer reads the new one.
  const regenerateSecret = () => {
    const next = randomBytes(32).toString('hex');
    emulator.setSecretKey(next);
    secretKey = next;
  };
  return {
    siteUrl: emulator.url,
    secretKey: () => secretKey,
    regenerateSecret,
    content: emulatorContent(emulator.url, plan),
    emulator,
  };
}

export async function startDemo(options: StartDemoOptions = {}): Promise<Demo> {
  const {host = DEFAULT_HOST, port, env = process.env, emulatorPlan = 'pro', ...tuning} = options;
  checkDemoHost(host);
  const {emulator, ...metabase} = await metabaseToEmbed(env, host, emulatorPlan, tuning.now);
  try {
    const app = await startHostApp({...tuning, ...metabase, host, ports: port === undefined ? DEFAULT_PORTS : [port]});
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
