// Every answer is JSON and never cached: a token is a short-lived credential.

export function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

export function errorResponse(status: number, message: string, headers?: Readonly<Record<string, string>>): Response {
  return jsonResponse(status, {error: message}, headers);
}

/** The body of every 500: what failed is for `onError`, not for the browser. */
export const INTERNAL_ERROR_MESSAGE = 'The server could not create an embed token';

export function internalErrorResponse(): Response {
  return errorResponse(500, INTERNAL_ERROR_MESSAGE);
}
