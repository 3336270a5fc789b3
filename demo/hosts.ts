// Which interface the demo binds to, and the origins a browser may send for it. Pure.
import {isIPv4, isIPv6} from 'node:net';
import {originOf} from '../support/http.js';

export const DEFAULT_HOST = '127.0.0.1';

/** The names a browser on this machine may use for a loopback server. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.includes(host.toLowerCase()) || (isIPv4(host) && host.startsWith('127.'));
}

/** 0.0.0.0 or :: (in any spelling): every interface, an address no browser can open. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || (isIPv6(host) && /^[0:]+$/.test(host));
}

/**
 * The other origins of a loopback server: opening `localhost` instead of the printed
 * `127.0.0.1` must not make the token endpoint answer 403. Exact origins with the port,
 * never a pattern; none for a server on any other address.
 */
export function loopbackAliases(host: string, port: number): string[] {
  if (!isLoopbackHost(host)) return [];
  const own = originOf(host, port);
  return LOOPBACK_NAMES.map((name) => originOf(name, port)).filter((origin) => origin !== own);
}

/** Refuses a wildcard host: the URLs the demo prints and the origin it allows would not work. */
export function checkDemoHost(host: string): void {
  if (isWildcardHost(host)) {
    throw new Error(
      `The demo does not listen on "${host}" (every interface): the URL it prints, the emulator address in ` +
        'every embed and the one origin its token endpoint allows would all be that address, which no other ' +
        `machine can open. Use ${DEFAULT_HOST} (the default), or this machine's own network address to show it to others.`,
    );
  }
}
