// The Python and Ruby equivalents of embedAttributes (demo/backends/): a page's first token
// through the same allow-list and locked values as their endpoints, rendered by a Jinja-like
// escape (Python) and by an ERB template (Ruby), and checked with jsonwebtoken.
import {spawnSync} from 'node:child_process';
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {SECRET, SITE, verifyWithJsonwebtoken} from '../server/support.js';

const settings = {site_url: SITE, secret_key: SECRET, expires_in: 300};

/** Runs `code` in a backend's folder with the settings on stdin. */
function run(command: string, flag: string, folder: string, code: string) {
  const result = spawnSync(command, [flag, code], {
    cwd: `demo/backends/${folder}`,
    input: JSON.stringify(settings),
    encoding: 'utf8',
  });
  return {code: result.status, out: result.stdout, err: result.stderr};
}
const python = (code: string) => run('/usr/bin/python3', '-c', 'python', code);
const ruby = (code: string) => run('ruby', '-e', 'ruby', code);

/** The tag each backend renders for dashboard 1, category Gizmo <&>, as ada (tenant Acme). */
const templates = {
  python: python(`
import json, sys
from embed_server import embed_attributes, html_attributes
settings = json.load(sys.stdin)
attributes = embed_attributes(settings, {"dashboard": 1}, {"category": "Gizmo <&>"}, {"tenant": "Acme"})
print('<metabase-embed endpoint="/api/metabase/embed" ' + html_attributes(attributes) + '>')
`),
  ruby: ruby(`
require_relative 'embed_server'
settings = JSON.parse($stdin.read, symbolize_names: true)
attributes = EmbedRequest.embed_attributes(settings, { 'dashboard' => 1 }, { 'category' => 'Gizmo <&>' }, { tenant: 'Acme' })
include EmbedRequest
puts ERB.new('<metabase-embed endpoint="/api/metabase/embed" <%= html_attributes(attributes) %>>').result(binding)
`),
};

describe('embed_attributes in the Python and Ruby backends', () => {
  for (const [language, run] of Object.entries(templates)) {
    test(`${language}: the tag carries the resource, the filters as JSON, the site and a token with the locked tenant`, () => {
      assert.equal(run.code, 0, run.err);
      const tag = run.out.trim();
      const match =
        /^<metabase-embed endpoint="\/api\/metabase\/embed" dashboard="1" params="\{&quot;category&quot;:&quot;Gizmo &lt;&amp;&gt;&quot;\}" site-url="https:\/\/metabase\.example\.com" token="([\w-]+\.[\w-]+\.[\w-]+)">$/.exec(
          tag,
        );
      assert.ok(match, tag);
      const claims = verifyWithJsonwebtoken(match[1]!);
      assert.deepEqual(claims.resource, {dashboard: 1});
      assert.deepEqual(claims.params, {category: 'Gizmo <&>', tenant: 'Acme'});
      assert.equal(claims.exp! - claims.iat!, 300);
    });
  }

  test('both refuse what their endpoint refuses: a locked slug from the page, an unlisted item, a document', () => {
    const refusals = {
      python: python(`
import json, sys
from embed_server import embed_attributes, Refusal
settings = json.load(sys.stdin)
for resource, params in [({"dashboard": 1}, {"tenant": "Globex"}), ({"dashboard": 2}, {}), ({"document": 1}, {})]:
    try:
        embed_attributes(settings, resource, params, {"tenant": "Acme"})
    except Refusal as refusal:
        print(refusal.status, refusal.message)
`),
      ruby: ruby(`
require_relative 'embed_server'
settings = JSON.parse($stdin.read, symbolize_names: true)
[[{ 'dashboard' => 1 }, { 'tenant' => 'Globex' }], [{ 'dashboard' => 2 }, {}], [{ 'document' => 1 }, {}]].each do |resource, params|
  EmbedRequest.embed_attributes(settings, resource, params, { tenant: 'Acme' })
rescue Refusal => e
  puts "#{e.status} #{e.message}"
end
`),
    };
    for (const [language, run] of Object.entries(refusals)) {
      assert.equal(run.code, 0, run.err);
      assert.deepEqual(
        run.out.trim().split('\n'),
        [
          '400 Parameter "tenant" cannot be set by the browser for dashboard:1; editable parameters: category, created_at',
          "403 dashboard:2 is not in this server's list of embeddable items",
          // Metabase's static embed serves no document (docs/emulator.md, "Where it differs").
          '400 resource must have exactly one key, "dashboard" or "question"; found "document"',
        ],
        language,
      );
    }
  });
});
