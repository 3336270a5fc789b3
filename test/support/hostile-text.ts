// Text made to break out of HTML text, attributes and scripts; an `alert` would mark a success.
// Shared by the browser tests and the hardening plugin's hostile emulator content.
export const HOSTILE_TEXT = `"'><img src=x onerror="alert(1)"></script><script>alert(2)</script>&amp;#`;
