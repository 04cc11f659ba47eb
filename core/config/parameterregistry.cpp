#include "config/parameterregistry.h"

#include "config/runconfig.h"
#include "config/secretmask.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <cmath>
#include <limits>
#include <string_view>
#include <tuple>

namespace tl {

using nlohmann::json;

namespace {

constexpr double kIntMax = std::numeric_limits<int>::max();
const char* const kMask = "**********"; // SecretMask::mask(), as a C string for json values

// --- JSON value <-> field conversions ---

json toJ(const QString& v)
{
    return jsonutil::toStd(v);
}
json toJ(int v)
{
    return v;
}
json toJ(qint64 v)
{
    return v;
}
json toJ(double v)
{
    return v;
}
json toJ(bool v)
{
    return v;
}
json toJ(const QList<int>& v)
{
    json out = json::array();
    for (int x : v)
        out.push_back(x);
    return out;
}
json toJ(const QList<double>& v)
{
    json out = json::array();
    for (double x : v)
        out.push_back(x);
    return out;
}
json toJ(const QStringList& v)
{
    json out = json::array();
    for (const QString& x : v)
        out.push_back(jsonutil::toStd(x));
    return out;
}
template <typename T> json toJ(const std::optional<T>& v)
{
    return v ? toJ(*v) : json(nullptr);
}

// Null, as a form gives for an empty field, is the empty value of strings and lists.
QString readJ(const json& j, QString* out)
{
    if (j.is_null()) {
        out->clear();
        return {};
    }
    if (!j.is_string())
        return Tr::tr("must be a string");
    *out = jsonutil::toQString(j);
    return {};
}

bool wholeNumber(const json& j, qint64* out)
{
    if (j.is_number_integer()) {
        if (j.is_number_unsigned() && j.get<quint64>() > quint64(std::numeric_limits<qint64>::max()))
            return false;
        *out = j.get<qint64>();
        return true;
    }
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9.2e18) {
            *out = qint64(d);
            return true;
        }
    }
    return false;
}

QString readJ(const json& j, qint64* out)
{
    if (!wholeNumber(j, out))
        return Tr::tr("must be a whole number");
    return {};
}

QString readJ(const json& j, int* out)
{
    qint64 v = 0;
    if (!wholeNumber(j, &v) || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        return Tr::tr("must be a whole number from %1 to %2")
            .arg(std::numeric_limits<int>::min())
            .arg(std::numeric_limits<int>::max());
    *out = int(v);
    return {};
}

QString readJ(const json& j, double* out)
{
    if (!j.is_number() || !std::isfinite(j.get<double>()))
        return Tr::tr("must be a finite number");
    *out = j.get<double>();
    return {};
}

QString readJ(const json& j, bool* out)
{
    if (!j.is_boolean())
        return Tr::tr("must be true or false");
    *out = j.get<bool>();
    return {};
}

template <typename V> QString readJ(const json& j, QList<V>* out)
{
    if (j.is_null()) {
        out->clear();
        return {};
    }
    const json items = j.is_array() ? j : json::array({j});
    QList<V> values;
    for (const json& item : items) {
        V v{};
        if (QString e = readJ(item, &v); !e.isEmpty())
            return e;
        values.append(v);
    }
    *out = values;
    return {};
}

// Strings, or numbers written as numbers (EvalScope's stop_token_ids), one or a list.
QString readJ(const json& j, QStringList* out)
{
    if (j.is_null()) {
        out->clear();
        return {};
    }
    const json items = j.is_array() ? j : json::array({j});
    QStringList values;
    for (const json& item : items) {
        if (item.is_null() || item.is_object() || item.is_array())
            return Tr::tr("must be a list of strings");
        values.append(item.is_string() ? jsonutil::toQString(item) : QString::fromUtf8(jsonutil::dump(item)));
    }
    *out = values;
    return {};
}

template <typename T> QString readJ(const json& j, std::optional<T>* out)
{
    if (j.is_null()) {
        out->reset();
        return {};
    }
    T v{};
    if (QString e = readJ(j, &v); !e.isEmpty())
        return e;
    *out = v;
    return {};
}

template <typename T> constexpr ParameterType typeOf()
{
    if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::optional<int>>)
        return ParameterType::Int;
    else if constexpr (std::is_same_v<T, qint64> || std::is_same_v<T, std::optional<qint64>>)
        return ParameterType::Int64;
    else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, std::optional<double>>)
        return ParameterType::Double;
    else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::optional<bool>>)
        return ParameterType::Bool;
    else if constexpr (std::is_same_v<T, QList<int>>)
        return ParameterType::IntList;
    else if constexpr (std::is_same_v<T, QList<double>>)
        return ParameterType::DoubleList;
    else if constexpr (std::is_same_v<T, QStringList>)
        return ParameterType::StringList;
    else
        return ParameterType::String;
}

WidgetKind widgetOf(ParameterType type)
{
    switch (type) {
    case ParameterType::String:
        return WidgetKind::LineEdit;
    case ParameterType::Int:
    case ParameterType::Int64:
        return WidgetKind::SpinBox;
    case ParameterType::Double:
        return WidgetKind::DoubleSpinBox;
    case ParameterType::Bool:
        return WidgetKind::CheckBox;
    case ParameterType::IntList:
    case ParameterType::IntRange:
        return WidgetKind::IntList;
    case ParameterType::DoubleList:
        return WidgetKind::DoubleList;
    case ParameterType::StringList:
        return WidgetKind::StringList;
    case ParameterType::Json:
        return WidgetKind::JsonEditor;
    case ParameterType::KeyValueList:
        return WidgetKind::KeyValueList;
    }
    return WidgetKind::LineEdit;
}

