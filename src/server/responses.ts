// Every answer is JSON and never cached: a token is a short-lived credential.

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Response {
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
