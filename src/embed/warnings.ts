// Console warnings about attribute values: each is logged once, and again only after its
// attribute changes (a warning on every update would drown the console).

/** Messages name their attribute first, in quotes: `"theme" must be one of …`. */
export class AttributeWarnings {
  readonly #logged = new Set<string>();
  readonly #log: (message: string) => void;

  constructor(log: (message: string) => void) {
    this.#log = log;
  }

  readonly warn = (message: string): void => {
    if (this.#logged.has(message)) return;
    this.#logged.add(message);
    this.#log(message);
  };

  /** The attribute changed: its warnings may be logged again. */
  forget(attribute: string): void {
    for (const message of this.#logged) if (message.startsWith(`"${attribute}"`)) this.#logged.delete(message);
  }
}