// Builds one registry entry; the chained setters keep each entry a short paragraph.
class Def {
public:
    Def(const char* key, std::initializer_list<const char*> flags, ParameterGroup group)
    {
        m_p.key = key;
        for (const char* f : flags)
            m_p.flags.append(QString::fromLatin1(f));
        m_p.group = group;
    }
    template <typename T> Def& field(T RunConfig::*member)
    {
        m_p.type = typeOf<T>();
        m_p.widget = widgetOf(m_p.type);
        m_p.get = [member](const RunConfig& c) { return toJ(c.*member); };
        m_p.set = [member](RunConfig& c, const json& v) {
            T value{};
            QString e = readJ(v, &value);
            if (e.isEmpty())
                c.*member = std::move(value);
            return e;
        };
        return *this;
    }
    Def& type(ParameterType t)
    {
        m_p.type = t;
        m_p.widget = widgetOf(t);
        return *this;
    }
    Def& negative(const char* flag)
    {
        m_p.negativeFlag = QString::fromLatin1(flag);
        return *this;
    }
    Def& flagSets(bool v)
    {
        m_p.flagSets = v;
        return *this;
    }
    Def& metavar(const char* v)
    {
        m_p.metavar = v;
        return *this;
    }
    Def& unit(const char* v)
    {
        m_p.unit = v;
        return *this;
    }
    Def& help(const char* v)
    {
        m_p.help = v;
        return *this;
    }
    Def& definition(const char* v)
    {
        m_p.definition = v;
        return *this;
    }
    Def& choices(const QStringList& v, bool strict = true)
    {
        m_p.choices = v;
        m_p.strictChoices = strict;
        m_p.widget = WidgetKind::Combo;
        return *this;
    }
    Def& min(double v, bool exclusive = false)
    {
        m_p.minimum = v;
        m_p.minimumExclusive = exclusive;
        return *this;
    }
    Def& max(double v)
    {
        m_p.maximum = v;
        return *this;
    }
    Def& nonEmpty()
    {
        m_p.nonEmpty = true;
        return *this;
    }
    Def& widget(WidgetKind w)
    {
        m_p.widget = w;
        return *this;
    }
    Def& body()
    {
        m_p.inBody = true;
        return *this;
    }
    Def& secret()
    {
        m_p.secret = true;
        m_p.widget = WidgetKind::Password;
        return *this;
    }
    Def& noEffect(const char* why)
    {
        m_p.support = ParameterSupport::NoEffect;
        m_p.reason = why;
        return *this;
    }
    Def& unsupported(ParameterType t, const char* why)
    {
        type(t);
        m_p.support = ParameterSupport::Unsupported;
        m_p.reason = why;
        m_p.widget = WidgetKind::None;
        m_p.get = [](const RunConfig&) { return json(nullptr); };
        m_p.set = [why](RunConfig&, const json&) { return Tr::tr(why); };
        return *this;
    }
    Def& example(const QStringList& v)
    {
        m_p.example = v;
        return *this;
    }
    Def& bad(const QStringList& v)
    {
        m_p.badExample = v;
        return *this;
    }
    Def& getter(std::function<json(const RunConfig&)> f)
    {
        m_p.get = std::move(f);
        return *this;
    }
    Def& setter(std::function<QString(RunConfig&, const json&)> f)
    {
        m_p.set = std::move(f);
        return *this;
    }
    Def& saver(std::function<json(const RunConfig&, bool)> f)
    {
        m_p.save = std::move(f);
        return *this;
    }
    Def& check(std::function<QString(const RunConfig&)> f)
    {
        m_p.check = std::move(f);
        return *this;
    }
    // Unset (empty) strings and lists read, save and diff as null, as EvalScope's files write them.
    Def& nullWhenEmpty()
    {
        m_p.get = [g = m_p.get](const RunConfig& c) {
            json v = g(c);
            if ((v.is_string() && v.get_ref<const std::string&>().empty()) || (v.is_array() && v.empty()))
                return json(nullptr);
            return v;
        };
        return *this;
    }
    operator Parameter() const { return m_p; }

private:
    Parameter m_p;
};

// A JSON-object parameter kept as text in RunConfig (--extra-args, --dataset-args): the value is the object, or
// the text itself while it is not valid JSON (so validation can say so and the text is not lost).
Def& jsonText(Def& d, QByteArray RunConfig::*member, bool emptyIsObject)
{
    d.type(ParameterType::Json);
    d.getter([member, emptyIsObject](const RunConfig& c) {
        const QByteArray& text = c.*member;
        if (text.trimmed().isEmpty())
            return emptyIsObject ? json::object() : json(nullptr);
        json parsed = json::parse(text.cbegin(), text.cend(), nullptr, false);
        if (parsed.is_discarded())
            return json(text.toStdString());
        return parsed;
    });
    d.setter([member](RunConfig& c, const json& v) {
        if (v.is_null() || (v.is_object() && v.empty()))
            (c.*member).clear();
        else if (v.is_string())
            c.*member = QByteArray::fromStdString(v.get<std::string>());
        else if (v.is_object())
            c.*member = jsonutil::dump(v);
        else
            return Tr::tr("must be a JSON object");
        return QString();
    });
    return d;
}

