// Attributes Lit cannot declare up front: `param-<slug>` (any slug, added or removed at run
// time) and the global `title`. A MutationObserver on the host reports them while connected;
// changes made while disconnected are read afresh on reconnect.
import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';

export class AttributeWatchController implements ReactiveController {
  #observer?: MutationObserver;
  readonly #host: ReactiveControllerHost & Element;
  readonly #matches: (name: string) => boolean;
  readonly #onChange: (names: Set<string>) => void;

  constructor(
    host: ReactiveControllerHost & Element,
    matches: (name: string) => boolean,
    onChange: (names: Set<string>) => void,
  ) {
    this.#host = host;
    this.#matches = matches;
    this.#onChange = onChange;
    host.addController(this);
  }

  // Created on connect, not in the constructor: server-side rendering constructs elements
  // without a DOM.
  hostConnected(): void {
    this.#observer ??= new MutationObserver((records) => {
      const names = new Set(records.map((record) => record.attributeName ?? '').filter(this.#matches));
      if (names.size > 0) this.#onChange(names);
    });
    this.#observer.observe(this.#host, {attributes: true});
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
