// A test server that a test-runner plugin starts the first time a test file asks for it, not
// when the run begins: a run of files that never use it neither starts nor imports it.
export interface OnFirstUse<T> {
  /** The running server, started by the first call. */
  get(): Promise<T>;
  /** Stops it if it was started (for the plugin's serverStop). */
  stop(): Promise<void>;
}

export function onFirstUse<T>(start: () => Promise<T>, stop: (running: T) => Promise<unknown>): OnFirstUse<T> {
  let running: Promise<T> | undefined;
  return {
    get: () => (running ??= start()),
    async stop() {
      const started = running;
      running = undefined;
      const result = await started?.then(
        (value) => ({value}),
        () => undefined, // it never ran: nothing to stop (the test that asked saw the error)
      );
      if (result) await stop(result.value);
    },
  };
}