QString jsonObjectCheck(const QByteArray& text, const char* example)
{
    if (text.trimmed().isEmpty())
        return {};
    const auto parsed = json::parse(text.cbegin(), text.cend(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return Tr::tr("must be a JSON object, e.g. %1").arg(QString::fromLatin1(example));
    return {};
}

// POSIX portable environment variable names: letters, digits and _, not starting with a digit.
bool isEnvName(const QString& name)
{
    if (name.isEmpty() || name.front().isDigit())
        return false;
    for (QChar ch : name) {
        if (!(ch.unicode() < 128 && (ch.isLetterOrNumber() || ch == u'_')))
            return false;
    }
    return true;
}

// RFC 9110 token characters: what a header name may hold.
bool isHttpToken(const QString& name)
{
    static const QString extra = QStringLiteral("!#$%&'*+-.^_`|~");
    if (name.isEmpty())
        return false;
    for (QChar ch : name) {
        if (!(ch.unicode() < 128 && (ch.isLetterOrNumber() || extra.contains(ch))))
            return false;
    }
    return true;
}

bool isSecretHeader(const QString& name)
{
    return SecretMask::isSecretHeader(name);
}

const QStringList kApis = {QStringLiteral("openai"), QStringLiteral("local"), QStringLiteral("local_vllm"),
    QStringLiteral("openai_responses"), QStringLiteral("openai_response"), QStringLiteral("responses"),
    QStringLiteral("openai_embedding"), QStringLiteral("embedding"), QStringLiteral("openai_rerank"),
    QStringLiteral("rerank")};
const QStringList kDatasets = {QStringLiteral("builtin"), QStringLiteral("openqa"), QStringLiteral("longalpaca"),
    QStringLiteral("line_by_line"), QStringLiteral("custom"), QStringLiteral("share_gpt_zh"),
    QStringLiteral("share_gpt_en"), QStringLiteral("speed_benchmark"), QStringLiteral("speed_benchmark_long"),
    QStringLiteral("random"), QStringLiteral("embedding"), QStringLiteral("embed"), QStringLiteral("embedding_batch"),
    QStringLiteral("random_embedding"), QStringLiteral("random_embedding_batch"), QStringLiteral("rerank"),
    QStringLiteral("random_rerank")};

const char* const kMultiTurnReason
    = QT_TRANSLATE_NOOP("Throughline", "not in this version of Throughline (planned: multi-turn conversations)");
const char* const kSlaReason
    = QT_TRANSLATE_NOOP("Throughline", "not in this version of Throughline (planned: SLA auto-tuning)");
const char* const kImageReason = QT_TRANSLATE_NOOP(
    "Throughline", "not in this version of Throughline (planned: image inputs for multimodal datasets)");
const char* const kTrackerReason = QT_TRANSLATE_NOOP("Throughline",
    "experiment trackers are not supported; every request is kept in the --project "
    "file (export it with 'throughline-cli runs export')");

QList<Parameter> buildRegistry()
{
    using G = ParameterGroup;
    using T = ParameterType;
    using W = WidgetKind;
    QList<Parameter> r;

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
                 return c.model.trimmed().isEmpty()
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
                 return toJ(includeSecrets ? c.resolvedUrl() : SecretMask::maskUrl(c.resolvedUrl()));
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
                         .arg(c.url);
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
                         "the values of Authorization, Proxy-Authorization, api-key, X-Api-Key and of any header "
                         "whose name contains auth, key, token, secret, password or cookie are masked in saved "
                         "files, and a masked value read back is not sent."))
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
                     h[jsonutil::toStd(k)] = (isSecretHeader(k) && !includeSecrets) ? json(kMask) : toJ(v);
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
                 }
                 return QString();
             });
    r << Def("port", {"--port"}, G::Target)
             .field(&RunConfig::port)
             .metavar("PORT")
             .min(1)
             .max(65535)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "--api local/local_vllm: benchmark the server on http://127.0.0.1:PORT/v1/chat/completions "
                 "(default 8877). Throughline starts no model itself: run one there (or throughline-sim --port "
                 "PORT)."))
             .example({QStringLiteral("9000")});
    r << Def("attn_implementation", {"--attn-implementation"}, G::Target)
             .unsupported(T::String,
                 QT_TRANSLATE_NOOP("Throughline",
                     "Throughline benchmarks servers only: start the model behind an OpenAI-compatible server and give "
                     "its --url"))
             .metavar("NAME")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Attention implementation of EvalScope's in-process transformers model (--api local)."));
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
                 "By default one request is sent before the sweep, so that a wrong URL, model or key fails "
                 "in seconds (exit code 3) instead of after a point of failures."));
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

    // --- Load ---
    r << Def("parallel", {"--parallel"}, G::Load)
             .field(&RunConfig::parallel)
             .metavar("P ...")
             .unit("requests")
             .min(1)
             .nonEmpty()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Closed loop: maximum requests in flight. Several values make a sweep (one run point each)."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "Each value is one run point; a new request starts as soon as one finishes, so at most P "
                 "are in flight. Give one --number per value."))
             .example({QStringLiteral("2"), QStringLiteral("8")});
    r << Def("number", {"--number", "-n"}, G::Load)
             .field(&RunConfig::number)
             .metavar("N ...")
             .unit("requests")
             .min(1)
             .nonEmpty()
             .help(QT_TRANSLATE_NOOP("Throughline", "Requests per run point; one value per --parallel value."))
             .example({QStringLiteral("20"), QStringLiteral("80")});
    r << Def("rate", {"--rate"}, G::Load)
             .field(&RunConfig::rate)
             .metavar("R")
             .unit("requests/s")
             .nonEmpty()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Requests per second within the --parallel cap: Poisson arrivals on an absolute schedule rescaled "
                 "to last number/rate seconds; -1 = no pacing (default). Only the first value is used in closed "
                 "loop."))
             .example({QStringLiteral("5")})
             .bad({QStringLiteral("0")})
             .check([](const RunConfig& c) {
                 for (double r : c.rate) {
                     if (!(r == -1.0 || r > 0.0))
                         return Tr::tr("must be -1 (no pacing) or a positive number of requests per second (got %1)")
                             .arg(r);
                 }
                 return QString();
             });
    r << Def("open_loop", {"--open-loop"}, G::Load)
             .field(&RunConfig::openLoop)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Open loop: requests arrive on the --rate schedule (Poisson, rescaled to number/rate seconds) "
                 "whatever is in flight; --rate becomes the sweep (one --number per --rate) and --parallel is "
                 "ignored."));
    r << Def("arrival_distribution", {"--arrival-distribution"}, G::Load)
             .field(&RunConfig::arrivalDistribution)
             .metavar("D")
             .choices({QStringLiteral("poisson"), QStringLiteral("gamma"), QStringLiteral("constant")})
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Paced arrivals (with --rate): poisson (default), gamma (shape --burstiness) or constant "
                 "intervals."))
             .example({QStringLiteral("constant")});
    r << Def("burstiness", {"--burstiness"}, G::Load)
             .field(&RunConfig::burstiness)
             .metavar("B")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Gamma shape of the inter-arrival gaps, mean kept at 1/rate (vLLM's meaning): < 1 burstier, > 1 "
                 "smoother; a value other than 1 selects gamma arrivals."))
             .example({QStringLiteral("0.5")});
    r << Def("sleep_interval", {"--sleep-interval"}, G::Load)
             .field(&RunConfig::sleepInterval)
             .metavar("S")
             .unit("s")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline", "Seconds to wait between sweep points (default 5)."))
             .example({QStringLiteral("0")});
    r << Def("warmup_num", {"--warmup-num"}, G::Load)
             .field(&RunConfig::warmupNum)
             .metavar("N")
             .unit("requests")
             .min(0)
             .max(kIntMax)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Warmup requests run in full before each point's timed phase, at the same load, excluded from "
                 "every metric (stored flagged). >= 1: a count; between 0 and 1: a ratio of --number (at least 1)."))
             .example({QStringLiteral("0.2")});
    r << Def("duration", {"--duration"}, G::Load)
             .field(&RunConfig::duration)
             .metavar("S")
             .unit("s")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Seconds per run point (warmup excluded): then no new request starts and in-flight ones finish; "
                 "whichever of --number and --duration comes first ends the point."))
             .example({QStringLiteral("30")});
    r << Def("connect_rate", {"--connect-rate"}, G::Load)
             .field(&RunConfig::connectRate)
             .metavar("N")
             .unit("connections/s")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "New connections per second when a point starts, after a burst of 64 (default 2000; 0 = no "
                 "limit), so that a start with thousands of streams does not overflow the server's accept queue."))
             .example({QStringLiteral("500")});

    // --- Dataset ---
    r << Def("prompt", {"--prompt"}, G::Dataset)
             .field(&RunConfig::prompt)
             .nullWhenEmpty()
             .metavar("TEXT")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Fixed prompt for every request (takes priority over --dataset); '@FILE' reads a file."))
             .example({QStringLiteral("Say hello")})
             .bad({QStringLiteral("@/nonexistent/prompt.txt")})
             .check([](const RunConfig& c) {
                 return c.prompt.startsWith(u'@') && !QFileInfo(c.prompt.mid(1)).isFile()
                     ? Tr::tr("'%1' does not exist; '@FILE' reads the prompt from FILE").arg(c.prompt.mid(1))
                     : QString();
             });
    r << Def("dataset", {"--dataset"}, G::Dataset)
             .field(&RunConfig::dataset)
             .metavar("NAME")
             .choices(kDatasets)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Prompt source (docs/DATASETS.md): builtin (default: 40 short questions), openqa, longalpaca, "
                 "share_gpt_zh, share_gpt_en (downloaded from the hub, or --dataset-path), line_by_line, custom, "
                 "embedding, embedding_batch, rerank (a local file), random, random_embedding, "
                 "random_embedding_batch, random_rerank (need --tokenizer-path), speed_benchmark, "
                 "speed_benchmark_long."))
             .example({QStringLiteral("speed_benchmark")});
    r << Def("dataset_path", {"--dataset-path"}, G::Dataset)
             .field(&RunConfig::datasetPath)
             .nullWhenEmpty()
             .metavar("PATH")
             .widget(W::FilePicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Local dataset file, or the folder holding the dataset's file (offline use; implies "
                 "--data-source local)."))
             .bad({QStringLiteral("/nonexistent/data.jsonl")})
             .check([](const RunConfig& c) {
                 return !c.datasetPath.isEmpty() && !QFileInfo::exists(c.datasetPath)
                     ? Tr::tr("'%1' does not exist; give a dataset file or the folder holding it").arg(c.datasetPath)
                     : QString();
             });
    r << Def("data_source", {"--data-source"}, G::Dataset)
             .field(&RunConfig::dataSource)
             .nullWhenEmpty()
             .metavar("HUB")
             .choices({QStringLiteral("modelscope"), QStringLiteral("huggingface"), QStringLiteral("local")})
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Where hub datasets come from: modelscope (default), huggingface, or local (--dataset-path only)."))
             .example({QStringLiteral("huggingface")});
    r << jsonText(Def("dataset_args", {"--dataset-args"}, G::Dataset)
                      .metavar("JSON")
                      .help(QT_TRANSLATE_NOOP("Throughline",
                          "Length control for openqa, longalpaca, line_by_line, share_gpt_*: "
                          "{\"target_input_len\": N, \"input_len_mode\": \"cap\"|\"drop\", \"prefix_file\": FILE, "
                          "\"prefix_role\": \"system\"|\"user\"}."))
                      .bad({QStringLiteral("[1]")})
                      .example({QStringLiteral("{\"input_len_mode\":\"drop\"}")}),
        &RunConfig::datasetArgs, false);
    r << Def("dataset_cache", {"--dataset-cache"}, G::Dataset)
             .field(&RunConfig::datasetCache)
             .nullWhenEmpty()
             .metavar("DIR")
             .widget(W::FolderPicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Hub download cache (default $THROUGHLINE_DATASET_CACHE or ~/.cache/throughline/datasets)."))
             .example({QStringLiteral("/tmp/datasets")});
    r << Def("tokenizer_path", {"--tokenizer-path"}, G::Dataset)
             .field(&RunConfig::tokenizerPath)
             .nullWhenEmpty()
             .metavar("PATH")
             .widget(W::FilePicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Hugging Face model folder or tokenizer.json: counts prompt lengths in tokens and feeds random "
                 "datasets."))
             .bad({QStringLiteral("/nonexistent/tokenizer.json")})
             .check([](const RunConfig& c) {
                 return !c.tokenizerPath.isEmpty() && !QFileInfo::exists(c.tokenizerPath)
                     ? Tr::tr("'%1' does not exist; give a model folder or its tokenizer.json").arg(c.tokenizerPath)
                     : QString();
             });
    r << Def("prefix_length", {"--prefix-length"}, G::Dataset)
             .field(&RunConfig::prefixLength)
             .metavar("N")
             .unit("tokens")
             .min(0)
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "random: a shared random prefix of N tokens on every prompt (prefix-cache testing)."))
             .example({QStringLiteral("16")});
    r << Def("min_prompt_length", {"--min-prompt-length"}, G::Dataset)
             .field(&RunConfig::minPromptLength)
             .metavar("N")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Drop prompts shorter than N (tokens with --tokenizer-path, else characters); random: the lower "
                 "bound."))
             .example({QStringLiteral("10")});
    r << Def("max_prompt_length", {"--max-prompt-length"}, G::Dataset)
             .field(&RunConfig::maxPromptLength)
             .metavar("N")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Drop prompts longer than N (default 131072); random: the upper bound of the sampled length."))
             .example({QStringLiteral("4096")});
    r << Def("tokenize_prompt", {"--tokenize-prompt"}, G::Dataset)
             .field(&RunConfig::tokenizePrompt)
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "Send prompts as token ids to /v1/completions (needs --tokenizer-path)."));
    r << Def("dataset_offset", {"--dataset-offset"}, G::Dataset)
             .field(&RunConfig::datasetOffset)
             .metavar("N")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "random: token-window offset; advanced by each point's --number so prompts never repeat."))
             .example({QStringLiteral("100")});
    r << Def("query_template", {"--query-template"}, G::Dataset)
             .field(&RunConfig::queryTemplate)
             .nullWhenEmpty()
             .metavar("JSON")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Request body template, inline or '@FILE.json': the dataset's prompt replaces its "
                 "messages/prompt, then the run's parameters overwrite its keys."))
             .example({QStringLiteral("{\"top_p\":0.9}")})
             .bad({QStringLiteral("[1]")})
             .check([](const RunConfig& c) {
                 if (c.queryTemplate.isEmpty() || !c.queryTemplateJson().isEmpty())
                     return QString();
                 if (c.queryTemplate.startsWith(u'@') && !QFileInfo(c.queryTemplate.mid(1)).isFile())
                     return Tr::tr("cannot read '%1'").arg(c.queryTemplate.mid(1));
                 return Tr::tr("must be a JSON object (inline or @FILE.json), e.g. '{\"messages\": [], \"top_p\": "
                               "0.9}'");
             });
    for (const auto& [key, flag, type, help] : {std::tuple{"image_width", "--image-width", T::Int,
                                                    QT_TRANSLATE_NOOP("Throughline", "Width of random_vl images.")},
             std::tuple{"image_height", "--image-height", T::Int,
                 QT_TRANSLATE_NOOP("Throughline", "Height of random_vl images.")},
             std::tuple{"image_format", "--image-format", T::String,
                 QT_TRANSLATE_NOOP("Throughline", "Format of random_vl images.")},
             std::tuple{
                 "image_num", "--image-num", T::Int, QT_TRANSLATE_NOOP("Throughline", "Images per random_vl request.")},
             std::tuple{"image_patch_size", "--image-patch-size", T::Int,
                 QT_TRANSLATE_NOOP("Throughline", "Patch size of random_vl images.")}}) {
        r << Def(key, {flag}, G::Dataset).unsupported(type, kImageReason).metavar("V").help(help);
    }

    // --- Generation ---
    r << Def("max_tokens", {"--max-tokens"}, G::Generation)
             .type(T::IntRange)
             .metavar("N [MAX]")
             .unit("tokens")
             .min(0)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "max_tokens in the body (default 2048); two values MIN MAX draw each request's max_tokens "
                 "uniformly from MIN..MAX (inclusive; repeatable with --seed)."))
             .example({QStringLiteral("64")})
             .bad({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")})
             .getter([](const RunConfig& c) {
                 return c.maxTokensUpper ? json::array({c.maxTokens, *c.maxTokensUpper}) : json(c.maxTokens);
             })
             .setter([](RunConfig& c, const json& v) {
                 if (v.is_array() && (v.size() == 1 || v.size() == 2)) {
                     int low = 0;
                     int high = 0;
                     if (QString e = readJ(v[0], &low); !e.isEmpty())
                         return e;
                     if (v.size() == 2) {
                         if (QString e = readJ(v[1], &high); !e.isEmpty())
                             return e;
                     }
                     c.maxTokens = low;
                     c.maxTokensUpper = v.size() == 2 ? std::optional<int>(high) : std::nullopt;
                     return QString();
                 }
                 if (v.is_array())
                     return Tr::tr("takes one value or a MIN MAX pair (got %1 values)").arg(v.size());
                 int n = 0;
                 if (QString e = readJ(v, &n); !e.isEmpty())
                     return e;
                 c.maxTokens = n;
                 c.maxTokensUpper.reset();
                 return QString();
             });
    r << Def("min_tokens", {"--min-tokens"}, G::Generation)
             .field(&RunConfig::minTokens)
             .metavar("N")
             .unit("tokens")
             .min(0)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "min_tokens in the body."))
             .example({QStringLiteral("8")});
    r << Def("temperature", {"--temperature"}, G::Generation)
             .field(&RunConfig::temperature)
             .metavar("T")
             .min(0)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "temperature in the body (default 0.0)."))
             .example({QStringLiteral("0.7")});
    r << Def("top_p", {"--top-p"}, G::Generation)
             .field(&RunConfig::topP)
             .metavar("P")
             .min(0)
             .max(1)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "top_p in the body."))
             .example({QStringLiteral("0.9")});
    r << Def("top_k", {"--top-k"}, G::Generation)
             .field(&RunConfig::topK)
             .metavar("K")
             .min(-1)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "top_k in the body (-1: no limit, as vLLM reads it)."))
             .example({QStringLiteral("20")});
    r << Def("seed", {"--seed"}, G::Generation)
             .field(&RunConfig::seed)
             .metavar("S")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "seed in the body; also makes datasets repeatable (random prompts, --max-tokens ranges)."))
             .example({QStringLiteral("42")});
    r << Def("frequency_penalty", {"--frequency-penalty"}, G::Generation)
             .field(&RunConfig::frequencyPenalty)
             .metavar("F")
             .min(-2)
             .max(2)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "frequency_penalty in the body."))
             .example({QStringLiteral("0.5")});
    r << Def("repetition_penalty", {"--repetition-penalty"}, G::Generation)
             .field(&RunConfig::repetitionPenalty)
             .metavar("F")
             .min(0, true)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "repetition_penalty in the body."))
             .example({QStringLiteral("1.1")});
    r << Def("logprobs", {"--logprobs"}, G::Generation)
             .field(&RunConfig::logprobs)
             .negative("--no-logprobs")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "logprobs: true in the body."));
    r << Def("n_choices", {"--n-choices"}, G::Generation)
             .field(&RunConfig::nChoices)
             .metavar("N")
             .min(1)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "n in the body (choices per request)."))
             .example({QStringLiteral("2")});
    r << Def("stop", {"--stop"}, G::Generation)
             .field(&RunConfig::stop)
             .nullWhenEmpty()
             .metavar("S ...")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "stop strings in the body."))
             .example({QStringLiteral("###"), QStringLiteral("END")});
    r << Def("stop_token_ids", {"--stop-token-ids"}, G::Generation)
             .field(&RunConfig::stopTokenIds)
             .nullWhenEmpty()
             .metavar("ID ...")
             .body()
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "stop_token_ids in the body (sent as JSON strings, as EvalScope does)."))
             .example({QStringLiteral("7"), QStringLiteral("9")})
             .bad({QStringLiteral("eos")})
             .check([](const RunConfig& c) {
                 for (const QString& id : c.stopTokenIds) {
                     bool ok = false;
                     id.toLongLong(&ok);
                     if (!ok)
                         return Tr::tr("'%1' is not a token id; give whole numbers, e.g. --stop-token-ids 151645")
                             .arg(id);
                 }
                 return QString();
             });
    r << jsonText(Def("extra_args", {"--extra-args"}, G::Generation)
                      .metavar("JSON")
                      .body()
                      .help(QT_TRANSLATE_NOOP(
                          "Throughline", "JSON object merged into every request body, e.g. '{\"ignore_eos\": true}'."))
                      .example({QStringLiteral("{\"ignore_eos\":true}")})
                      .bad({QStringLiteral("[1,2]")})
                      .check([](const RunConfig& c) {
                          return jsonObjectCheck(c.extraArgs, "--extra-args '{\"ignore_eos\": true}'");
                      }),
        &RunConfig::extraArgs, true);
    r << Def("stream", {"--stream"}, G::Generation)
             .field(&RunConfig::stream)
             .negative("--no-stream")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Stream responses (SSE) [default]; --no-stream asks for whole responses. Needed for "
                 "TTFT/ITL/TPOT."));
    r << Def("continuous_usage", {"--continuous-usage"}, G::Generation)
             .field(&RunConfig::continuousUsage)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Also send stream_options.continuous_usage_stats (vLLM, SGLang): usage in every chunk, so each "
                 "event's token count is exact for ITL per token and tokens per chunk. Off by default: bodies stay "
                 "EvalScope's."));
    r << Def("apply_chat_template", {"--apply-chat-template"}, G::Generation)
             .field(&RunConfig::applyChatTemplate)
             .negative("--no-apply-chat-template")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Send chat messages (default when the URL ends with chat/completions); --no-apply-chat-template "
                 "sends a plain 'prompt' string."))
             .saver([](const RunConfig& c, bool) { return json(c.effectiveApplyChatTemplate()); });

    // --- Multi-turn ---
    r << Def("multi_turn", {"--multi-turn"}, G::MultiTurn)
             .unsupported(T::Bool, kMultiTurnReason)
             .help(QT_TRANSLATE_NOOP("Throughline", "Multi-turn conversation benchmark (--number counts turns)."));
    r << Def("min_turns", {"--min-turns"}, G::MultiTurn)
             .unsupported(T::Int, kMultiTurnReason)
             .metavar("N")
             .help(QT_TRANSLATE_NOOP("Throughline", "Minimum user turns per conversation."));
    r << Def("max_turns", {"--max-turns"}, G::MultiTurn)
             .unsupported(T::Int, kMultiTurnReason)
             .metavar("N")
             .help(QT_TRANSLATE_NOOP("Throughline", "Maximum user turns per conversation."));
    r << Def("multi_turn_args", {"--multi-turn-args"}, G::MultiTurn)
             .unsupported(T::Json, kMultiTurnReason)
             .metavar("JSON")
             .help(QT_TRANSLATE_NOOP("Throughline", "Options of multi-turn datasets."));

    // --- SLA ---
    r << Def("sla_auto_tune", {"--sla-auto-tune"}, G::Sla)
             .unsupported(T::Bool, kSlaReason)
             .help(QT_TRANSLATE_NOOP("Throughline", "Search the highest load that meets the SLA."));
    for (const auto& [key, flag, type, help] :
        {std::tuple{"sla_variable", "--sla-variable", T::String,
             QT_TRANSLATE_NOOP("Throughline", "The load variable the search changes.")},
            std::tuple{"sla_params", "--sla-params", T::Json, QT_TRANSLATE_NOOP("Throughline", "The SLA targets.")},
            std::tuple{"sla_upper_bound", "--sla-upper-bound", T::Int,
                QT_TRANSLATE_NOOP("Throughline", "Upper bound of the search.")},
            std::tuple{"sla_lower_bound", "--sla-lower-bound", T::Int,
                QT_TRANSLATE_NOOP("Throughline", "Lower bound of the search.")},
            std::tuple{
                "sla_fixed_parallel", "--sla-fixed-parallel", T::Int, "Concurrency held while rate is searched."},
            std::tuple{
                "sla_num_runs", "--sla-num-runs", T::Int, QT_TRANSLATE_NOOP("Throughline", "Runs per probed load.")},
            std::tuple{"sla_number_multiplier", "--sla-number-multiplier", T::Double,
                QT_TRANSLATE_NOOP("Throughline", "Requests per unit of load.")}}) {
        r << Def(key, {flag}, G::Sla).unsupported(type, kSlaReason).metavar("V").help(help);
    }

    // --- Output ---
    r << Def("name", {"--name"}, G::Output)
             .field(&RunConfig::name)
             .metavar("NAME")
             .help(QT_TRANSLATE_NOOP("Throughline", "Run name (default: the model's base name); one folder name, no path."))
             .definition(QT_TRANSLATE_NOOP("Throughline", "Names the run's folder under --outputs-dir, so it cannot hold / or \\, be absolute, "
                         "or be . or ..: such names are refused rather than let write outside --outputs-dir."))
             .example({QStringLiteral("baseline")})
             .bad({QStringLiteral("../x")})
             .check([](const RunConfig& c) {
                 const QString n = c.name;
                 if (n.contains(u'/') || n.contains(u'\\') || n == u"." || n == u".." || n.contains(QChar(0)))
                     return Tr::tr("'%1' is not a folder name; --name names one folder under --outputs-dir, "
                                   "without / \\ . or ..")
                         .arg(n);
                 return QString();
             })
             .saver([](const RunConfig& c, bool) { return toJ(c.effectiveName()); });
    r << Def("outputs_dir", {"--outputs-dir"}, G::Output)
             .field(&RunConfig::outputsDir)
             .metavar("DIR")
             .widget(W::FolderPicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Root of EvalScope's output tree: DIR/<YYYYmmdd_HHMMSS>/<name>/parallel_<P>_number_<N>/ (default "
                 "./outputs)."))
             .example({QStringLiteral("/tmp/out")});
    r << Def("no_timestamp", {"--no-timestamp"}, G::Output)
             .field(&RunConfig::noTimestamp)
             .help(QT_TRANSLATE_NOOP("Throughline", "Leave the <YYYYmmdd_HHMMSS> level out of the tree."));
    r << Def(nullptr, {"--no-outputs"}, G::Output)
             .field(&RunConfig::writeOutputs)
             .flagSets(false)
             .help(QT_TRANSLATE_NOOP("Throughline", "Write no output tree (the project file still keeps all)."))
             .definition(QT_TRANSLATE_NOOP(
                 "Throughline", "Not saved in benchmark_args.json: where results go is each invocation's choice."));
    r << Def("project", {"--project"}, G::Output)
             .field(&RunConfig::project)
             .nullWhenEmpty()
             .metavar("FILE.tlproj")
             .widget(W::FilePicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Project file that stores every request of the run (created if missing); the workbench opens it."))
             .example({QStringLiteral("/tmp/p.tlproj")});
    r << Def("debug", {"--debug"}, G::Output)
             .field(&RunConfig::debug)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Log each request body (first and last 100 characters) and each response event (first and last "
                 "200) to stderr."));
    r << Def("log_every_n_query", {"--log-every-n-query"}, G::Output)
             .field(&RunConfig::logEveryNQuery)
             .metavar("N")
             .min(1)
             .help(
                 QT_TRANSLATE_NOOP("Throughline", "Print the running metrics every N finished requests (default 100)."))
             .example({QStringLiteral("10")});
    r << Def("enable_progress_tracker", {"--enable-progress-tracker"}, G::Output)
             .field(&RunConfig::enableProgressTracker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Keep <outputs>/<run>/progress.json up to date (status, processed and total counts, percent)."));
    r << Def("visualizer", {"--visualizer"}, G::Output)
             .unsupported(T::String, kTrackerReason)
             .metavar("NAME")
             .help(QT_TRANSLATE_NOOP("Throughline", "Experiment tracker (wandb, swanlab, clearml)."));
    r << Def("wandb_api_key", {"--wandb-api-key"}, G::Output)
             .unsupported(T::String, kTrackerReason)
             .metavar("KEY")
             .help(QT_TRANSLATE_NOOP("Throughline", "Weights & Biases API key."));
    r << Def("swanlab_api_key", {"--swanlab-api-key"}, G::Output)
             .unsupported(T::String, kTrackerReason)
             .metavar("KEY")
             .help(QT_TRANSLATE_NOOP("Throughline", "SwanLab API key."));
    r << Def("swanlab_host", {"--swanlab-host"}, G::Output)
             .unsupported(T::String, kTrackerReason)
             .metavar("URL")
             .help(QT_TRANSLATE_NOOP("Throughline", "SwanLab server."));

    // --- Advanced ---
    r << Def("workers", {"--workers"}, G::Advanced)
             .field(&RunConfig::workers)
             .metavar("N")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline", "Client worker threads (default 0 = one per core)."))
             .example({QStringLiteral("2")});
    r << Def("max_response_bytes", {"--max-response-bytes"}, G::Advanced)
             .field(&RunConfig::maxResponseBytes)
             .metavar("BYTES")
             .unit("bytes")
             .min(1024)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Largest response body kept per request (default 16 MiB); past it the request is ended and "
                 "recorded as response_too_large, so a server that streams without end costs a failure, not memory."))
             .example({QStringLiteral("67108864")});
    r << Def("max_event_bytes", {"--max-event-bytes"}, G::Advanced)
             .field(&RunConfig::maxEventBytes)
             .metavar("BYTES")
             .unit("bytes")
             .min(64)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Largest server-sent event or stream line (default 1 MiB); past it the request is "
                 "response_too_large."))
             .example({QStringLiteral("4194304")});
    r << Def("db_commit_interval", {"--db-commit-interval"}, G::Advanced)
             .field(&RunConfig::dbCommitInterval)
             .metavar("N")
             .min(1)
             .noEffect(QT_TRANSLATE_NOOP("Throughline", "the project file commits one transaction per batch"))
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Accepted for EvalScope compatibility; no effect (the project file commits one transaction per "
                 "batch)."))
             .example({QStringLiteral("5")});
    r << Def("queue_size_multiplier", {"--queue-size-multiplier"}, G::Advanced)
             .field(&RunConfig::queueSizeMultiplier)
             .metavar("N")
             .min(1)
             .noEffect(QT_TRANSLATE_NOOP("Throughline", "results leave the workers in batches"))
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Accepted for EvalScope compatibility; no effect (results leave the workers in batches)."))
             .example({QStringLiteral("3")});
    r << Def("in_flight_task_multiplier", {"--in-flight-task-multiplier"}, G::Advanced)
             .field(&RunConfig::inFlightTaskMultiplier)
             .metavar("N")
             .min(1)
             .noEffect(QT_TRANSLATE_NOOP("Throughline", "requests are created when a slot frees"))
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Accepted for EvalScope compatibility; no effect (requests are created when a slot frees)."))
             .example({QStringLiteral("4")});
    r << Def("num_workers", {"--num-workers"}, G::Advanced)
             .field(&RunConfig::numWorkers)
             .metavar("N")
             .min(0)
             .noEffect(QT_TRANSLATE_NOOP("Throughline", "prompts are generated lazily"))
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Accepted for EvalScope compatibility; no effect (prompts are generated lazily). See --workers."))
             .example({QStringLiteral("3")});
    return r;
}

