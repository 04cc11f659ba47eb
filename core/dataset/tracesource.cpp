#include "dataset/tracesource.h"

#include "config/runconfig.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <QDate>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

using ojson = nlohmann::ordered_json;

const QStringList kFields = {QStringLiteral("body"), QStringLiteral("timestamp"), QStringLiteral("headers"),
    QStringLiteral("request_id"), QStringLiteral("completion_tokens")};

// RFC 9110 token characters: a header name made of anything else could split or smuggle a request.
bool validHeaderName(const std::string& name)
{
    if (name.empty() || name.size() > 256)
        return false;
    static const std::string extra = "!#$%&'*+-.^_`|~";
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || extra.find(c) != std::string::npos;
    });
}

bool validHeaderValue(const std::string& value)
{
    return value.size() <= 8192
        && std::none_of(value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

// Constrained decoding (EvalScope's rule): ignore_eos would make the server generate past the end of the JSON or
// the forced tool call.
bool constrainedDecoding(const ojson& body)
{
    if (const auto rf = body.find("response_format"); rf != body.end() && rf->is_object()) {
        const auto type = rf->find("type");
        if (type != rf->end() && type->is_string() && (*type == "json_object" || *type == "json_schema"))
            return true;
    }
    if (body.contains("tools")) {
        const auto choice = body.find("tool_choice");
        if (choice != body.end() && !choice->is_null() && !(choice->is_string() && (*choice == "none" || *choice == "auto")))
            return true;
    }
    return false;
}

} // namespace

std::optional<TraceSource::Options> TraceSource::parseOptions(const QByteArray& datasetArgs, QString* why)
{
    Options o;
    if (datasetArgs.trimmed().isEmpty())
        return o;
    const QByteArray& data = datasetArgs;
    const auto args = jsonutil::tooDeep(data) ? nlohmann::json(nlohmann::json::value_t::discarded)
                                              : nlohmann::json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (!args.is_object()) {
        *why = Tr::tr("must be a JSON object, e.g. --dataset-args '{\"speed\": 2}'");
        return std::nullopt;
    }
    for (const auto& [key, value] : args.items()) {
        if (key == "speed") {
            if (!value.is_number() || !(value.get<double>() > 0) || !std::isfinite(value.get<double>())) {
                *why = Tr::tr("\"speed\" must be a number > 0 (2 replays the trace twice as fast)");
                return std::nullopt;
            }
            o.speed = value.get<double>();
        } else if (key == "model_override") {
            if (!value.is_null() && !value.is_string()) {
                *why = Tr::tr("\"model_override\" must be a model name (a string)");
                return std::nullopt;
            }
            o.modelOverride = value.is_string() ? jsonutil::toQString(value) : QString();
        } else if (key == "model_mapping") {
            if (!value.is_null() && !value.is_object()) {
                *why = Tr::tr("\"model_mapping\" must be an object of trace model -> served model names");
                return std::nullopt;
            }
            if (value.is_object()) {
                for (const auto& [from, to] : value.items()) {
                    if (!to.is_string()) {
                        *why = Tr::tr("\"model_mapping\" maps \"%1\" to something that is not a model name")
                                   .arg(QString::fromStdString(from));
                        return std::nullopt;
                    }
                    o.modelMapping.insert(QString::fromStdString(from), jsonutil::toQString(to));
                }
            }
        } else if (key == "match_output_length") {
            if (!value.is_boolean()) {
                *why = Tr::tr("\"match_output_length\" must be true or false");
                return std::nullopt;
            }
            o.matchOutputLength = value.get<bool>();
        } else {
            *why = Tr::tr("unknown key \"%1\" for workload_trace; the keys are speed, model_override, model_mapping, "
                          "match_output_length")
                       .arg(QString::fromStdString(key));
            return std::nullopt;
        }
    }
    return o;
}

std::optional<qint64> TraceSource::parseTimestamp(const nlohmann::json& value, QString* why)
{
    if (value.is_number()) {
        const double s = value.get<double>();
        if (!std::isfinite(s) || s < 0 || s > 1e11) {
            *why = Tr::tr("\"timestamp\" must be seconds since the epoch (>= 0) or an ISO-8601 time");
            return std::nullopt;
        }
        if (value.is_number_integer())
            return value.get<qint64>() * 1000000000LL;
        return qint64(std::llround(s * 1e9));
    }
    if (!value.is_string()) {
        *why = Tr::tr("\"timestamp\" must be a number of seconds or an ISO-8601 string");
        return std::nullopt;
    }
    static const QRegularExpression iso(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QString text = jsonutil::toQString(value).trimmed();
    const QRegularExpressionMatch m = iso.match(text);
    const QDate date = m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt())
                                    : QDate();
    const int h = m.captured(4).toInt(), min = m.captured(5).toInt(), sec = m.captured(6).toInt();
    if (!m.hasMatch() || !date.isValid() || h > 23 || min > 59 || sec > 60) {
        *why = Tr::tr("\"timestamp\" '%1' is not an ISO-8601 time like 2026-01-31T12:00:00.250Z").arg(text.left(64));
        return std::nullopt;
    }
    qint64 seconds = (date.toJulianDay() - 2440588) * 86400LL + h * 3600LL + min * 60LL + sec;
    const QString zone = m.captured(8);
    if (!zone.isEmpty() && zone != u"Z" && zone != u"z") {
        const QString digits = QString(zone.mid(1)).remove(u':');
        const int offset = digits.left(2).toInt() * 3600 + (digits.size() >= 4 ? digits.mid(2, 2).toInt() * 60 : 0);
        seconds -= zone.startsWith(u'+') ? offset : -offset;
    }
    if (seconds < 0) {
        *why = Tr::tr("\"timestamp\" '%1' is before 1970").arg(text.left(64));
        return std::nullopt;
    }
    qint64 fraction = 0;
    if (const QString f = m.captured(7); !f.isEmpty())
        fraction = QString(f + QString(9 - f.size(), u'0')).toLongLong();
    return seconds * 1000000000LL + fraction;
}

std::optional<TraceSource::Record> TraceSource::parseRecord(const QByteArray& line, QString* why)
{
    if (jsonutil::tooDeep(line)) {
        *why = Tr::tr("nests arrays/objects deeper than %1 levels").arg(jsonutil::kMaxDepth);
        return std::nullopt;
    }
    const auto j = ojson::parse(line.cbegin(), line.cend(), nullptr, false);
    if (!j.is_object()) {
        *why = Tr::tr("not a JSON object with \"body\" and \"timestamp\"");
        return std::nullopt;
    }
    for (const auto& [key, value] : j.items()) {
        if (!kFields.contains(QString::fromStdString(key))) {
            *why = Tr::tr("unknown field \"%1\"; the fields are %2").arg(QString::fromStdString(key).left(64),
                kFields.join(u", "));
            return std::nullopt;
        }
    }
    Record r;
    const auto body = j.find("body");
    if (body == j.end()) {
        *why = Tr::tr("no \"body\"");
        return std::nullopt;
    }
    if (body->is_string()) {
        const std::string& text = body->get_ref<const std::string&>();
        if (!jsonutil::tooDeep(QByteArray::fromStdString(text)))
            r.body = ojson::parse(text, nullptr, false);
    } else {
        r.body = *body;
    }
    if (!r.body.is_object()) {
        *why = Tr::tr("\"body\" must be a JSON object (or a string holding one)");
        return std::nullopt;
    }
    for (const auto& [key, value] : r.body.items()) {
        if (key.rfind("__evalscope_", 0) == 0) {
            *why = Tr::tr("\"body\" holds the reserved key \"%1\"").arg(QString::fromStdString(key).left(64));
            return std::nullopt;
        }
    }
    const auto ts = j.find("timestamp");
    if (ts == j.end()) {
        *why = Tr::tr("no \"timestamp\"");
        return std::nullopt;
    }
    const std::optional<qint64> timestamp = parseTimestamp(*ts, why);
    if (!timestamp)
        return std::nullopt;
    r.timestampNs = *timestamp;
    if (const auto h = j.find("headers"); h != j.end() && !h->is_null()) {
        if (!h->is_object()) {
            *why = Tr::tr("\"headers\" must be an object of header name -> value strings");
            return std::nullopt;
        }
        for (const auto& [name, value] : h->items()) {
            if (!validHeaderName(name)) {
                *why = Tr::tr("\"headers\" has an invalid header name \"%1\"").arg(QString::fromStdString(name).left(64));
                return std::nullopt;
            }
            if (!value.is_string() || !validHeaderValue(value.get_ref<const std::string&>())) {
                *why = Tr::tr("\"headers\": the value of \"%1\" must be a string without line breaks")
                           .arg(QString::fromStdString(name));
                return std::nullopt;
            }
            r.headers.append({QByteArray::fromStdString(name), QByteArray::fromStdString(value.get<std::string>())});
        }
    }
    if (const auto id = j.find("request_id"); id != j.end() && !id->is_null()) {
        if (!id->is_string()) {
            *why = Tr::tr("\"request_id\" must be a string");
            return std::nullopt;
        }
        r.requestId = jsonutil::toQString(*id);
    }
    if (const auto ct = j.find("completion_tokens"); ct != j.end() && !ct->is_null()) {
        if (!ct->is_number_integer() || ct->get<qint64>() <= 0) {
            *why = Tr::tr("\"completion_tokens\" must be a whole number > 0");
            return std::nullopt;
        }
        r.completionTokens = ct->get<qint64>();
    }
    return r;
}

ojson TraceSource::rewrittenBody(const Record& record, const Options& options)
{
    ojson body = record.body;
    const auto model = body.find("model");
    const QString original = model != body.end() && model->is_string() ? jsonutil::toQString(*model) : QString();
    if (const auto mapped = options.modelMapping.constFind(original);
        !original.isNull() && mapped != options.modelMapping.cend())
        body["model"] = mapped->toStdString();
    else if (!options.modelOverride.isEmpty())
        body["model"] = options.modelOverride.toStdString();
    if (options.matchOutputLength && record.completionTokens) {
        body["max_tokens"] = *record.completionTokens;
        if (!constrainedDecoding(body))
            body["ignore_eos"] = true;
    }
    return body;
}

TraceSource::TraceSource(std::shared_ptr<const DatasetOptions> options, QString path, Options traceOptions)
    : PromptSource(std::move(options))
    , m_path(std::move(path))
    , m_traceOptions(std::move(traceOptions))
{
}

std::shared_ptr<const TraceSource> TraceSource::load(const RunConfig& config, ConfigError* error)
{
    const auto fail = [error](const char* field, const QString& message) {
        *error = ConfigError{QString::fromLatin1(field), message};
        return nullptr;
    };
    QString why;
    std::optional<Options> traceOptions = parseOptions(config.datasetArgs, &why);
    if (!traceOptions)
        return fail("--dataset-args", why);
    std::optional<DatasetOptions> resolved = DatasetOptions::fromConfig(config, error);
    if (!resolved)
        return nullptr;
    const QString path = config.datasetPath;
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return fail("--dataset-path", Tr::tr("workload_trace reads a JSONL trace: cannot read '%1'%2")
                                          .arg(path, path.isEmpty() ? QString() : u": " + file.errorString()));

    std::shared_ptr<TraceSource> source(
        new TraceSource(std::make_shared<const DatasetOptions>(std::move(*resolved)), path, std::move(*traceOptions)));
    QStringList problems;
    int invalid = 0;
    qint32 lineNo = 0;
    bool outOfOrder = false;
    while (!file.atEnd()) {
        const qint64 offset = file.pos();
        // One byte past the limit tells an over-long record from one that is exactly at it.
        QByteArray line = file.readLine(kMaxRecordBytes + 1);
        ++lineNo;
        if (line.size() > kMaxRecordBytes && !line.endsWith('\n')) {
            ++invalid;
            problems.append(Tr::tr("line %1: longer than %2 bytes").arg(lineNo).arg(kMaxRecordBytes));
            while (!file.atEnd() && !file.readLine(kMaxRecordBytes).endsWith('\n')) { }
            continue;
        }
        const QByteArray record = line.trimmed();
        if (record.isEmpty())
            continue;
        if (qint64(source->m_entries.size()) >= kMaxRecords)
            return fail("--dataset-path", Tr::tr("'%1' holds more than %2 records; replay a part of it").arg(path).arg(
                                              kMaxRecords));
        std::optional<Record> r = parseRecord(record, &why);
        if (!r) {
            if (++invalid <= kMaxReportedErrors)
                problems.append(Tr::tr("line %1: %2").arg(lineNo).arg(why));
            continue;
        }
        if (!source->m_entries.empty() && r->timestampNs < source->m_entries.back().timestampNs)
            outOfOrder = true;
        source->m_entries.push_back(Entry{r->timestampNs, offset, qint32(line.size()), lineNo});
    }
    if (file.error() != QFileDevice::NoError)
        return fail("--dataset-path", Tr::tr("cannot read '%1': %2").arg(path, file.errorString()));
    if (invalid > 0) {
        QString message = Tr::tr("'%1' has %n invalid record(s): ", nullptr, invalid).arg(path) + problems.join(u"; ");
        if (invalid > kMaxReportedErrors)
            message += Tr::tr("; and %n more", nullptr, invalid - kMaxReportedErrors);
        return fail("--dataset-path", message);
    }
    if (source->m_entries.empty())
        return fail("--dataset-path", Tr::tr("'%1' holds no trace records").arg(path));
    if (outOfOrder) {
        std::stable_sort(source->m_entries.begin(), source->m_entries.end(),
            [](const Entry& a, const Entry& b) { return a.timestampNs < b.timestampNs; });
        source->m_warnings.append(
            Tr::tr("'%1': records are not in timestamp order; they are replayed sorted by timestamp").arg(path));
        qWarning("dataset: %s", qPrintable(source->m_warnings.constLast()));
    }
    const qint64 first = source->m_entries.front().timestampNs;
    const double speed = source->m_traceOptions.speed;
    source->m_offsetsNs.reserve(source->m_entries.size());
    for (const Entry& e : source->m_entries)
        source->m_offsetsNs.push_back(qint64(std::llround(double(e.timestampNs - first) / speed)));
    return source;
}

double TraceSource::meanRate(const std::vector<qint64>& offsetsNs, qint64 count)
{
    count = std::min<qint64>(count, qint64(offsetsNs.size()));
    if (count < 2)
        return -1.0;
    const qint64 span = offsetsNs.at(size_t(count - 1)) - offsetsNs.front();
    if (span <= 0)
        return -1.0;
    return QString::number(double(count - 1) / (double(span) / 1e9), 'g', 4).toDouble();
}

int TraceSource::lineOf(qint64 seq) const
{
    return m_entries.at(size_t(seq % qint64(m_entries.size()))).line;
}

PromptItem TraceSource::itemAt(qint64 seq) const
{
    const Entry& e = m_entries.at(size_t(seq % qint64(m_entries.size())));
    QByteArray line;
    {
        QMutexLocker lock(&m_mutex);
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly) && file.seek(e.offset))
            line = file.read(e.length);
    }
    QString why;
    std::optional<Record> r = line.size() == e.length ? parseRecord(line.trimmed(), &why) : std::nullopt;
    if (r && r->timestampNs != e.timestampNs) {
        r.reset();
        why = Tr::tr("its timestamp differs from the one loaded");
    }
    if (!r) {
        QMutexLocker lock(&m_mutex);
        if (m_failedIndex < 0 || seq < m_failedIndex) {
            m_failedIndex = seq;
            m_failure = ConfigError{QStringLiteral("--dataset-path"),
                Tr::tr("'%1' changed during the run: line %2: %3; do not edit a trace while it is replayed")
                    .arg(m_path)
                    .arg(e.line)
                    .arg(why.isEmpty() ? Tr::tr("cannot be read back") : why)};
        }
        return PromptItem{};
    }
    PromptItem item;
    item.kind = PromptItem::Kind::Body;
    item.body = jsonutil::dumpOrdered(rewrittenBody(*r, m_traceOptions));
    item.headers = std::move(r->headers);
    item.requestId = std::move(r->requestId);
    return item;
}

ConfigError TraceSource::failureAt(qint64 seq) const
{
    QMutexLocker lock(&m_mutex);
    if (m_failedIndex >= 0 && seq >= m_failedIndex)
        return m_failure;
    return {};
}

} // namespace tl
