// The token endpoint for the panel's choices in the server languages of Metabase's own
// panel: Node (metabase-embed/server), Python (http.server + PyJWT), Ruby (WEBrick + jwt)
// and Clojure (Ring + buddy-sign). Each is a whole program that starts with
// METABASE_SITE_URL, METABASE_SECRET_KEY and PORT. Pure functions.
import {pageSlugs, resourceKey, serverLocked, type EmbedChoices} from './embed-panel-choices.js';
import {clojureValue, jsKey, jsValue, quoted, rubyString, rubyValue, type LockedValue} from './embed-panel-literals.js';

export type ServerLanguage = 'node' | 'python' | 'ruby' | 'clojure';

export const SERVER_LANGUAGES: ReadonlyArray<{id: ServerLanguage; label: string}> = [
  {id: 'node', label: 'Node.js'},
  {id: 'python', label: 'Python'},
  {id: 'ruby', label: 'Ruby'},
  {id: 'clojure', label: 'Clojure'},
];

/** The locked values as [slug, source code] pairs: the session's first, then the fixed ones. */
function lockedEntries(choices: EmbedChoices, sessionValue: string, literal: (value: LockedValue) => string) {
  const fixed = Object.entries(serverLocked(choices)).map(([slug, value]) => [slug, literal(value)] as const);
  return choices.session ? [[choices.session.slug, sessionValue] as const, ...fixed] : fixed;
}

const exampleTenant = (choices: EmbedChoices) => choices.session?.example ?? '';
const idLiteral = ({resource}: EmbedChoices) =>
  typeof resource.id === 'number' ? String(resource.id) : quoted(resource.id);

function node(choices: EmbedChoices): string {
  const locked = lockedEntries(choices, 'context.user.tenant', jsValue)
    .map(([slug, value]) => `${jsKey(slug)}: ${value}`)
    .join(', ');
  const editable = pageSlugs(choices).map(quoted).join(', ');
  return `// The token endpoint for <metabase-embed>: npm install metabase-embed
// METABASE_SITE_URL=… METABASE_SECRET_KEY=… PORT=3000 node embed-endpoint.mjs
import {createServer} from 'node:http';
import {createEmbedHandler, toNodeHandler} from 'metabase-embed/server';

// Your session lookup goes here: the signed-in user, or undefined (then 401).
const currentUser = (req) => ({tenant: ${quoted(String(exampleTenant(choices)))}});

const embedEndpoint = toNodeHandler(
  createEmbedHandler({
    resources: {
      ${quoted(resourceKey(choices))}: {
        editable: [${editable}],
        locked: (context) => ({${locked}}),
      },
    },
    authorize: (context) => context.user !== undefined,
    expiresIn: ${choices.expiresIn},
  }),
  (req) => ({user: currentUser(req)}),
);

const server = createServer((req, res) => {
  if (req.url === '/api/metabase/embed') return embedEndpoint(req, res);
  res.writeHead(404).end();
});
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(\`token endpoint: http://127.0.0.1:\${server.address().port}/api/metabase/embed\`);
});
`;
}

