// Throughput of metabase-embed/server, next to baselines measured in the same run:
//   1. signing: signEmbedToken, and the handler's signing path (key imported once), vs
//      jsonwebtoken.sign (what Metabase's reference Node snippet uses);
//   2. the endpoint over loopback HTTP: createEmbedHandler + toNodeHandler vs a bare
//      node:http endpoint that parses JSON and calls jsonwebtoken.sign with no checks
//      (and, as a ceiling, one that answers constant JSON without signing).
// Bounded loops; prints medians and exits. Not a test: it asserts nothing about time.
//
//   npx tsx bench/server/sign.bench.ts
import {createServer, request, Agent, type RequestListener, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import jwt from 'jsonwebtoken';
import {createEmbedHandler, signEmbedToken, toNodeHandler} from '../../src/server/index.js';
import {embedClaims, importSigningKey, signClaims} from '../../src/server/sign.js';

const SECRET = '5b1a0f9c3e7d2a8b6c4f1e0d9a7b3c5e8f2d1a6b4c9e0f3a7d5b2c8e1f4a6d90';
const SITE = 'https://metabase.example.com';
const PARAMS = {category: ['Widget', 'Gizmo'], tenant: 7};
const SIGN_ROUNDS = 5;
const SIGNS_PER_ROUND = 5_000;
const HTTP_ROUNDS = 3;
const REQUESTS_PER_ROUND = 3_000;
const IN_FLIGHT = 16;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function perSecond(rounds: number, perRound: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < perRound / 10; i++) await run(); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) await run();
    rates.push(perRound / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

async function benchSigning(): Promise<[string, number][]> {
  const now = () => Math.floor(Date.now() / 1000);
  const key = await importSigningKey(SECRET);
  const resource = {type: 'dashboard', id: 12} as const;
  return [
    [
      'signEmbedToken (validates, imports the key per call)',
      await perSecond(SIGN_ROUNDS, SIGNS_PER_ROUND, () =>
        signEmbedToken({secretKey: SECRET, resource: {dashboard: 12}, params: PARAMS}),
      ),
    ],
    [
      "handler's signing path (key imported once)",
      await perSecond(SIGN_ROUNDS, SIGNS_PER_ROUND, () => signClaims(embedClaims(resource, PARAMS, 600, now()), key)),
    ],
    [
      'baseline: jsonwebtoken.sign',
      await perSecond(SIGN_ROUNDS, SIGNS_PER_ROUND, async () =>
        jwt.sign({resource: {dashboard: 12}, params: PARAMS, iat: now(), exp: now() + 600}, SECRET),
      ),
    ],
  ];
}

/** The ten-line endpoint of Metabase's snippet: no policy, no limits, no checks. */
const bareEndpoint: RequestListener = (req, res) => {
  let text = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  req.on('end', () => {
    const {resource, params} = JSON.parse(text) as {resource: {dashboard: number}; params: object};
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = jwt.sign({resource, params, exp}, SECRET);
    res.writeHead(200, {'Content-Type': 'application/json'});
    res.end(JSON.stringify({url: `${SITE}/embed/dashboard/${token}`, token, expiresAt: exp}));
  });
};

/** How fast this loopback setup can go at all: read the body, answer constant JSON. */
const fixedAnswer: RequestListener = (req, res) => {
  req.resume().on('end', () => {
    res.writeHead(200, {'Content-Type': 'application/json'});
    res.end('{"url":"","token":"","expiresAt":0}');
  });
};

const ourEndpoint = toNodeHandler(
  createEmbedHandler<{tenantId: number}>({
    siteUrl: SITE,
    secretKey: SECRET,
    resources: {'dashboard:12': {editable: ['category'], locked: (context) => ({tenant: context.tenantId})}},
  }),
  () => ({tenantId: 7}),
);

async function listen(listener: RequestListener): Promise<{server: Server; port: number}> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {server, port: (server.address() as AddressInfo).port};
}

function postOnce(agent: Agent, port: number, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {agent, host: '127.0.0.1', port, method: 'POST', path: '/embed', headers: {'Content-Type': 'application/json'}},
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
        res.resume().on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function requestsPerSecond(listener: RequestListener): Promise<number> {
  const {server, port} = await listen(listener);
  const agent = new Agent({keepAlive: true, maxSockets: IN_FLIGHT});
  const body = JSON.stringify({resource: {dashboard: 12}, params: {category: ['Widget', 'Gizmo']}});
  // IN_FLIGHT clients in parallel; each `run` below is one batch of IN_FLIGHT requests.
  const batch = () => Promise.all(Array.from({length: IN_FLIGHT}, () => postOnce(agent, port, body)));
  try {
    return IN_FLIGHT * (await perSecond(HTTP_ROUNDS, REQUESTS_PER_ROUND / IN_FLIGHT, batch));
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Rows are [name, rate]; the row named "baseline: …" is the 1.00× reference. */
function print(title: string, rows: [string, number][], unit: string) {
  console.log(`\n${title}`);
  const baseline = rows.find(([name]) => name.startsWith('baseline'))![1];
  for (const [name, rate] of rows) {
    console.log(
      `  ${name.padEnd(62)} ${Math.round(rate).toLocaleString('en-US').padStart(8)} ${unit}  (${(rate / baseline).toFixed(2)}× baseline)`,
    );
  }
}

console.log(
  `Node ${process.version}, medians of ${SIGN_ROUNDS} × ${SIGNS_PER_ROUND} signatures and ${HTTP_ROUNDS} × ${REQUESTS_PER_ROUND} requests (${IN_FLIGHT} in flight, keep-alive)`,
);
print('Signing', await benchSigning(), 'tokens/s');
print(
  'Endpoint over loopback HTTP',
  [
    ['createEmbedHandler + toNodeHandler (policy, limits, resolver)', await requestsPerSecond(ourEndpoint)],
    ['baseline: bare node:http + jsonwebtoken.sign', await requestsPerSecond(bareEndpoint)],
    ['ceiling: node:http answering fixed JSON, no signing', await requestsPerSecond(fixedAnswer)],
  ],
  'requests/s',
);
