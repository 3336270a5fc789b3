// The message for a token request that failed before any answer arrived. Browsers give a
// script no reason (just "Failed to fetch" or "NetworkError…"), and for an endpoint on another
// origin the usual one is CORS: the message then says so, and what the endpoint must send.

/** `Could not reach the endpoint …`, with the CORS hint when the endpoint is on another origin than the page. */
export function unreachableMessage(
  endpoint: string,
  pageOrigin: string | undefined,
  credentials: 'same-origin' | 'include',
  cause: string,
): string {
  const message = `Could not reach the endpoint ${endpoint} (${cause}).`;
  const endpointOrigin = originOf(endpoint);
  if (pageOrigin === undefined || endpointOrigin === undefined || endpointOrigin === pageOrigin) return message;
  const credentialsHeader = credentials === 'include' ? ' and Access-Control-Allow-Credentials: true' : '';
  return (
    `${message} It is on another origin than this page (${pageOrigin}), so CORS is the likely cause: ` +
    `the endpoint must answer the preflight OPTIONS and the POST with Access-Control-Allow-Origin: ` +
    `${pageOrigin}${credentialsHeader} (metabase-embed/server: list ${pageOrigin} in allowedOrigins).`
  );
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