function python(choices: EmbedChoices): string {
  const {type} = choices.resource;
  const locked = lockedEntries(choices, 'user["tenant"]', jsValue)
    .map(([slug, value]) => `${quoted(slug)}: ${value}`)
    .join(', ');
  return `# The token endpoint for <metabase-embed>: Python's standard library + PyJWT.
# METABASE_SITE_URL=… METABASE_SECRET_KEY=… PORT=3000 python3 embed_endpoint.py
# Every check of metabase-embed/server: demo/backends/python/embed_server.py
import json
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt  # pip install pyjwt (Debian: python3-jwt)

SITE_URL = os.environ["METABASE_SITE_URL"].rstrip("/")
SECRET_KEY = os.environ["METABASE_SECRET_KEY"]  # used as text, as Metabase does
RESOURCE = {${quoted(type)}: ${idLiteral(choices)}}
EDITABLE = [${pageSlugs(choices).map(quoted).join(', ')}]  # filters the page may set
EXPIRES_IN = ${choices.expiresIn}


def current_user(request):
    return {"tenant": ${quoted(String(exampleTenant(choices)))}}  # your session lookup goes here


def locked_params(user):
    return {${locked}}


def is_value(value):
    scalar = lambda item: isinstance(item, (str, int, float, bool))
    return scalar(value) or (isinstance(value, list) and all(scalar(item) for item in value))


class EmbedEndpoint(BaseHTTPRequestHandler):
    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        if self.path != "/api/metabase/embed":
            return self.reply(404, {"error": "Not found"})
        if self.headers.get_content_type() != "application/json":
            return self.reply(415, {"error": "Content-Type must be application/json"})
        length = int(self.headers.get("Content-Length") or 0)
        if length > 16 * 1024:
            return self.reply(413, {"error": "Request body must be at most 16384 bytes"})
        try:
            body = json.loads(self.rfile.read(length))
            resource, params = body["resource"], body.get("params", {})
        except (ValueError, KeyError, TypeError):
            return self.reply(400, {"error": 'The body must be {"resource": {...}, "params": {...}}'})
        if resource != RESOURCE:
            return self.reply(403, {"error": "Not an embeddable item"})
        if not isinstance(params, dict) or any(s not in EDITABLE or not is_value(v) for s, v in params.items()):
            return self.reply(400, {"error": f"Only these filters may be set: {', '.join(EDITABLE) or 'none'}"})
        user = current_user(self)
        if user is None:
            return self.reply(401, {"error": "Not signed in"})
        now = int(time.time())
        claims = {"resource": RESOURCE, "params": {**params, **locked_params(user)}, "iat": now, "exp": now + EXPIRES_IN}
        token = jwt.encode(claims, SECRET_KEY, algorithm="HS256")
        self.reply(200, {"url": f"{SITE_URL}/embed/${type}/{token}", "token": token, "expiresAt": claims["exp"]})


server = ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("PORT", "3000"))), EmbedEndpoint)
print(f"token endpoint: http://127.0.0.1:{server.server_port}/api/metabase/embed", flush=True)
server.serve_forever()
`;
}

function ruby(choices: EmbedChoices): string {
  const {type} = choices.resource;
  const id = typeof choices.resource.id === 'number' ? String(choices.resource.id) : rubyString(choices.resource.id);
  const locked = lockedEntries(choices, "user['tenant']", rubyValue)
    .map(([slug, value]) => `${rubyString(slug)} => ${value}`)
    .join(', ');
  return `# The token endpoint for <metabase-embed>: WEBrick + the jwt gem.
# METABASE_SITE_URL=… METABASE_SECRET_KEY=… PORT=3000 ruby embed_endpoint.rb
# Every check of metabase-embed/server: demo/backends/ruby/embed_server.rb
require 'json'
require 'jwt'     # gem install jwt (Debian: ruby-jwt)
require 'webrick' # gem install webrick (Debian: ruby-webrick)

SITE_URL = ENV.fetch('METABASE_SITE_URL').chomp('/')
SECRET_KEY = ENV.fetch('METABASE_SECRET_KEY') # used as text, as Metabase does
RESOURCE = { ${rubyString(type)} => ${id} }.freeze
EDITABLE = [${pageSlugs(choices).map(rubyString).join(', ')}].freeze # filters the page may set
EXPIRES_IN = ${choices.expiresIn}

def current_user(_request) = { 'tenant' => ${rubyString(String(exampleTenant(choices)))} } # your session lookup goes here

def locked_params(user) = { ${locked} }

def value?(value)
  scalar = ->(item) { [String, Integer, Float, TrueClass, FalseClass].any? { |kind| item.is_a?(kind) } }
  scalar.call(value) || (value.is_a?(Array) && value.all?(&scalar))
end

def reply(response, status, body)
  response.status = status
  response['Content-Type'] = 'application/json'
  response['Cache-Control'] = 'no-store'
  response.body = JSON.generate(body)
end

server = WEBrick::HTTPServer.new(BindAddress: '127.0.0.1', Port: ENV.fetch('PORT', '3000').to_i, AccessLog: [])
server.mount_proc '/api/metabase/embed' do |request, response|
  next reply(response, 405, error: 'Use POST') unless request.request_method == 'POST'
  next reply(response, 415, error: 'Content-Type must be application/json') unless
    request.content_type.to_s.split(';').first&.strip&.downcase == 'application/json'
  next reply(response, 413, error: 'Request body must be at most 16384 bytes') if
    request['Content-Length'].to_i > 16 * 1024

  body = JSON.parse(request.body || '')
  params = body.fetch('params', {})
  next reply(response, 403, error: 'Not an embeddable item') unless body['resource'] == RESOURCE
  next reply(response, 400, error: "Only these filters may be set: #{EDITABLE.join(', ')}") unless
    params.is_a?(Hash) && params.all? { |slug, value| EDITABLE.include?(slug) && value?(value) }

  user = current_user(request)
  next reply(response, 401, error: 'Not signed in') if user.nil?

  now = Time.now.to_i
  claims = { resource: RESOURCE, params: params.merge(locked_params(user)), iat: now, exp: now + EXPIRES_IN }
  token = JWT.encode(claims, SECRET_KEY, 'HS256')
  reply(response, 200, url: "#{SITE_URL}/embed/${type}/#{token}", token: token, expiresAt: claims[:exp])
rescue JSON::ParserError, TypeError, NoMethodError
  reply(response, 400, error: 'The body must be {"resource": {...}, "params": {...}}')
end
trap('INT') { server.shutdown }
puts "token endpoint: http://127.0.0.1:#{server.config[:Port]}/api/metabase/embed"
$stdout.flush
server.start
`;
}

