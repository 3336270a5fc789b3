// One HTTP/1.1 request written as raw bytes on a TCP socket, for request lines fetch would
// refuse or normalise (TRACE, `//[`, `*`, absolute-form targets). Reads until the server
// closes (the request says `Connection: close`).
import {connect} from 'node:net';

export interface RawAnswer {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Map<string, string>;
  body: string;
}

export function rawRequest(origin: string, method: string, target: string): Promise<RawAnswer> {
  const {hostname, port} = new URL(origin);
  const head = `${method} ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect({host: hostname, port: Number(port)});
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = text.slice(0, split < 0 ? text.length : split).split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
      const headers = new Map<string, string>();
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const body = split < 0 ? '' : Buffer.from(text.slice(split + 4), 'latin1').toString('utf8');
      resolve({status, headers, body});
    });
    socket.write(head, 'latin1');
  });
}
