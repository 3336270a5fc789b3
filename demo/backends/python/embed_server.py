"""The <metabase-embed> token endpoint in Python: standard library http.server + PyJWT.

    METABASE_SITE_URL=http://127.0.0.1:3001 METABASE_SECRET_KEY=<64 hex> PORT=8000 \\
        python3 embed_server.py

Serves POST /api/metabase/embed on 127.0.0.1 with the rules of metabase-embed/server
(src/server/handler.ts): the same allow-list, statuses and error messages. Optional:
ALLOWED_ORIGINS (comma-separated; when set, any other Origin is a 403) and
EMBED_EXPIRES_IN (token lifetime in seconds, default 600).
"""

import html
import json
import os
import re
import sys
import time
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt  # PyJWT (Debian: python3-jwt)

ENDPOINT = "/api/metabase/embed"
MAX_BODY_BYTES = 16 * 1024


def tenant_of(user):
    return {"tenant": user["tenant"]}


# The allow-list: the items this app embeds, the filters the page may set on each, and the
# values locked from the visitor's session. Keys are "dashboard:<id>" or "question:<id>".
RESOURCES = {
    "dashboard:1": {"editable": ["category", "created_at"], "locked": tenant_of},
    "question:MonthlyRevenueQ000301": {"editable": ["category"], "locked": tenant_of},
}

# A stand-in for your app's session: the `demo_user` cookie names a user. Replace
# current_user() with your real session lookup; a cookie the browser writes is no session.
USERS = {"ada": {"tenant": "Acme"}, "grace": {"tenant": "Globex"}}


def current_user(cookie_header):
    cookie = SimpleCookie()
    try:
        cookie.load(cookie_header or "")
    except Exception:
        return None
    user_id = cookie["demo_user"].value if "demo_user" in cookie else None
    return USERS.get(user_id)