function clojure(choices: EmbedChoices): string {
  const {type} = choices.resource;
  const locked = lockedEntries(choices, '(:tenant user)', clojureValue)
    .map(([slug, value]) => `${quoted(slug)} ${value}`)
    .join(' ');
  return `;; The token endpoint for <metabase-embed>: Ring + buddy-sign. UNTESTED: the project's
;; machines have no Clojure toolchain with buddy-sign; the Node, Python and Ruby versions are tested.
;; deps.edn: {:deps {buddy/buddy-sign {:mvn/version "3.6.1-359"}
;;                   cheshire/cheshire {:mvn/version "5.13.0"}
;;                   ring/ring-jetty-adapter {:mvn/version "1.12.2"}}}
;; METABASE_SITE_URL=… METABASE_SECRET_KEY=… PORT=3000 clojure -M -m embed-endpoint
(ns embed-endpoint
  (:require [buddy.sign.jwt :as jwt]
            [cheshire.core :as json]
            [clojure.string :as str]
            [ring.adapter.jetty :refer [run-jetty]]))

(def site-url (str/replace (System/getenv "METABASE_SITE_URL") #"/+$" ""))
(def secret-key (System/getenv "METABASE_SECRET_KEY")) ; used as text, as Metabase does
(def embeddable {${quoted(type)} ${idLiteral(choices)}})
(def editable #{${pageSlugs(choices).map(quoted).join(' ')}}) ; filters the page may set
(def expires-in ${choices.expiresIn})

(defn current-user [request] {:tenant ${quoted(String(exampleTenant(choices)))}}) ; your session lookup goes here

(defn locked-params [user] {${locked}})

(defn reply [status body]
  {:status status
   :headers {"Content-Type" "application/json" "Cache-Control" "no-store"}
   :body (json/generate-string body)})

(defn embed-endpoint [request]
  (let [body (some-> (:body request) (.readNBytes (inc (* 16 1024))))
        content-type (some-> (get-in request [:headers "content-type"]) (str/split #";") first str/trim str/lower-case)]
    (cond
      (not= (:uri request) "/api/metabase/embed") (reply 404 {:error "Not found"})
      (not= (:request-method request) :post) (reply 405 {:error "Use POST"})
      (not= content-type "application/json") (reply 415 {:error "Content-Type must be application/json"})
      (> (count body) (* 16 1024)) (reply 413 {:error "Request body must be at most 16384 bytes"})
      :else
      (let [{:strs [resource params] :or {params {}}} (json/parse-string (String. body "UTF-8"))
            user (current-user request)
            now (quot (System/currentTimeMillis) 1000)]
        (cond
          (not= resource embeddable) (reply 403 {:error "Not an embeddable item"})
          (not (and (map? params) (every? editable (keys params))))
          (reply 400 {:error (str "Only these filters may be set: " (str/join ", " (sort editable)))})
          (nil? user) (reply 401 {:error "Not signed in"})
          :else
          (let [claims {:resource embeddable :params (merge params (locked-params user)) :iat now :exp (+ now expires-in)}
                token (jwt/sign claims secret-key {:alg :hs256})]
            (reply 200 {:url (str site-url "/embed/${type}/" token) :token token :expiresAt (:exp claims)})))))))

(defn -main []
  (run-jetty embed-endpoint {:host "127.0.0.1" :port (parse-long (or (System/getenv "PORT") "3000"))}))
`;
}

const GENERATORS: Record<ServerLanguage, (choices: EmbedChoices) => string> = {node, python, ruby, clojure};

export function serverCode(language: ServerLanguage, choices: EmbedChoices): string {
  return GENERATORS[language](choices);
}