QString number(double v)
{
    return QString::number(v, 'g', 15);
}

// The range rule of a numeric parameter as the fix to quote: "from 1 to 65535", ">= 0", "> 0".
QString rangeText(const Parameter& p)
{
    if (p.minimum && p.maximum)
        return Tr::tr("from %1 to %2").arg(number(*p.minimum), number(*p.maximum));
    if (p.minimum)
        return (p.minimumExclusive ? QStringLiteral("> ") : QStringLiteral(">= ")) + number(*p.minimum);
    if (p.maximum)
        return QStringLiteral("<= ") + number(*p.maximum);
    return {};
}

QString rangeError(const Parameter& p, double v)
{
    const bool whole = p.type == ParameterType::Int || p.type == ParameterType::Int64
        || p.type == ParameterType::IntList || p.type == ParameterType::IntRange;
    const QString what = whole ? Tr::tr("a whole number") : Tr::tr("a number");
    if (p.isList())
        return Tr::tr("every value must be %1 %2 (got %3)").arg(what, rangeText(p), number(v));
    return Tr::tr("must be %1 %2 (got %3)").arg(what, rangeText(p), number(v));
}

bool inRange(const Parameter& p, double v)
{
    if (p.minimum && (p.minimumExclusive ? !(v > *p.minimum) : !(v >= *p.minimum)))
        return false;
    return !(p.maximum && v > *p.maximum);
}

