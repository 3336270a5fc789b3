// Mounts a listener on the test runner's own HTTP server, ahead of the dev server: Koa
// composes its middleware when the server is created, so a plugin cannot app.use() later,
// and answering here also keeps the dev server's caching and transforms off the answers.
import type {EventEmitter} from 'node:events';
import type {IncomingMessage, ServerResponse} from 'node:http';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Requests for which `owns(req)` is true go to `listener`; all others go on to the dev server untouched. */
export function answerAheadOfDevServer(
  server: EventEmitter,
  owns: (req: IncomingMessage) => boolean,
  listener: Listener,
): void {
  const devServer = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (owns(req)) listener(req, res);
    else for (const next of devServer) next(req, res);
  });
}
