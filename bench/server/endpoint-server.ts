// One token endpoint (by name, see endpoints.ts) on 127.0.0.1, in its own process so the
// load generator does not share its event loop. Prints {"port": N} and serves until its
// stdin closes.
//
//   npx tsx bench/server/endpoint-server.ts "createEmbedHandler"
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {endpoints, type EndpointName} from './endpoints.js';

const name = process.argv[2] as EndpointName;
if (!(name in endpoints)) throw new Error(`endpoint must be one of ${Object.keys(endpoints).join(', ')}, got ${name}`);
const server = createServer(endpoints[name]);
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({port: (server.address() as AddressInfo).port}));
});
process.stdin.resume().on('end', () => {
  server.closeAllConnections();
  server.close();
});
