// loading="lazy": nothing is asked for until the element comes within 200 px of the
// viewport. Once near, it stays near (the embed is not unloaded when scrolled away).
import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';

const lazyMargin = '200px';

export class LazyController implements ReactiveController {
  /** The element has been within the margin of the viewport. */
  near = false;
  #observer: IntersectionObserver | undefined;

  readonly #host: ReactiveControllerHost & Element;
  readonly #onNear: () => void;

  constructor(host: ReactiveControllerHost & Element, onNear: () => void) {
    this.#host = host;
    this.#onNear = onNear;
    host.addController(this);
  }

  /** Starts watching (idempotent); call while lazy and not yet near. */
  watch(): void {
    if (this.near || this.#observer) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.near = true;
        this.#stop();
        this.#onNear();
      },
      {rootMargin: lazyMargin},
    );
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #stop(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