// One command-line word as a number of the parameter's type: whole numbers within the type's range, finite
// numbers; out-of-range values are refused here, before they can wrap in a narrower field.
json numberFromWord(const Parameter& p, const QString& word, QString* error)
{
    const bool whole = p.type == ParameterType::Int || p.type == ParameterType::IntList
        || p.type == ParameterType::IntRange || p.type == ParameterType::Int64;
    if (whole) {
        const bool narrow = p.type != ParameterType::Int64;
        const qint64 low = narrow ? std::numeric_limits<int>::min() : std::numeric_limits<qint64>::min();
        const qint64 high = narrow ? std::numeric_limits<int>::max() : std::numeric_limits<qint64>::max();
        bool ok = false;
        const qint64 v = word.toLongLong(&ok);
        bool isNumber = false;
        const double d = word.toDouble(&isNumber);
        const bool integral = ok || (isNumber && std::isfinite(d) && d == std::floor(d));
        if (!integral) {
            *error = Tr::tr("'%1' is not a whole number").arg(word);
            return nullptr;
        }
        if (!ok || v < low || v > high) {
            const double from = p.minimum ? std::max(*p.minimum, double(low)) : double(low);
            const double to = p.maximum ? std::min(*p.maximum, double(high)) : double(high);
            const QString range = Tr::tr("from %1 to %2").arg(number(from), number(to));
            *error = Tr::tr("'%1' is out of range; give a whole number %2").arg(word, range);
            return nullptr;
        }
        return v;
    }
    bool ok = false;
    const double v = word.toDouble(&ok);
    if (!ok) {
        *error = Tr::tr("'%1' is not a number").arg(word);
        return nullptr;
    }
    if (!std::isfinite(v)) {
        *error = Tr::tr("'%1' is not a finite number; give a number %2")
                     .arg(word, rangeText(p).isEmpty() ? Tr::tr("such as 1.5") : rangeText(p));
        return nullptr;
    }
    return v;
}

} // namespace

