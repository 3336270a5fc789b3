# The <metabase-embed> token endpoint in Ruby: WEBrick + the jwt gem.
#
#   METABASE_SITE_URL=http://127.0.0.1:3001 METABASE_SECRET_KEY=<64 hex> PORT=8000 \
#     ruby embed_server.rb
#
# Serves POST /api/metabase/embed on 127.0.0.1 with the rules of metabase-embed/server
# (src/server/handler.ts): the same allow-list, statuses and error messages. Optional:
# ALLOWED_ORIGINS (comma-separated; when set, any other Origin is a 403) and
# EMBED_EXPIRES_IN (token lifetime in seconds, default 600).
# Debian: apt-get install ruby ruby-jwt ruby-webrick.
require 'erb'
require 'json'
require 'jwt'
require 'webrick'

ENDPOINT = '/api/metabase/embed'
MAX_BODY_BYTES = 16 * 1024

TENANT_OF = ->(user) { { 'tenant' => user[:tenant] } }

# The allow-list: the items this app embeds, the filters the page may set on each, and the
# values locked from the visitor's session. Keys are "dashboard:<id>" or "question:<id>".
RESOURCES = {
  'dashboard:1' => { editable: %w[category created_at], locked: TENANT_OF },
  'question:MonthlyRevenueQ000301' => { editable: %w[category], locked: TENANT_OF }
}.freeze

# A stand-in for your app's session: the `demo_user` cookie names a user. Replace
# current_user with your real session lookup; a cookie the browser writes is no session.
USERS = { 'ada' => { tenant: 'Acme' }, 'grace' => { tenant: 'Globex' } }.freeze

def current_user(request)
  cookie = request.cookies.find { |candidate| candidate.name == 'demo_user' }
  cookie && USERS[cookie.value]
end

# An answer other than 200: its status and the message for {"error": ...}.
class Refusal < StandardError
  attr_reader :status

  def initialize(status, message)
    super(message)
    @status = status
  end
end

