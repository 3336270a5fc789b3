// Command-line arguments of `metabase-embed-emulator`. Pure: returns options or a usage error.
import {isPlan, type Plan} from '../rules/plan.js';
import {MAX_CARD_DELAY_MS} from './card-delay.js';

export const USAGE = `Usage: metabase-embed-emulator --secret <64 hex characters> [--port 3000] [--host 127.0.0.1] [--content file.json]

  --secret   the embedding secret key tokens are signed with (or set METABASE_SECRET_KEY)
  --port     port to listen on (default 3000; 0 picks a free one)
  --host     interface to bind (default 127.0.0.1, loopback only)
  --content  JSON file with items and tables replacing the built-in sample content
  --plan     oss (default): open-source Metabase, with the "Powered by Metabase" banner and
             the paid-only hash options font, downloads and locale ignored; pro: a paid plan
  --card-delay  milliseconds over which card queries answer, one card after another
             (default 0: at once), to watch a page draw its cards as a busy Metabase does`;

export interface CliOptions {
  help: boolean;
  port: number;
  host: string;
  secretKey: string | undefined;
  contentFile: string | undefined;
  plan: Plan;
  cardDelayMs: number;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FLAGS = ['--port', '--host', '--secret', '--content', '--plan', '--card-delay'] as const;

export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): CliOptions {
  const values = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!; // i < argv.length
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (!(FLAGS as readonly string[]).includes(flag)) throw new UsageError(`Unknown argument "${flag}".`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`${flag} needs a value.`);
    values.set(flag, value);
  }
  const portText = values.get('--port') ?? '3000';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new UsageError(`--port must be a number from 0 to 65535 (got "${portText}").`);
  const plan = values.get('--plan') ?? 'oss';
  if (!isPlan(plan)) throw new UsageError(`--plan must be "oss" or "pro" (got "${plan}").`);
  const delayText = values.get('--card-delay') ?? '0';
  const cardDelayMs = /^\d{1,6}$/.test(delayText) ? Number(delayText) : NaN;
  if (!(cardDelayMs <= MAX_CARD_DELAY_MS))
    throw new UsageError(
      `--card-delay must be a whole number of milliseconds from 0 to ${MAX_CARD_DELAY_MS} (got "${delayText}").`,
    );
  return {
    help,
    port,
    host: values.get('--host') ?? '127.0.0.1',
    secretKey: values.get('--secret') ?? (env.METABASE_SECRET_KEY || undefined),
    contentFile: values.get('--content'),
    plan,
    cardDelayMs,
  };
}
