#include "config/commandline.h"
#include "config/parameterdef.h"

namespace tl::registrydef {

void addTargetParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    using T = ParameterType;
    using W = WidgetKind;
    // --- Target ---
    r << Def("model", {"--model"}, G::Target)
             .field(&RunConfig::model)
             .metavar("NAME")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "Model name sent in the request body (required)."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "The name the server serves the model under (its /v1/models id); it is sent as \"model\" "
                 "in every request and names the run by default."))
             .example({QStringLiteral("Qwen3-8B")})
             .bad({QStringLiteral("")})
             .check([](const RunConfig& c) {
                 return c.model.trimmed().isEmpty() && !c.isTraceReplay() // a trace's bodies name their model
                     ? Tr::tr("a model name is required; pass the name the server serves, e.g. --model Qwen3-8B")
                     : QString();
             });
    r << Def("api", {"--api"}, G::Target)
             .field(&RunConfig::api)
             .metavar("API")
             .choices(kApis)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "API type: openai (chat/completions or completions; default), openai_responses (alias "
                 "responses), openai_embedding (embedding), openai_rerank (rerank); local/local_vllm aim at "
                 "127.0.0.1:--port."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "Which request and response format is spoken. EvalScope's local and local_vllm start a "
                 "model in-process; Throughline starts none and benchmarks whatever serves --port."))
             .example({QStringLiteral("openai_responses")});
    r << Def("url", {"--url"}, G::Target)
             .field(&RunConfig::url)
             .metavar("URL")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Endpoint URL. Without an endpoint suffix the API's is appended (/chat/completions, /responses, "
                 "/embeddings, /reranks: EvalScope's rule)."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "The server's endpoint. Saved configurations keep the URL after the suffix rule, so a "
                 "run's benchmark_args.json names the endpoint that was measured."))
             .example({QStringLiteral("http://10.0.0.5:8000/v1/completions")})
             .bad({QStringLiteral("localhost")})
             .saver([](const RunConfig& c, bool includeSecrets) {
                 return toJ(includeSecrets ? c.resolvedUrl() : c.maskedUrl());
             })
             .setter([](RunConfig& c, const json& v) {
                 QString url;
                 if (QString e = readJ(v, &url); !e.isEmpty())
                     return e;
                 c.url = SecretMask::dropMaskedPassword(url);
                 return QString();
             })
             .check([](const RunConfig& c) {
                 const QString url = c.url.trimmed();
                 if (url.isEmpty())
                     return Tr::tr("an endpoint URL is required, e.g. --url http://127.0.0.1:8000/v1/chat/completions");
                 const QUrl u(url, QUrl::StrictMode);
                 if (!u.isValid() || (u.scheme() != u"http" && u.scheme() != u"https") || u.host().isEmpty())
                     return Tr::tr("'%1' is not an http(s) URL; use e.g. http://127.0.0.1:8000/v1/chat/completions")
                         .arg(SecretMask::maskUrl(c.url, c.secretHeaders)); // printed and logged: never its password
                 return QString();
             });
    r << Def("api_key", {"--api-key"}, G::Target)
             .field(&RunConfig::apiKey)
             .nullWhenEmpty()
             .secret()
             .metavar("KEY")
             .help(QT_TRANSLATE_NOOP("Throughline", "Sends 'Authorization: Bearer KEY'. Masked in saved files; prefer --api-key-env, which keeps the "
                   "key out of the process list."))
             .definition(QT_TRANSLATE_NOOP("Throughline", "The bearer token of the endpoint. Saved files and copied commands show ********** "
                         "instead; a masked key read back is never taken for the key."))
             .example({QStringLiteral("sk-test")})
             .saver([](const RunConfig& c, bool includeSecrets) {
                 return c.apiKey.isEmpty() ? json(nullptr) : json(includeSecrets ? toJ(c.apiKey) : json(kMask));
             })
             .setter([](RunConfig& c, const json& v) {
                 QString key;
                 if (v.is_null())
                     return QString();
                 if (QString e = readJ(v, &key); !e.isEmpty())
                     return e;
                 if (key != QLatin1StringView(kMask))
                     c.apiKey = key;
                 return QString();
             });
    r << Def(nullptr, {"--api-key-env"}, G::Target)
             .field(&RunConfig::apiKeyEnv)
             .metavar("NAME")
             .help("Read the API key from environment variable NAME (used when --api-key is not given). Without "
                   "either, OPENAI_API_KEY is used when set.")
             .definition("Keeps the key out of the command line, so it does not show in ps. Precedence: --api-key, "
                         "then --api-key-env NAME, then OPENAI_API_KEY. Not saved in benchmark_args.json (EvalScope's "
                         "key set stays as it is), and the variable's value is saved nowhere.")
             .example({QStringLiteral("MY_SERVER_KEY")})
             .bad({QStringLiteral("1BAD")})
             .check([](const RunConfig& c) {
                 if (c.apiKeyEnv.isEmpty())
                     return QString();
                 if (!isEnvName(c.apiKeyEnv))
                     return Tr::tr("'%1' is not an environment variable name; use letters, digits and _, e.g. "
                                   "--api-key-env MY_SERVER_KEY")
                         .arg(c.apiKeyEnv);
                 return QString();
             });
    r << Def("headers", {"--headers"}, G::Target)
             .type(T::KeyValueList)
             .metavar("K=V ...")
             .help(QT_TRANSLATE_NOOP("Throughline", "Extra HTTP headers, split on the first '='."))
             .definition(QT_TRANSLATE_NOOP("Throughline", "Sent with every request. Names must be HTTP tokens and values must not hold line breaks; "
                         "the values of Authorization, Proxy-Authorization, api-key, X-Api-Key, of any header "
                         "whose name contains auth, key, token, secret, password or cookie and of those named by "
                         "--secret-headers are masked in saved files, and a masked value read back is not sent."))
             .example({QStringLiteral("X-Team=perf"), QStringLiteral("X-Trace=1")})
             .bad({QStringLiteral("Bad Name=1")})
             .getter([](const RunConfig& c) {
                 json out = json::array();
                 for (const auto& [k, v] : c.headers)
                     out.push_back(json::array({toJ(k), toJ(v)}));
                 return out;
             })
             .saver([](const RunConfig& c, bool includeSecrets) {
                 json h = json::object();
                 for (const auto& [k, v] : c.headers)
                     h[jsonutil::toStd(k)]
                         = (isSecretHeader(k, c.secretHeaders) && !includeSecrets) ? json(kMask) : toJ(v);
                 return h;
             })
             .setter([](RunConfig& c, const json& v) {
                 QList<QPair<QString, QString>> headers;
                 if (v.is_object()) {
                     for (const auto& [k, value] : v.items()) {
                         if (value.is_string())
                             headers.append({QString::fromStdString(k), jsonutil::toQString(value)});
                     }
                 } else if (v.is_array()) {
                     for (const json& item : v) {
                         if (item.is_array() && item.size() == 2 && item[0].is_string() && item[1].is_string()) {
                             headers.append({jsonutil::toQString(item[0]), jsonutil::toQString(item[1])});
                         } else if (item.is_string()) {
                             const QString kv = jsonutil::toQString(item);
                             const qsizetype eq = kv.indexOf(u'=');
                             if (eq <= 0)
                                 return Tr::tr("'%1' is not a header in KEY=VALUE form").arg(kv);
                             headers.append({kv.left(eq), kv.mid(eq + 1)});
                         } else {
                             return Tr::tr("must be KEY=VALUE headers");
                         }
                     }
                 } else if (!v.is_null()) {
                     return Tr::tr("must be an object of header names and values");
                 }
                 // A masked value read back (benchmark_args.json, a copied command) is no credential: drop it.
                 headers.removeIf([](const QPair<QString, QString>& h) { return SecretMask::isMask(h.second); });
                 c.headers = headers;
                 return QString();
             })
             .check([](const RunConfig& c) {
                 for (const auto& [k, v] : c.headers) {
                     if (!isHttpToken(k))
                         return Tr::tr("'%1' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)")
                             .arg(k);
                     if (v.contains(u'\r') || v.contains(u'\n') || v.contains(QChar(0)))
                         return Tr::tr("the value of '%1' holds a line break; give it on one line").arg(k);
                     // The body's framing is the transport's: a second or contradicting length cuts or desyncs every
                     // request on a kept-alive connection.
                     if (k.compare(u"Content-Length", Qt::CaseInsensitive) == 0
                         || k.compare(u"Transfer-Encoding", Qt::CaseInsensitive) == 0)
                         return Tr::tr("'%1' frames the request body, which Throughline sets itself; leave it out").arg(k);
                 }
                 return QString();
             });
    r << Def("secret_headers", {"--secret-headers"}, G::Target)
             .field(&RunConfig::secretHeaders)
             .nullWhenEmpty()
             .metavar("NAME ...")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Header names (case-insensitive) whose --headers values are credentials although not named like "
                 "one: masked like Authorization."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "Not an EvalScope flag. Headers named like a credential (auth, key, token, secret, password, "
                 "cookie) are masked anyway; list here the others that carry one. Their values, and URL query items "
                 "so named, show as ********** in the project file, benchmark_args.json, exports, reports, copied "
                 "commands and logs, also where a server's answer echoes them; the headers are still sent. The names "
                 "are saved with the run, so imports and exports of it mask the same headers."))
             .example({QStringLiteral("X-Tenant-Id"), QStringLiteral("X-Org")})
             .bad({QStringLiteral("Bad Name")})
             .check([](const RunConfig& c) {
                 for (const QString& name : c.secretHeaders) {
                     if (!isHttpToken(name))
                         return Tr::tr("'%1' is not a header name (letters, digits and !#$%&'*+-.^_`|~ only), e.g. "
                                       "--secret-headers X-Tenant-Id")
                             .arg(name);
                 }
                 return QString();
             });
    r << Def("port", {"--port"}, G::Target)
             .field(&RunConfig::port)
             .metavar("PORT")
             .min(1)
             .max(65535)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "--api local/local_vllm: the port of the local server Throughline starts (default 8877); the run "
                 "benchmarks http://127.0.0.1:PORT/v1/chat/completions."))
             .example({QStringLiteral("9000")});
    r << Def("local_server_command", {"--local-server-command"}, G::Target)
             .field(&RunConfig::localServerCommand)
             .nullWhenEmpty()
             .metavar("COMMAND")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "--api local/local_vllm: the server to start as a child process, one shell-quoted line with "
                 "{model}, {port} and {attn_implementation} filled in (--port PORT is appended when {port} is "
                 "absent); default: vLLM's OpenAI server (python3 -m vllm.entrypoints.openai.api_server)."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "EvalScope's local modes start the model themselves; Throughline starts this command, waits for it "
                 "with the retrying connection test, stops it at the end (SIGTERM, then SIGKILL) and keeps its output "
                 "in local_server.log in the output folder."))
             .example({QStringLiteral("throughline-sim --port {port}")})
             .bad({QStringLiteral("vllm serve 'unterminated")})
             .check([](const RunConfig& c) {
                 QStringList words;
                 QString error;
                 if (c.localServerCommand.isEmpty())
                     return QString();
                 if (!CommandLine::split(c.localServerCommand, &words, &error))
                     return error;
                 return words.isEmpty() ? Tr::tr("the command is empty") : QString();
             });
    r << Def("attn_implementation", {"--attn-implementation"}, G::Target)
             .field(&RunConfig::attnImplementation)
             .nullWhenEmpty()
             .metavar("NAME")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "--api local/local_vllm: attention implementation passed on to the local server ({attn_implementation} "
                 "in --local-server-command, else --attn-implementation NAME appended to it)."))
             .example({QStringLiteral("sdpa")});
    r << Def("connect_timeout", {"--connect-timeout"}, G::Target)
             .field(&RunConfig::connectTimeout)
             .metavar("S")
             .unit("s")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline", "Seconds allowed to connect and receive headers."))
             .example({QStringLiteral("10")});
    r << Def("read_timeout", {"--read-timeout"}, G::Target)
             .field(&RunConfig::readTimeout)
             .metavar("S")
             .unit("s")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline", "Longest allowed gap between reads, in seconds."))
             .example({QStringLiteral("30")});
    r << Def("total_timeout", {"--total-timeout"}, G::Target)
             .field(&RunConfig::totalTimeout)
             .metavar("S")
             .unit("s")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline", "Seconds allowed per request (default 21600)."))
             .example({QStringLiteral("600")});
    r << Def("no_test_connection", {"--no-test-connection"}, G::Target)
             .field(&RunConfig::noTestConnection)
             .help(QT_TRANSLATE_NOOP("Throughline", "Skip the test request before the run."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "By default one request (max_tokens 4) is sent before the sweep, so that a wrong URL, model or key "
                 "fails in seconds (exit code 3) instead of after a point of failures. While the server is still "
                 "starting (HTTP 5xx, connection refused) it is sent again every 10 s until --total-timeout, as "
                 "EvalScope does. Embedding and rerank runs skip it."));
    r << Def("insecure", {"--insecure"}, G::Target)
             .field(&RunConfig::insecure)
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "HTTPS without certificate verification (self-signed test servers)."));
    r << Def("ca_cert", {"--ca-cert"}, G::Target)
             .field(&RunConfig::caCert)
             .nullWhenEmpty()
             .metavar("FILE.pem")
             .widget(W::FilePicker)
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "Also trust the CA certificates in this PEM file (besides the system's)."))
             .bad({QStringLiteral("/nonexistent/ca.pem")})
             .check([](const RunConfig& c) {
                 return !c.caCert.isEmpty() && !QFileInfo(c.caCert).isFile()
                     ? Tr::tr("'%1' is not a file; give a PEM file of CA certificates").arg(c.caCert)
                     : QString();
             });
    r << Def("no_proxy", {"--no-proxy"}, G::Target)
             .field(&RunConfig::noProxy)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Ignore http_proxy/https_proxy/no_proxy from the environment (used by default, as EvalScope "
                 "does)."));
    r << Def("transport", {"--transport"}, G::Target)
             .field(&RunConfig::transport)
             .metavar("auto|lean|qt")
             .choices({QStringLiteral("auto"), QStringLiteral("lean"), QStringLiteral("qt")}, false)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "HTTP client: lean (Throughline's own HTTP/1.1 on the worker threads' sockets: the least "
                 "overhead), qt (QNetworkAccessManager: HTTPS and proxies) or auto (default: lean for plain "
                 "http:// without a proxy, else qt)."))
             .example({QStringLiteral("qt")})
             .bad({QStringLiteral("curl")})
             .check([](const RunConfig& c) {
                 const QString t = c.transport.trimmed().toLower();
                 return t != u"auto" && t != u"lean" && t != u"qt"
                     ? Tr::tr("must be auto, lean or qt (got '%1')").arg(c.transport)
                     : QString();
             });
}

} // namespace tl::registrydef
