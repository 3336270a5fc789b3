// Metabase's embedding secret is exactly 64 hexadecimal characters ("a hexadecimal-encoded
// 256-bit key"), yet it signs with the string's UTF-8 bytes, never the decoded 32 bytes.

const SECRET_PATTERN = /^[0-9a-fA-F]{64}$/;

/**
 * Throws a clear error unless `secretKey` is a 64-character hexadecimal string; `name` is
 * how the caller spelled it (`secretKey`, `--secret`). Never echoes the value.
 */
export function assertSecretKey(secretKey: unknown, name = 'secretKey'): asserts secretKey is string {
  if (typeof secretKey !== 'string' || secretKey.length === 0) {
    throw new TypeError(`${name} is required: the 64-character hexadecimal embedding secret key.`);
  }
  if (!SECRET_PATTERN.test(secretKey)) {
    throw new TypeError(
      `${name} must be exactly 64 hexadecimal characters (0-9, a-f); got ${secretKey.length} characters` +
        (/^[0-9a-fA-F]*$/.test(secretKey) ? '.' : ' including non-hexadecimal ones.'),
    );
  }
}

/** The HMAC key Metabase uses: the hex string's own UTF-8 bytes (64 bytes). */
export function hmacKey(secretKey: string): Uint8Array {
  return new TextEncoder().encode(secretKey);
}
