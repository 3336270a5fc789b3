// Shared by the server tests: a fixed secret, independent verifiers (jsonwebtoken and
// Debian's PyJWT), and a loopback HTTP server.
import {spawnSync} from 'node:child_process';
import {createServer, type RequestListener} from 'node:http';
import type {AddressInfo} from 'node:net';
import jwt from 'jsonwebtoken';

/** A secret in Metabase's format (64 hex characters). */
export const SECRET = '5b1a0f9c3e7d2a8b6c4f1e0d9a7b3c5e8f2d1a6b4c9e0f3a7d5b2c8e1f4a6d90';
export const SITE = 'https://metabase.example.com';
/** 2026-01-02T03:04:05Z, whole seconds. */
export const FIXED_NOW = new Date('2026-01-02T03:04:05Z');
export const FIXED_NOW_SECONDS = FIXED_NOW.getTime() / 1000;

/** Verifies with jsonwebtoken, given the secret as a plain string (Metabase's Node snippet). */
export function verifyWithJsonwebtoken(token: string, secret = SECRET, ignoreExpiration = false) {
  return jwt.verify(token, secret, {algorithms: ['HS256'], ignoreExpiration}) as jwt.JwtPayload;
}

export type PyJwtResult =
  {ok: true; claims: Record<string, unknown>; header: Record<string, unknown>} | {ok: false; error: string};

const PYJWT_SCRIPT = `
import json, sys, jwt
data = json.load(sys.stdin)
out = []
for token in data["tokens"]:
    try:
        claims = jwt.decode(token, data["secret"], algorithms=["HS256"],
                            options={"verify_exp": data["verifyExp"]})
        out.append({"ok": True, "claims": claims, "header": jwt.get_unverified_header(token)})
    except Exception as error:
        out.append({"ok": False, "error": type(error).__name__})
print(json.dumps(out))
`;

/**
 * Verifies with PyJWT under Debian's /usr/bin/python3 (the python3 on PATH may lack jwt),
 * the secret passed as a str. The secret travels on stdin, not argv.
 */
export function verifyWithPyJwt(tokens: string[], secret = SECRET, verifyExp = true): PyJwtResult[] {
  const run = spawnSync('/usr/bin/python3', ['-c', PYJWT_SCRIPT], {
    input: JSON.stringify({tokens, secret, verifyExp}),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`PyJWT run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PyJwtResult[];
}

/** Decodes a JWT's payload without checking it (to read claims signed at a fixed time). */
export function decodePayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export interface LoopbackServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `listener` on 127.0.0.1 at a free port. */
export async function listenOnLoopback(listener: RequestListener): Promise<LoopbackServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Runs `test` against a fresh loopback server, and closes it whatever happens. */
export async function withLoopbackServer(
  listener: RequestListener,
  test: (origin: string) => Promise<void>,
): Promise<void> {
  const server = await listenOnLoopback(listener);
  try {
    await test(server.origin);
  } finally {
    await server.close();
  }
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** POSTs `body` (JSON-encoded unless a string) and reads the JSON answer. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return readAnswer(response);
}

export async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  return {status: response.status, headers: response.headers, text, body: JSON.parse(text) as Record<string, unknown>};
}