# ---- Checks and parsing: plain methods, each message as metabase-embed/server words it.
module EmbedRequest
  ENTITY_ID = /\A[A-Za-z0-9_-]{21}\z/
  DECIMAL_ID = /\A[1-9][0-9]*\z/
  MAX_SAFE_INTEGER = 2**53 - 1
  ID_RULE = 'a positive integer or a 21-character entity id (A-Z a-z 0-9 _ -)'
  TOO_LARGE = "Request body must be at most #{MAX_BODY_BYTES} bytes".freeze

  module_function

  def js_string(text) = text.to_json

  def number?(value) = value.is_a?(Integer) || value.is_a?(Float)

  MISSING = Object.new.freeze # a field the request left out: JavaScript's undefined

  # A short, safe rendering of a refused value (as JavaScript would print it).
  def describe(value)
    return 'undefined' if value.equal?(MISSING)

    case value
    when nil then 'null'
    when Array then 'an array'
    when Hash then 'an object'
    when String then js_string(value.length > 40 ? "#{value[0, 40]}\u2026" : value)
    when Float
      return (value.positive? ? 'Infinity' : '-Infinity') if value.infinite?

      value == value.floor ? value.to_i.to_s : value.to_s
    else value.to_s
    end
  end

  def check_content_type(header)
    media_type, *parameters = (header || '').split(';', -1).map { |part| part.strip.downcase }
    charset = parameters.find { |parameter| parameter.start_with?('charset=') }&.delete_prefix('charset=')
    return if media_type == 'application/json' && (charset.nil? || ['utf-8', 'utf8', '"utf-8"'].include?(charset))

    got = header.nil? || header.empty? ? 'none' : js_string(header)
    raise Refusal.new(415, "Content-Type must be application/json, got #{got}")
  end

  def check_origin(origin, allowed_origins)
    return if allowed_origins.empty? || allowed_origins.include?(origin)

    got = origin.nil? ? 'no Origin header' : "Origin #{js_string(origin)}"
    raise Refusal.new(403, "Cross-origin request refused: #{got} is not in allowedOrigins")
  end

  # A positive integer, an entity id, or a decimal string such as "12"; else nil.
  def resource_id(value)
    return value.to_i if number?(value) && value.finite? && value == value.floor && value.positive? &&
                         value <= MAX_SAFE_INTEGER
    return value if value.is_a?(String) && ENTITY_ID.match?(value)
    return value.to_i if value.is_a?(String) && DECIMAL_ID.match?(value) && value.to_i <= MAX_SAFE_INTEGER

    nil
  end

  def parse_resource(value)
    unless value.is_a?(Hash)
      raise Refusal.new(400, "resource must be an object like {\"dashboard\": 12} or {\"question\": 7}, " \
                             "got #{describe(value)}")
    end
    unless value.size == 1 && %w[dashboard question].include?(value.keys.first)
      found = value.empty? ? 'none' : value.keys.map { |key| js_string(key) }.join(', ')
      raise Refusal.new(400, "resource must have exactly one key, \"dashboard\" or \"question\"; found #{found}")
    end
    kind, raw_id = value.first
    id = resource_id(raw_id)
    raise Refusal.new(400, "resource.#{kind} must be #{ID_RULE}, got #{describe(raw_id)}") if id.nil?

    [kind, id]
  end

  def scalar?(value)
    value.is_a?(String) || value == true || value == false || (number?(value) && value.finite?)
  end

  def parse_params(value)
    unless value.is_a?(Hash)
      raise Refusal.new(400, "params must be an object mapping filter slugs to values, got #{describe(value)}")
    end

    value.each do |slug, param|
      raise Refusal.new(400, 'params has an empty slug') if slug.empty?

      if param.is_a?(Array)
        param.each_with_index do |item, index|
          next if scalar?(item)

          raise Refusal.new(400, "params.#{slug}[#{index}] must be a string, a finite number or a boolean, " \
                                 "got #{describe(item)}")
        end
      elsif !param.nil? && !scalar?(param) # null: no value (clears a default)
        raise Refusal.new(400, "params.#{slug} must be a string, a finite number, a boolean, null, or an array " \
                               "of strings, numbers and booleans, got #{describe(param)}")
      end
    end
  end

  def parse(body)
    text = body.dup.force_encoding(Encoding::UTF_8)
    raise Refusal.new(400, 'Request body is not valid UTF-8') unless text.valid_encoding?

    begin
      data = JSON.parse(text.delete_prefix("\uFEFF"))
    rescue JSON::ParserError
      raise Refusal.new(400, 'Request body is not valid JSON')
    end
    unless data.is_a?(Hash)
      raise Refusal.new(400, 'Request body must be a JSON object like {"resource": {"dashboard": 12}, "params": {}}')
    end

    resource = parse_resource(data.fetch('resource', MISSING))
    [resource, parse_params(data.fetch('params', {}))]
  end

  def pick_editable(key, editable, params)
    params.each_key do |slug|
      next if editable.include?(slug)

      allowed = editable.empty? ? 'none' : editable.join(', ')
      raise Refusal.new(400, "Parameter #{js_string(slug)} cannot be set by the browser for #{key}; " \
                             "editable parameters: #{allowed}")
    end
    params
  end

  # The allow-list, the session's locked values, the token and its exp: the endpoint's and the page's.
  def signed_token(settings, (kind, id), params, user)
    key = "#{kind}:#{id}"
    policy = RESOURCES[key]
    raise Refusal.new(403, "#{key} is not in this server's list of embeddable items") if policy.nil?

    editable = pick_editable(key, policy.fetch(:editable, []), params)
    locked = policy[:locked] ? policy[:locked].call(user) : {}
    now = Time.now.to_i
    claims = { resource: { kind => id }, params: editable.merge(locked), iat: now, exp: now + settings[:expires_in] }
    # The secret is used as text (its UTF-8 bytes), exactly as Metabase does: not hex-decoded.
    [JWT.encode(claims, settings[:secret_key], 'HS256'), claims[:exp]]
  end

  # The 200 answer for a parsed request.
  def answer(settings, (kind, id), params, user)
    token, exp = signed_token(settings, [kind, id], params, user)
    { url: "#{settings[:site_url]}/embed/#{kind}/#{token}", token: token, expiresAt: exp }
  end

  # A server-rendered first token: the tag's attributes (embedAttributes in metabase-embed/server).
  # In ERB: <metabase-embed endpoint="/api/metabase/embed" <%= html_attributes(attributes) %>>
  def embed_attributes(settings, resource, params, user)
    kind, id = parse_resource(resource)
    params = parse_params(params)
    token, = signed_token(settings, [kind, id], params, user)
    attributes = { kind => id.to_s }
    attributes['params'] = JSON.generate(params) unless params.empty?
    attributes.merge('site-url' => settings[:site_url], 'token' => token)
  end

  # name="value" pairs, escaped, for an ERB template.
  def html_attributes(attributes)
    attributes.map { |name, value| %(#{name}="#{ERB::Util.html_escape(value.to_s)}") }.join(' ')
  end
end

# ---- HTTP

# A refused body is still read (and dropped) up to this size, so that the client gets the
# 413 rather than a connection reset; a client sending more is cut off.
DRAIN_BYTES = 4 * 1024 * 1024

# The body, or a 413 once it passes MAX_BODY_BYTES (whatever Content-Length claimed).
def read_body(request)
  declared = Integer(request['Content-Length'] || 0, exception: false)
  raise Refusal.new(400, 'Request body could not be read to its end') if declared.nil?
  raise Refusal.new(413, EmbedRequest::TOO_LARGE) if declared > DRAIN_BYTES

  body = +''
  size = 0
  request.body do |chunk|
    size += chunk.bytesize
    raise Refusal.new(413, EmbedRequest::TOO_LARGE) if size > DRAIN_BYTES

    body << chunk if size <= MAX_BODY_BYTES
  end
  raise Refusal.new(413, EmbedRequest::TOO_LARGE) if size > MAX_BODY_BYTES

  body
rescue WEBrick::HTTPStatus::LengthRequired
  '' # a POST with neither Content-Length nor chunks has no body
end

# Answers every method itself, so that all but POST get the endpoint's own JSON 405.
class EmbedServlet < WEBrick::HTTPServlet::AbstractServlet
  def initialize(server, settings)
    super(server)
    @settings = settings
  end

  def service(request, response)
    return reply(response, 404, error: 'Not found') if request.path != ENDPOINT

    if request.request_method != 'POST'
      response['Allow'] = 'POST'
      return reply(response, 405, error: "Method #{request.request_method} is not allowed: use POST")
    end
    EmbedRequest.check_origin(request['Origin'], @settings[:allowed_origins])
    EmbedRequest.check_content_type(request['Content-Type'])
    user = current_user(request)
    raise Refusal.new(401, 'Not authorized to view this embed') if user.nil?

    resource, params = EmbedRequest.parse(read_body(request))
    reply(response, 200, EmbedRequest.answer(@settings, resource, params, user))
  rescue Refusal => e
    response.keep_alive = false # an unread body must not be read as a next request
    reply(response, e.status, error: e.message)
  rescue StandardError => e
    warn "embed_server: answered 500: #{e.class}"
    reply(response, 500, error: 'The server could not create an embed token')
  end

  private

  def reply(response, status, body)
    response.status = status
    response['Content-Type'] = 'application/json; charset=utf-8'
    response['Cache-Control'] = 'no-store'
    response['X-Content-Type-Options'] = 'nosniff'
    response.body = JSON.generate(body)
  end
end

# The settings, or an exit naming the variable that is missing or malformed.
def settings_from_env(env)
  site_url = env.fetch('METABASE_SITE_URL', '')
  secret_key = env.fetch('METABASE_SECRET_KEY', '')
  expires_in = env.fetch('EMBED_EXPIRES_IN', '600')
  unless %r{\Ahttps?://[^/?#\s]+(/[^?#\s]*)?\z}.match?(site_url)
    abort 'METABASE_SITE_URL must be an http(s) URL such as https://metabase.example.com'
  end
  unless /\A[0-9a-fA-F]{64}\z/.match?(secret_key)
    abort "METABASE_SECRET_KEY must be Metabase's embedding secret key: 64 hexadecimal characters"
  end
  unless /\A[1-9][0-9]*\z/.match?(expires_in) && expires_in.to_i <= 86_400
    abort 'EMBED_EXPIRES_IN must be a whole number of seconds from 1 to 86400'
  end
  origins = env.fetch('ALLOWED_ORIGINS', '').split(',').map(&:strip).reject(&:empty?)
  { site_url: site_url.sub(%r{/+\z}, ''), secret_key: secret_key, expires_in: expires_in.to_i,
    allowed_origins: origins }
end

if $PROGRAM_NAME == __FILE__
  settings = settings_from_env(ENV)
  port = ENV.fetch('PORT', '8000')
  abort 'PORT must be a port number from 0 to 65535' unless /\A[0-9]{1,5}\z/.match?(port) && port.to_i <= 65_535
  server = WEBrick::HTTPServer.new(BindAddress: '127.0.0.1', Port: port.to_i, AccessLog: [],
                                   Logger: WEBrick::Log.new($stderr, WEBrick::Log::WARN))
  server.mount(ENDPOINT, EmbedServlet, settings)
  %w[INT TERM].each { |signal| trap(signal) { server.shutdown } }
  puts "embed endpoint: http://127.0.0.1:#{server.config[:Port]}#{ENDPOINT}"
  $stdout.flush
  server.start
end