const QList<Parameter>& ParameterRegistry::all()
{
    static const QList<Parameter> registry = buildRegistry();
    return registry;
}

QList<ParameterGroup> ParameterRegistry::groups()
{
    return {ParameterGroup::Target, ParameterGroup::Load, ParameterGroup::Dataset, ParameterGroup::Generation,
        ParameterGroup::MultiTurn, ParameterGroup::Sla, ParameterGroup::Output, ParameterGroup::Advanced};
}

QString ParameterRegistry::groupName(ParameterGroup group)
{
    switch (group) {
    case ParameterGroup::Target:
        return Tr::tr("Target");
    case ParameterGroup::Load:
        return Tr::tr("Load");
    case ParameterGroup::Dataset:
        return Tr::tr("Dataset");
    case ParameterGroup::Generation:
        return Tr::tr("Generation");
    case ParameterGroup::MultiTurn:
        return Tr::tr("Multi-turn");
    case ParameterGroup::Sla:
        return Tr::tr("SLA");
    case ParameterGroup::Output:
        return Tr::tr("Output");
    case ParameterGroup::Advanced:
        return Tr::tr("Advanced");
    }
    return {};
}

const Parameter* ParameterRegistry::byFlag(const QString& flag)
{
    for (const Parameter& p : all()) {
        if (p.flags.contains(flag) || (!p.negativeFlag.isEmpty() && p.negativeFlag == flag))
            return &p;
    }
    return nullptr;
}

