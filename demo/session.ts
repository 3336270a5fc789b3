// The demo's pretend sign-in: one user per tenant, chosen with the "signed in as" control.
// The session id is random and lives in an HttpOnly cookie; the user (and so the tenant)
// is looked up on the server, so a visitor can only be one of the demo's users.
import {randomBytes} from 'node:crypto';

export interface DemoUser {
  id: string;
  name: string;
  tenant: {name: string; value: string | number};
}

export const SESSION_COOKIE = 'demo_session';
// Every first visit starts a session; the oldest are forgotten so the map cannot grow forever.
const MAX_SESSIONS = 1000;

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    const name = pair.slice(0, separator).trim();
    if (name && !cookies.has(name)) cookies.set(name, pair.slice(separator + 1).trim());
  }
  return cookies;
}

export class SessionStore {
  readonly #users: ReadonlyMap<string, DemoUser>;
  readonly #sessions = new Map<string, DemoUser>();

  constructor(users: readonly DemoUser[]) {
    if (users.length === 0) throw new Error('The demo needs at least one user.');
    this.#users = new Map(users.map((user) => [user.id, user]));
  }

  get users(): DemoUser[] {
    return [...this.#users.values()];
  }

  get defaultUser(): DemoUser {
    const [first] = this.#users.values();
    if (!first) throw new Error('the demo has no users');
    return first;
  }

  findUser(id: unknown): DemoUser | undefined {
    return typeof id === 'string' ? this.#users.get(id) : undefined;
  }

  /** Starts a session for `user` and returns the Set-Cookie value that carries it. */
  signIn(user: DemoUser): string {
    const sessionId = randomBytes(18).toString('base64url');
    this.#sessions.set(sessionId, user);
    if (this.#sessions.size > MAX_SESSIONS) this.#sessions.delete(this.#sessions.keys().next().value!);
    return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`;
  }

  userFromCookies(cookieHeader: string | undefined): DemoUser | undefined {
    const sessionId = parseCookies(cookieHeader).get(SESSION_COOKIE);
    return sessionId === undefined ? undefined : this.#sessions.get(sessionId);
  }
}