class Refusal(Exception):
    """An answer other than 200: its status and the message for {"error": ...}."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


# ---- Checks and parsing: pure functions, each message as metabase-embed/server words it.

ENTITY_ID = re.compile(r"[A-Za-z0-9_-]{21}")
DECIMAL_ID = re.compile(r"[1-9][0-9]*")
MAX_SAFE_INTEGER = 2**53 - 1
ID_RULE = "a positive integer or a 21-character entity id (A-Z a-z 0-9 _ -)"


def js_string(text):
    return json.dumps(text, ensure_ascii=False)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


MISSING = object()  # a field the request left out: JavaScript's undefined


def describe(value):
    """A short, safe rendering of a refused value (as JavaScript would print it)."""
    if value is MISSING:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return js_string(value if len(value) <= 40 else value[:40] + "\u2026")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("inf", "Infinity")


def check_content_type(header):
    media_type, *parameters = [part.strip().lower() for part in (header or "").split(";")]
    charsets = [p[len("charset=") :] for p in parameters if p.startswith("charset=")]
    if media_type != "application/json" or not all(c in ("utf-8", "utf8", '"utf-8"') for c in charsets[:1]):
        got = js_string(header) if header else "none"
        raise Refusal(415, f"Content-Type must be application/json, got {got}")


def check_origin(origin, allowed_origins):
    if allowed_origins and origin not in allowed_origins:
        got = f"Origin {js_string(origin)}" if origin is not None else "no Origin header"
        raise Refusal(403, f"Cross-origin request refused: {got} is not in allowedOrigins")


def resource_id(value):
    """A positive integer, an entity id, or a decimal string such as "12"; else None."""
    if is_number(value) and float(value).is_integer() and 0 < value <= MAX_SAFE_INTEGER:
        return int(value)
    if isinstance(value, str) and ENTITY_ID.fullmatch(value):
        return value
    if isinstance(value, str) and DECIMAL_ID.fullmatch(value) and int(value) <= MAX_SAFE_INTEGER:
        return int(value)
    return None


def parse_resource(value):
    if not isinstance(value, dict):
        raise Refusal(
            400, f'resource must be an object like {{"dashboard": 12}} or {{"question": 7}}, got {describe(value)}'
        )
    keys = list(value)
    if len(keys) != 1 or keys[0] not in ("dashboard", "question"):
        found = ", ".join(js_string(key) for key in keys) or "none"
        raise Refusal(400, f'resource must have exactly one key, "dashboard" or "question"; found {found}')
    kind = keys[0]
    parsed = resource_id(value[kind])
    if parsed is None:
        raise Refusal(400, f"resource.{kind} must be {ID_RULE}, got {describe(value[kind])}")
    return kind, parsed


def is_scalar(value):
    return isinstance(value, (str, bool)) or (is_number(value) and abs(value) != float("inf"))


def parse_params(value):
    if not isinstance(value, dict):
        raise Refusal(400, f"params must be an object mapping filter slugs to values, got {describe(value)}")
    for slug, param in value.items():
        if slug == "":
            raise Refusal(400, "params has an empty slug")
        if isinstance(param, list):
            for index, item in enumerate(param):
                if not is_scalar(item):
                    raise Refusal(
                        400,
                        f"params.{slug}[{index}] must be a string, a finite number or a boolean, got {describe(item)}",
                    )
        elif param is not None and not is_scalar(param):  # null: no value (clears a default)
            raise Refusal(
                400,
                f"params.{slug} must be a string, a finite number, a boolean, null, or an array of strings, numbers and booleans, got {describe(param)}",
            )
    return value


def refuse_constant(name):
    raise ValueError(name)  # NaN and Infinity are not JSON


def parse_embed_request(body):
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refusal(400, "Request body is not valid UTF-8")
    try:
        data = json.loads(text, parse_constant=refuse_constant)
    except ValueError:
        raise Refusal(400, "Request body is not valid JSON")
    if not isinstance(data, dict):
        raise Refusal(400, 'Request body must be a JSON object like {"resource": {"dashboard": 12}, "params": {}}')
    resource = parse_resource(data.get("resource", MISSING))
    params = parse_params(data["params"] if "params" in data else {})
    return resource, params


def pick_editable(key, editable, params):
    for slug in params:
        if slug not in editable:
            allowed = ", ".join(editable) or "none"
            raise Refusal(
                400,
                f"Parameter {js_string(slug)} cannot be set by the browser for {key}; editable parameters: {allowed}",
            )
    return params


def signed_token(settings, kind, item_id, params, user):
    """The allow-list, the session's locked values, the token and its exp: the endpoint's and the page's."""
    key = f"{kind}:{item_id}"
    policy = RESOURCES.get(key)
    if policy is None:
        raise Refusal(403, f"{key} is not in this server's list of embeddable items")
    editable = pick_editable(key, policy.get("editable", []), params)
    locked = policy["locked"](user) if "locked" in policy else {}
    now = int(time.time())
    claims = {
        "resource": {kind: item_id},
        "params": {**editable, **locked},
        "iat": now,
        "exp": now + settings["expires_in"],
    }
    # The secret is used as text (its UTF-8 bytes), exactly as Metabase does: not hex-decoded.
    return jwt.encode(claims, settings["secret_key"], algorithm="HS256"), claims["exp"]


def embed_answer(settings, request_body, user):
    """The 200 answer for a parsed request."""
    (kind, item_id), params = request_body
    token, exp = signed_token(settings, kind, item_id, params, user)
    return {"url": f"{settings['site_url']}/embed/{kind}/{token}", "token": token, "expiresAt": exp}


def embed_attributes(settings, resource, params, user):
    """A server-rendered first token: the tag's attributes (embedAttributes in metabase-embed/server).

    In Jinja: <metabase-embed endpoint="/api/metabase/embed" {{ attributes|xmlattr }}>
    """
    kind, item_id = parse_resource(resource)
    params = parse_params(params)
    token, _ = signed_token(settings, kind, item_id, params, user)
    attributes = {kind: str(item_id)}
    if params:
        attributes["params"] = json.dumps(params, ensure_ascii=False, separators=(",", ":"))
    return {**attributes, "site-url": settings["site_url"], "token": token}


def html_attributes(attributes):
    """name="value" pairs, escaped, for templates that print raw HTML."""
    return " ".join(f'{name}="{html.escape(str(value), quote=True)}"' for name, value in attributes.items())


# ---- HTTP


# A refused body is still read (and dropped) up to this size, so that the client gets the
# 413 rather than a connection reset; a client sending more is cut off.
DRAIN_BYTES = 4 * 1024 * 1024