const Parameter* ParameterRegistry::byKey(const QString& key)
{
    for (const Parameter& p : all()) {
        if (p.key != nullptr && key == QLatin1StringView(p.key))
            return &p;
    }
    return nullptr;
}

json ParameterRegistry::valueFromWords(const Parameter& p, const QStringList& words, bool negative, QString* error)
{
    switch (p.type) {
    case ParameterType::Bool:
        return negative ? !p.flagSets : p.flagSets;
    case ParameterType::String:
    case ParameterType::Json:
        return jsonutil::toStd(words.value(0));
    case ParameterType::Int:
    case ParameterType::Int64:
    case ParameterType::Double:
        return numberFromWord(p, words.value(0), error);
    case ParameterType::IntList:
    case ParameterType::DoubleList:
    case ParameterType::IntRange: {
        json out = json::array();
        for (const QString& w : words) {
            json v = numberFromWord(p, w, error);
            if (v.is_null()) {
                if (p.type != ParameterType::DoubleList && error->contains(QStringLiteral("not a whole number")))
                    *error += Tr::tr(" (give a list as separate words: 1 4 16)");
                return nullptr;
            }
            out.push_back(v);
        }
        if (p.type == ParameterType::IntRange && out.size() == 1)
            return out[0];
        return out;
    }
    case ParameterType::StringList:
    case ParameterType::KeyValueList: {
        json out = json::array();
        for (const QString& w : words)
            out.push_back(jsonutil::toStd(w));
        return out;
    }
    }
    return nullptr;
}

