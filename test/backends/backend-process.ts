// Starts one of the demo's token endpoints in another language (demo/backends/) as a child
// process on 127.0.0.1, and stops it. Used by the Node contract test and by the test
// runner's backends plugin. The secret travels in the child's environment, never in argv.
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {fileURLToPath} from 'node:url';

export const BACKENDS = {
  // Debian's python3, where python3-jwt lives (a python3 earlier on PATH may lack it).
  python: {command: '/usr/bin/python3', file: 'demo/backends/python/embed_server.py'},
  ruby: {command: 'ruby', file: 'demo/backends/ruby/embed_server.rb'},
} as const;

export type BackendName = keyof typeof BACKENDS;
export const BACKEND_NAMES = Object.keys(BACKENDS) as BackendName[];

export const backendPath = (name: BackendName) =>
  fileURLToPath(new URL(`../../${BACKENDS[name].file}`, import.meta.url));

export interface BackendEnv {
  METABASE_SITE_URL: string;
  METABASE_SECRET_KEY: string;
  ALLOWED_ORIGINS?: string;
  EMBED_EXPIRES_IN?: string;
}

export interface RunningBackend {
  name: string;
  /** `http://127.0.0.1:<port>/api/metabase/embed`, as the backend printed it. */
  url: string;
  close(): Promise<void>;
}

/** What each program prints once it listens (the demo's backends and the Embed panel's code). */
const STARTUP_LINE = /^(?:embed|token) endpoint: (http:\/\/127\.0\.0\.1:\d+\/api\/metabase\/embed)$/m;

/** Starts the backend with `PORT=0` and resolves once it prints where it listens. */
export function startBackend(name: BackendName, env: BackendEnv): Promise<RunningBackend> {
  return startProgram(name, BACKENDS[name].command, backendPath(name), env);
}

/** Runs `command file` with `env` and `PORT=0`; resolves once it prints where it listens. */
export async function startProgram<N extends string>(
  name: N,
  command: string,
  file: string,
  env: BackendEnv,
): Promise<RunningBackend & {name: N}> {
  const child = spawn(command, [file], {
    env: {PATH: process.env.PATH, ...env, PORT: '0'},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 15 s: ${errors}`)), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = STARTUP_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before listening: ${errors}`));
    });
  });
  return {
    name,
    url,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs the backend with `env` and resolves with its exit code and stderr (for start-up refusals). */
export async function runBackendToExit(
  name: BackendName,
  env: Partial<BackendEnv>,
): Promise<{code: number | null; stderr: string}> {
  const child = spawn(BACKENDS[name].command, [backendPath(name)], {
    env: {PATH: process.env.PATH, PORT: '0', ...env},
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return {code, stderr};
}
