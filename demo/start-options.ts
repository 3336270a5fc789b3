// `npm start`'s options from its flags and environment. Only PORT is read from the
// environment: HOST is set by tcsh and other tools to the machine's name, and must not
// move the demo off loopback unasked.
import {parseArgs} from 'node:util';
import {DEFAULT_HOST} from './hosts.js';
import type {Env} from './metabase-env.js';
import {PLANS, type Plan} from 'metabase-embed-emulator';

export interface StartOptions {
  host: string;
  port?: number;
  /** `--plan oss|pro`: the plan the emulator emulates (startDemo's default: pro). */
  emulatorPlan?: Plan;
}

function parsePort(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535 (0: any free port), got "${value}".`);
  }
  return port;
}

export function startOptions(args: string[], env: Env): StartOptions {
  const {values} = parseArgs({
    args,
    options: {port: {type: 'string'}, host: {type: 'string'}, plan: {type: 'string'}},
  });
  const port = parsePort(values.port, '--port') ?? parsePort(env.PORT, 'PORT');
  const plan = values.plan;
  if (plan !== undefined && !(PLANS as readonly string[]).includes(plan))
    throw new Error(`--plan must be "oss" or "pro", got "${plan}".`);
  return {
    host: values.host ?? DEFAULT_HOST,
    ...(port !== undefined && {port}),
    ...(plan !== undefined && {emulatorPlan: plan as Plan}),
  };
}
