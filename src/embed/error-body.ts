// The endpoint's own explanation of a refused request (a 4xx): `{"error": "..."}` (our server
// helper's shape), `{"message": "..."}`, or a short text/plain body. The text comes from the
// network, so it is bounded, cleaned of control characters and only ever shown as text.

/** Bodies larger than this are not read: an explanation is a sentence, not a page. */
export const maxErrorBodyBytes = 4096;
/** The longest explanation shown, in characters (code points). */
export const maxExplanationChars = 300;

// C0/C1 controls and the bidirectional overrides/isolates (they can reorder what a reader sees).
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text made safe to show on one line: no controls, whitespace collapsed, bounded. */
export function cleanExplanation(text: string): string | undefined {
  const line = text.replace(unsafe, ' ').replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  const characters = Array.from(line); // never cut a surrogate pair in two
  if (characters.length <= maxExplanationChars) return line;
  return `${characters
    .slice(0, maxExplanationChars - 1)
    .join('')
    .trimEnd()}…`;
}

/** Which kind of body can hold an explanation: JSON, plain text, or neither (HTML, images…). */
export function explanationKind(contentType: string | null): 'json' | 'text' | undefined {
  const mediaType = (contentType ?? '').replace(/;.*/s, '').trim().toLowerCase();
  if (mediaType === 'text/plain') return 'text';
  if (mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType)) return 'json';
  return undefined;
}

/**
 * The explanation in an error body, given its Content-Type: a string `error` (else `message`)
 * of a JSON object, or a text/plain body. Anything else (HTML, malformed JSON) is undefined.
 */
export function explainErrorBody(contentType: string | null, body: string): string | undefined {
  const kind = explanationKind(contentType);
  if (kind === 'text') return cleanExplanation(body);
  if (kind !== 'json') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const {error, message} = parsed as {error?: unknown; message?: unknown};
  const text = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
  return text === undefined ? undefined : cleanExplanation(text);
}
