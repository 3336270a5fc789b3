// For Node tests that drive the emulator (its own and the element's server's): a running
// emulator and tokens signed with jsonwebtoken, a library independent of both the emulator
// and our own signer.
import jwt from 'jsonwebtoken';
import {
  startEmulator,
  type EmulatorContent,
  type EmulatorOptions,
  type RunningEmulator,
} from '../emulator/src/index.js';

/** A throwaway 64-hex secret, used as its UTF-8 bytes like Metabase does. */
export const TEST_SECRET = '0123456789abcdef'.repeat(4);

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function sign(payload: object, options: jwt.SignOptions = {}, secret: jwt.Secret = TEST_SECRET): string {
  return jwt.sign(payload, secret, {algorithm: 'HS256', noTimestamp: true, ...options});
}

/** A token for the sample sales dashboard, locked to a tenant, valid for ten minutes. */
export function dashboardToken(claims: Record<string, unknown> = {}): string {
  return sign({resource: {dashboard: 1}, params: {tenant: 'Acme'}, exp: nowSeconds() + 600, ...claims});
}

export function questionToken(claims: Record<string, unknown> = {}): string {
  return sign({resource: {question: 302}, params: {tenant: 'Acme'}, exp: nowSeconds() + 600, ...claims});
}

export interface Answer {
  status: number;
  type: string;
  text: string;
  headers: Headers;
}

export class TestEmulator {
  private constructor(private readonly running: RunningEmulator) {}

  static async start(
    content?: EmulatorContent,
    options: Omit<EmulatorOptions, 'secretKey' | 'content'> = {},
  ): Promise<TestEmulator> {
    return new TestEmulator(await startEmulator({secretKey: TEST_SECRET, ...options, ...(content ? {content} : {})}));
  }

  get url(): string {
    return this.running.url;
  }

  async get(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${this.running.url}${path}`, init);
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text: await response.text(),
      headers: response.headers,
    };
  }

  // Untyped by default, as in the tests that call it: they pin answers with deepEqual.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async json<T = any>(path: string): Promise<{status: number; body: T}> {
    const answer = await this.get(path);
    if (!answer.type.startsWith('application/json'))
      throw new Error(`Expected JSON from ${path}, got ${answer.status} ${answer.type}: ${answer.text}`);
    return {status: answer.status, body: JSON.parse(answer.text) as T};
  }

  setSecretKey(secretKey: string): void {
    this.running.setSecretKey(secretKey);
  }

  close(): Promise<void> {
    return this.running.close();
  }
}

/** `?parameters=<json>` as the embed page sends it. */
export const parameters = (values: Record<string, unknown>) =>
  `?parameters=${encodeURIComponent(JSON.stringify(values))}`;

export const dashcardPath = (token: string, dashcardId = 6, cardId = 106) =>
  `/api/embed/dashboard/${token}/dashcard/${dashcardId}/card/${cardId}`;