QStringList ParameterRegistry::wordsFromValue(const Parameter& p, const json& value, bool includeSecrets)
{
    QStringList out;
    auto word = [](const json& v) {
        if (v.is_string())
            return jsonutil::toQString(v);
        if (v.is_number_float())
            return number(v.get<double>());
        return QString::fromUtf8(jsonutil::dump(v));
    };
    if (value.is_null())
        return out;
    if (p.secret && !includeSecrets)
        return {QString::fromLatin1(kMask)};
    if (p.key != nullptr && std::string_view(p.key) == "url" && value.is_string() && !includeSecrets)
        return {SecretMask::maskUrl(jsonutil::toQString(value))};
    switch (p.type) {
    case ParameterType::Bool:
        return out; // the flag itself says it
    case ParameterType::KeyValueList:
        for (const json& pair : value) {
            const QString k = word(pair[0]);
            out.append(k + u'=' + (isSecretHeader(k) && !includeSecrets ? QString::fromLatin1(kMask) : word(pair[1])));
        }
        return out;
    default:
        break;
    }
    if (value.is_array()) {
        for (const json& v : value)
            out.append(word(v));
    } else {
        out.append(word(value));
    }
    return out;
}

QString ParameterRegistry::displayValue(const Parameter& p, const json& value)
{
    if (value.is_null())
        return Tr::tr("(none)");
    if (p.type == ParameterType::Bool)
        return value.get<bool>() ? Tr::tr("on") : Tr::tr("off");
    if (p.secret)
        return QString::fromLatin1(kMask);
    const QString words = wordsFromValue(p, value, false).join(u' ');
    return words.isEmpty() ? Tr::tr("(empty)") : words;
}

json ParameterRegistry::defaultValue(const Parameter& p)
{
    static const RunConfig defaults;
    return p.get(defaults);
}

ConfigErrors ParameterRegistry::validateFields(const RunConfig& config)
{
    ConfigErrors errors;
    for (const Parameter& p : all()) {
        if (!p.isSupported())
            continue;
        const json v = p.get(config);
        QString message;
        const bool numeric = p.type == ParameterType::Int || p.type == ParameterType::Int64
            || p.type == ParameterType::Double || p.type == ParameterType::IntList
            || p.type == ParameterType::DoubleList || p.type == ParameterType::IntRange;
        if (p.nonEmpty && (!v.is_array() || v.empty())) {
            message = Tr::tr("needs at least one value, e.g. %1 %2")
                          .arg(p.flag(), p.example.isEmpty() ? QStringLiteral("1") : p.example.join(u' '));
        } else if (numeric && !v.is_null()) {
            const json items = v.is_array() ? v : json::array({v});
            for (const json& item : items) {
                const double d = item.get<double>();
                if (!std::isfinite(d)) {
                    message = Tr::tr("must be a finite number");
                    break;
                }
                if (!inRange(p, d)) {
                    message = rangeError(p, d);
                    break;
                }
            }
        } else if (p.type == ParameterType::String && p.strictChoices && !p.choices.isEmpty() && v.is_string()) {
            const QString s = jsonutil::toQString(v);
            if (!p.choices.contains(s))
                message = Tr::tr("unknown value '%1'; choose one of: %2").arg(s, p.choices.join(u", "));
        }
        if (message.isEmpty() && p.check)
            message = p.check(config);
        if (!message.isEmpty())
            errors.append(ConfigError{p.flag(), message});
    }
    return errors;
}

QByteArray ParameterRegistry::toJson(const RunConfig& config, bool includeSecrets)
{
    json j = json::object();
    for (const Parameter& p : all()) {
        if (p.key == nullptr || !p.isSupported())
            continue;
        j[p.key] = p.save ? p.save(config, includeSecrets) : p.get(config);
    }
    return jsonutil::dump(j, 4);
}

RunConfig ParameterRegistry::fromJson(const QByteArray& data, ConfigErrors* errors)
{
    RunConfig c;
    const json j = json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        if (errors)
            errors->append(ConfigError{QString(), Tr::tr("the run configuration is not a JSON object")});
        return c;
    }
    // Keys this version does not know (EvalScope's multi-turn, SLA and tracker settings among them) are left
    // alone: a saved EvalScope configuration still loads.
    for (const Parameter& p : all()) {
        if (p.key == nullptr || !p.isSupported())
            continue;
        const auto it = j.find(p.key);
        if (it == j.end() || it->is_null())
            continue;
        const QString problem = p.set(c, *it);
        if (!problem.isEmpty() && errors)
            errors->append(
                ConfigError{p.flag(), Tr::tr("has the wrong type in the saved configuration: %1").arg(problem)});
    }
    return c;
}

QList<ParameterRegistry::Difference> ParameterRegistry::configDiff(const RunConfig& a, const RunConfig& b)
{
    QList<Difference> out;
    for (const Parameter& p : all()) {
        if (!p.isSupported())
            continue;
        const json va = p.get(a);
        const json vb = p.get(b);
        if (va != vb)
            out.append(Difference{&p, displayValue(p, va), displayValue(p, vb)});
    }
    return out;
}

} // namespace tl