def chunks(stream, declared_length, chunked):
    """The body's pieces, from a Content-Length or a chunked transfer."""
    if not chunked:
        while declared_length > 0:
            piece = stream.read(min(declared_length, 65536))
            if not piece:
                return
            declared_length -= len(piece)
            yield piece
        return
    while True:
        size = int(stream.readline().split(b";")[0].strip() or b"0", 16)
        if size == 0:
            stream.readline()
            return
        yield stream.read(size)
        stream.readline()


def read_limited(stream, declared_length, chunked):
    """The body, or a 413 once it passes MAX_BODY_BYTES (whatever Content-Length claimed)."""
    too_large = Refusal(413, f"Request body must be at most {MAX_BODY_BYTES} bytes")
    if declared_length > DRAIN_BYTES:
        raise too_large
    body, size = b"", 0
    for piece in chunks(stream, declared_length, chunked):
        size += len(piece)
        if size > DRAIN_BYTES:
            raise too_large
        if size <= MAX_BODY_BYTES:
            body += piece
    if size > MAX_BODY_BYTES:
        raise too_large
    return body


def make_handler(settings):
    class EmbedRequestHandler(BaseHTTPRequestHandler):
        timeout = 10  # seconds a slow client may take to send its request

        def answer(self, status, body, headers=()):
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def read_body(self):
            chunked = "chunked" in self.headers.get("Transfer-Encoding", "").lower()
            try:
                length = int(self.headers.get("Content-Length") or 0)
                return read_limited(self.rfile, length, chunked)
            except ValueError:
                raise Refusal(400, "Request body could not be read to its end")

        def handle_any(self):
            if self.path.split("?")[0] != ENDPOINT:
                return self.answer(404, {"error": "Not found"})
            if self.command != "POST":
                message = f"Method {self.command} is not allowed: use POST"
                return self.answer(405, {"error": message}, [("Allow", "POST")])
            try:
                check_origin(self.headers.get("Origin"), settings["allowed_origins"])
                check_content_type(self.headers.get("Content-Type"))
                user = current_user(self.headers.get("Cookie"))
                if user is None:
                    raise Refusal(401, "Not authorized to view this embed")
                self.answer(200, embed_answer(settings, parse_embed_request(self.read_body()), user))
            except Refusal as refusal:
                self.close_connection = True  # an unread body must not be read as a next request
                self.answer(refusal.status, {"error": refusal.message}, [("Connection", "close")])
            except Exception as error:
                print(f"embed_server: answered 500: {type(error).__name__}", file=sys.stderr)
                self.answer(500, {"error": "The server could not create an embed token"})

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = handle_any

        def log_message(self, format, *args):
            pass  # one line per request would go here; never log the answer (it holds a token)

    return EmbedRequestHandler


def settings_from_env(env):
    """The settings, or SystemExit naming the variable that is missing or malformed."""
    site_url = env.get("METABASE_SITE_URL", "")
    secret_key = env.get("METABASE_SECRET_KEY", "")
    if not re.fullmatch(r"https?://[^/?#\s]+(/[^?#\s]*)?", site_url):
        raise SystemExit("METABASE_SITE_URL must be an http(s) URL such as https://metabase.example.com")
    if not re.fullmatch(r"[0-9a-fA-F]{64}", secret_key):
        raise SystemExit("METABASE_SECRET_KEY must be Metabase's embedding secret key: 64 hexadecimal characters")
    expires_in = env.get("EMBED_EXPIRES_IN", "600")
    if not re.fullmatch(r"[1-9][0-9]*", expires_in) or int(expires_in) > 86400:
        raise SystemExit("EMBED_EXPIRES_IN must be a whole number of seconds from 1 to 86400")
    origins = [origin.strip() for origin in env.get("ALLOWED_ORIGINS", "").split(",") if origin.strip()]
    return {
        "site_url": site_url.rstrip("/"),
        "secret_key": secret_key,
        "expires_in": int(expires_in),
        "allowed_origins": set(origins),
    }


def main():
    settings = settings_from_env(os.environ)
    port = os.environ.get("PORT", "8000")
    if not port.isdigit() or int(port) > 65535:
        raise SystemExit("PORT must be a port number from 0 to 65535")
    server = ThreadingHTTPServer(("127.0.0.1", int(port)), make_handler(settings))
    print(f"embed endpoint: http://127.0.0.1:{server.server_port}{ENDPOINT}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
