// The Embed panel's server code, run as written: each program is written to a temporary
// folder and started (node, Debian's python3, ruby) against the emulator; the element's
// request gets a token the emulator accepts, with the chosen values and lifetime, and a
// filter the page may not set is refused.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, mkdir, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {EmbedChoices} from '../../demo/client/embed-panel-choices.js';
import {serverCode, type ServerLanguage} from '../../demo/client/embed-panel-server-code.js';
import {startEmulator, type RunningEmulator} from '../../emulator/src/index.js';
import {decodePayload, SECRET, verifyWithJsonwebtoken} from '../server/support.js';
import {startProgram, type RunningBackend} from './backend-process.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const PROGRAMS: Record<Exclude<ServerLanguage, 'clojure'>, {command: string; file: string}> = {
  node: {command: process.execPath, file: 'embed-endpoint.mjs'},
  // Debian's python3, where python3-jwt lives.
  python: {command: '/usr/bin/python3', file: 'embed_endpoint.py'},
  ruby: {command: 'ruby', file: 'embed_endpoint.rb'},
};

const dashboardChoices: EmbedChoices = {
  resource: {type: 'dashboard', id: 1},
  endpoint: '/api/metabase/embed',
  filters: [
    {slug: 'category', mode: 'page', value: 'Gizmo'},
    {slug: 'created_at', mode: 'server', value: '2024-01-01~2024-03-31'},
  ],
  session: {slug: 'tenant', example: 'Globex'},
  appearance: {theme: 'night', bordered: true, titled: true, downloads: true},
  expiresIn: 120,
};

const questionChoices: EmbedChoices = {
  ...dashboardChoices,
  resource: {type: 'question', id: 'MonthlyRevenueQ000301'},
  filters: [{slug: 'category', mode: 'server', value: ''}],
  expiresIn: 900,
};

let emulator: RunningEmulator;
let folder: string;

before(async () => {
  emulator = await startEmulator({secretKey: SECRET});
  folder = await mkdtemp(join(tmpdir(), 'embed-panel-code-'));
  // `metabase-embed/server` resolves to this repository's build, as after `npm install metabase-embed`.
  await mkdir(join(folder, 'node_modules'));
  await symlink(repoRoot, join(folder, 'node_modules', 'metabase-embed'), 'dir');
});

after(async () => {
  await emulator?.close();
  if (folder) await rm(folder, {recursive: true, force: true});
});

function post(url: string, body: unknown) {
  return fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
}

async function run(language: keyof typeof PROGRAMS, choices: EmbedChoices, name: string): Promise<RunningBackend> {
  const {command, file} = PROGRAMS[language];
  const path = join(folder, `${name}-${file}`);
  await writeFile(path, serverCode(language, choices));
  return startProgram(language, command, path, {METABASE_SITE_URL: emulator.url, METABASE_SECRET_KEY: SECRET});
}

for (const language of Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[]) {
  describe(`the panel's ${language} code, run as written`, () => {
    test('signs the dashboard with the page value, the locked values and the lifetime; the emulator shows it', async () => {
      const program = await run(language, dashboardChoices, 'dashboard');
      try {
        const answer = await post(program.url, {resource: {dashboard: 1}, params: {category: 'Gizmo'}});
        assert.equal(answer.status, 200);
        const {url, token, expiresAt} = (await answer.json()) as {url: string; token: string; expiresAt: number};
        assert.equal(url, `${emulator.url}/embed/dashboard/${token}`);
        const claims = verifyWithJsonwebtoken(token);
        assert.deepEqual(claims['params'], {category: 'Gizmo', tenant: 'Globex', created_at: '2024-01-01~2024-03-31'});
        assert.equal(Number(claims.exp) - Number(claims.iat), 120);
        assert.equal(expiresAt, claims.exp);

        const dashboard = await fetch(`${emulator.url}/api/embed/dashboard/${token}`);
        assert.equal(dashboard.status, 200, await dashboard.clone().text());
        const {dashcards} = (await dashboard.json()) as {dashcards: {id: number; card: {id: number}}[]};
        const card = await fetch(
          `${emulator.url}/api/embed/dashboard/${token}/dashcard/${dashcards[0]!.id}/card/${dashcards[0]!.card.id}`,
        );
        assert.equal(card.status, 202, await card.clone().text());

        const refused = await post(program.url, {resource: {dashboard: 1}, params: {tenant: 'Acme'}});
        assert.equal(refused.status, 400, 'the page may not set the tenant');
        assert.equal((await post(program.url, {resource: {dashboard: 2}})).status, 403, 'nor another item');
        const form = await fetch(program.url, {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: '{}'});
        assert.equal(form.status, 415);
      } finally {
        await program.close();
      }
    });

    test('signs the question with "no filter" ([]) locked and a 900 s lifetime', async () => {
      const program = await run(language, questionChoices, 'question');
      try {
        const answer = await post(program.url, {resource: {question: 'MonthlyRevenueQ000301'}, params: {}});
        assert.equal(answer.status, 200);
        const {token} = (await answer.json()) as {token: string};
        assert.deepEqual(decodePayload(token)['params'], {tenant: 'Globex', category: []});
        const card = await fetch(`${emulator.url}/api/embed/card/${token}/query`);
        assert.equal(card.status, 202, await card.clone().text());
        const claims = verifyWithJsonwebtoken(token);
        assert.equal(Number(claims.exp) - Number(claims.iat), 900);
      } finally {
        await program.close();
      }
    });
  });
}
