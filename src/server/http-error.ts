// An answer the handler gives on purpose (4xx), as opposed to a failure it reports as 500.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
