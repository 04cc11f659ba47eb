// Internal to the parameter registry: the entry builder and the value conversions the per-group files share.
// Not part of core's interface; included only by core/config/parameters_*.cpp and parameterregistry.cpp.
#pragma once

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

namespace tl::registrydef {

using nlohmann::json;

inline constexpr double kIntMax = std::numeric_limits<int>::max();
inline const char* const kMask = "**********"; // SecretMask::mask(), as a C string for json values

// --- JSON value <-> field conversions ---

inline json toJ(const QString& v)
{
    return jsonutil::toStd(v);
}
inline json toJ(int v)
{
    return v;
}
inline json toJ(qint64 v)
{
    return v;
}
inline json toJ(double v)
{
    return v;
}
inline json toJ(bool v)
{
    return v;
}
inline json toJ(const QList<int>& v)
{
    json out = json::array();
    for (int x : v)
        out.push_back(x);
    return out;
}
inline json toJ(const QList<double>& v)
{
    json out = json::array();
    for (double x : v)
        out.push_back(x);
    return out;
}
inline json toJ(const QStringList& v)
{
    json out = json::array();
    for (const QString& x : v)
        out.push_back(jsonutil::toStd(x));
    return out;
}
template <typename T> inline json toJ(const std::optional<T>& v)
{
    return v ? toJ(*v) : json(nullptr);
}

// Null, as a form gives for an empty field, is the empty value of strings and lists.
inline QString readJ(const json& j, QString* out)
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

inline bool wholeNumber(const json& j, qint64* out)
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

inline QString readJ(const json& j, qint64* out)
{
    if (!wholeNumber(j, out))
        return Tr::tr("must be a whole number");
    return {};
}

inline QString readJ(const json& j, int* out)
{
    qint64 v = 0;
    if (!wholeNumber(j, &v) || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        return Tr::tr("must be a whole number from %1 to %2")
            .arg(std::numeric_limits<int>::min())
            .arg(std::numeric_limits<int>::max());
    *out = int(v);
    return {};
}

inline QString readJ(const json& j, double* out)
{
    if (!j.is_number() || !std::isfinite(j.get<double>()))
        return Tr::tr("must be a finite number");
    *out = j.get<double>();
    return {};
}

inline QString readJ(const json& j, bool* out)
{
    if (!j.is_boolean())
        return Tr::tr("must be true or false");
    *out = j.get<bool>();
    return {};
}

template <typename V> inline QString readJ(const json& j, QList<V>* out)
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
inline QString readJ(const json& j, QStringList* out)
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

template <typename T> inline QString readJ(const json& j, std::optional<T>* out)
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

inline WidgetKind widgetOf(ParameterType type)
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
    Def& label(const char* v) // only where the label derived from the key reads badly
    {
        m_p.label = QString::fromUtf8(v);
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
inline Def& jsonText(Def& d, QByteArray RunConfig::*member, bool emptyIsObject)
{
    d.type(ParameterType::Json);
    d.getter([member, emptyIsObject](const RunConfig& c) {
        const QByteArray& text = c.*member;
        if (text.trimmed().isEmpty())
            return emptyIsObject ? json::object() : json(nullptr);
        if (jsonutil::tooDeep(text)) // copying a deep value recurses once per level: kept as its text
            return json(text.toStdString());
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

inline QString jsonObjectCheck(const QByteArray& text, const char* example)
{
    if (text.trimmed().isEmpty())
        return {};
    // A linear scan first: 20,000 levels of `[[[` crashed the CLI (copying nlohmann values recurses per level).
    if (jsonutil::tooDeep(text))
        return Tr::tr("nests arrays/objects deeper than %1 levels; flatten it").arg(jsonutil::kMaxDepth);
    const auto parsed = json::parse(text.cbegin(), text.cend(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return Tr::tr("must be a JSON object, e.g. %1").arg(QString::fromLatin1(example));
    return {};
}

// POSIX portable environment variable names: letters, digits and _, not starting with a digit.
inline bool isEnvName(const QString& name)
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
inline bool isHttpToken(const QString& name)
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

inline bool isSecretHeader(const QString& name, const QStringList& marked = {})
{
    return SecretMask::isSecretHeader(name, marked);
}

inline const QStringList kApis = {QStringLiteral("openai"), QStringLiteral("local"), QStringLiteral("local_vllm"),
    QStringLiteral("openai_responses"), QStringLiteral("openai_response"), QStringLiteral("responses"),
    QStringLiteral("openai_embedding"), QStringLiteral("embedding"), QStringLiteral("openai_rerank"),
    QStringLiteral("rerank")};
inline const QStringList kDatasets = {QStringLiteral("builtin"), QStringLiteral("openqa"), QStringLiteral("longalpaca"),
    QStringLiteral("line_by_line"), QStringLiteral("custom"), QStringLiteral("share_gpt_zh"),
    QStringLiteral("share_gpt_en"), QStringLiteral("speed_benchmark"), QStringLiteral("speed_benchmark_long"),
    QStringLiteral("random"), QStringLiteral("embedding"), QStringLiteral("embed"), QStringLiteral("embedding_batch"),
    QStringLiteral("random_embedding"), QStringLiteral("random_embedding_batch"), QStringLiteral("rerank"),
    QStringLiteral("random_rerank"), QStringLiteral("random_vl"), QStringLiteral("flickr8k"),
    QStringLiteral("kontext_bench"), QStringLiteral("random_multi_turn"), QStringLiteral("share_gpt_zh_multi_turn"),
    QStringLiteral("share_gpt_en_multi_turn"), QStringLiteral("custom_multi_turn"), QStringLiteral("workload_trace"),
    QStringLiteral("swe_smith"), QStringLiteral("trie_agentic_coding"), QStringLiteral("trie_code_qa"),
    QStringLiteral("trie_office_work")};

// Generated images are at most this many pixels a side (a 16384 x 16384 RGBA canvas is 1 GiB).
inline constexpr double kMaxImageSide = 16384;
inline const char* const kTrackerReason = QT_TRANSLATE_NOOP("Throughline",
    "experiment trackers are not supported; every request is kept in the --project "
    "file (export it with 'throughline-cli runs export')");

// One function per group, each in its own file (parameters_<group>.cpp), appending in --help order.
void addTargetParameters(QList<Parameter>& r);
void addLoadParameters(QList<Parameter>& r);
void addDatasetParameters(QList<Parameter>& r);
void addGenerationParameters(QList<Parameter>& r);
void addMultiTurnParameters(QList<Parameter>& r);
void addSlaParameters(QList<Parameter>& r);
void addCapacityParameters(QList<Parameter>& r);
void addOutputParameters(QList<Parameter>& r);
void addAdvancedParameters(QList<Parameter>& r);

} // namespace tl::registrydef
