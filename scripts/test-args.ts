// The command line of `npm test` (scripts/test.ts): known flags only, engines by name, and
// test files that exist. Anything else is refused with what is allowed.
import {existsSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {engineNames, type EngineName} from '../support/browsers.js';
import {isTestFile} from './test-files.js';

export const usage = `Usage: npm test -- [flags] [test files]
  --node-only            only the Node test files (*.node.test.ts)
  --browser-only         only the browser test files (the other *.test.ts)
  --browsers=a,b         only these engines, of ${engineNames.join(', ')} (default: all)
  --watch                browser files in watch mode, in one engine (the first of --browsers)
  test files             only these files (default: every test file under test/ and the workspaces' test/)`;

export interface TestOptions {
  nodeOnly: boolean;
  browserOnly: boolean;
  watch: boolean;
  engines: EngineName[];
  files: string[];
}

const isEngine = (name: string): name is EngineName => (engineNames as readonly string[]).includes(name);

/** The options in `args`; throws an Error that says what is wrong with them. */
export function parseTestArgs(args: string[]): TestOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'node-only': {type: 'boolean', default: false},
        'browser-only': {type: 'boolean', default: false},
        browsers: {type: 'string'},
        watch: {type: 'boolean', default: false},
      },
    });
  } catch (error) {
    // node's own message suggests `--` for positionals, which is no help here.
    const {code, message} = error as {code?: string; message: string};
    const flag = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`unknown flag: ${flag}`, {cause: error});
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new Error(
        message.includes('does not take') ? `${flag} takes no value` : `${flag} needs a value: ${flag}=…`,
        {cause: error},
      );
    throw error;
  }
  const {values, positionals} = parsed;
  if (values['node-only'] && values['browser-only'])
    throw new Error('--node-only and --browser-only exclude each other');
  const engines = (values.browsers ?? engineNames.join(',')).split(',').filter(Boolean);
  const unknown = engines.filter((name) => !isEngine(name));
  if (unknown.length > 0 || engines.length === 0)
    throw new Error(
      `--browsers: ${unknown.length ? `"${unknown.join(', ')}" is not` : 'name at least'} one of ${engineNames.join(', ')}`,
    );
  for (const file of positionals) {
    if (!existsSync(file)) throw new Error(`no such test file: ${file}`);
    if (!isTestFile(file)) throw new Error(`not a test file (their names end in .test.ts): ${file}`);
  }
  return {
    nodeOnly: values['node-only'],
    browserOnly: values['browser-only'],
    watch: values.watch,
    engines: engines.filter(isEngine),
    files: positionals,
  };
}
