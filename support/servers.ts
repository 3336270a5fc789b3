// Browser-side lookup of the loopback servers that test-runner plugins start
// (see plugins.ts). Each plugin answers `GET /__servers/<name>.json` with what tests
// need to reach it, e.g. `{"origin": "http://127.0.0.1:41234"}`.
export async function testServer<T extends {origin: string}>(name: string): Promise<T> {
  const response = await fetch(`/__servers/${name}.json`);
  if (!response.ok) throw new Error(`No test server "${name}" (is its plugin in test/support/plugins.ts?)`);
  return (await response.json()) as T;
}
