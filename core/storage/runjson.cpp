#include "storage/runjson.h"

#include "storage/pointresultjson.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

namespace tl::RunJson {

namespace {

using Json = nlohmann::ordered_json;

Json parsedOrNull(const QByteArray& text)
{
    if (text.isEmpty())
        return nullptr;
    Json j = Json::parse(text.cbegin(), text.cend(), nullptr, false);
    return j.is_discarded() ? Json(nullptr) : j;
}

Json tokens(qint64 v)
{
    return v >= 0 ? Json(v) : Json(nullptr);
}

Json requestToJson(const RequestRecord& r)
{
    Json j;
    j["seq"] = r.seq;
    j["warmup"] = r.warmup;
    j["success"] = r.success;
    j["stream"] = r.stream;
    j["scheduled_ns"] = r.scheduledNs;
    j["sent_ns"] = r.sentNs;
    j["headers_ns"] = r.headersNs;
    j["end_ns"] = r.endNs;
    j["event_ns"] = std::vector<qint64>(r.eventNs.cbegin(), r.eventNs.cend());
    j["event_flags"] = std::vector<int>(r.eventFlags.cbegin(), r.eventFlags.cend());
    if (!r.eventTokens.isEmpty()) // per-event token deltas, -1 unknown; absent when no event's delta is known
        j["event_tokens"] = std::vector<qint32>(r.eventTokens.cbegin(), r.eventTokens.cend());
    j["prompt_tokens"] = tokens(r.promptTokens);
    j["completion_tokens"] = tokens(r.completionTokens);
    j["cached_tokens"] = tokens(r.cachedTokens);
    j["token_source"] = jsonutil::toStd(tokenSourceName(r.tokenSource));
    j["http_status"] = r.httpStatus;
    j["error_class"]
        = r.errorClass == ErrorClass::None ? Json(nullptr) : Json(jsonutil::toStd(errorClassName(r.errorClass)));
    j["error_message"] = jsonutil::toStd(r.errorMessage);
    j["bytes"] = r.bytesReceived;
    j["response_id"] = r.responseId.toStdString();
    j["retries"] = r.retries;
    if (r.conversationId >= 0) { // --multi-turn only, so single-turn exports stay as they were
        j["conversation_id"] = r.conversationId;
        j["turn_index"] = r.turnIndex;
    }
    if (!r.requestId.isEmpty()) // workload_trace's own id
        j["request_id"] = jsonutil::toStd(r.requestId);
    if (!r.requestBody.isEmpty()) // --store-bodies: the JSON text sent
        j["request_body"] = r.requestBody.toStdString();
    return j;
}

QString str(const Json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() ? jsonutil::toQString(*it) : QString();
}

qint64 integer(const Json& j, const char* key, qint64 fallback = 0)
{
    const auto it = j.find(key);
    return (it != j.end() && it->is_number()) ? it->get<qint64>() : fallback;
}

// Throws nlohmann::json::exception on a wrong type; the caller turns it into a message.
RequestRecord requestFromJson(const Json& j)
{
    RequestRecord r;
    r.seq = int(j.at("seq").get<qint64>());
    r.warmup = j.value("warmup", false);
    r.success = j.at("success").get<bool>();
    r.stream = j.value("stream", true);
    r.scheduledNs = integer(j, "scheduled_ns");
    r.sentNs = j.at("sent_ns").get<qint64>();
    r.headersNs = integer(j, "headers_ns");
    r.endNs = integer(j, "end_ns");
    for (const auto& v : j.value("event_ns", Json::array()))
        r.eventNs.append(v.get<qint64>());
    for (const auto& v : j.value("event_flags", Json::array()))
        r.eventFlags.append(quint8(v.get<int>()));
    if (r.eventFlags.size() != r.eventNs.size())
        throw std::invalid_argument("event_ns and event_flags differ in length");
    for (const auto& v : j.value("event_tokens", Json::array()))
        r.eventTokens.append(qint32(std::max<qint64>(v.get<qint64>(), -1)));
    if (!r.eventTokens.isEmpty() && r.eventTokens.size() != r.eventNs.size())
        throw std::invalid_argument("event_ns and event_tokens differ in length");
    r.promptTokens = integer(j, "prompt_tokens", -1);
    r.completionTokens = integer(j, "completion_tokens", -1);
    r.cachedTokens = integer(j, "cached_tokens", -1);
    const QString source = str(j, "token_source");
    r.tokenSource = tokenSourceFromName(source);
    r.httpStatus = int(integer(j, "http_status"));
    const QString error = str(j, "error_class");
    r.errorClass = error.isEmpty() ? ErrorClass::None : errorClassFromName(error);
    r.errorMessage = str(j, "error_message");
    r.bytesReceived = integer(j, "bytes");
    r.responseId = str(j, "response_id").toUtf8();
    r.retries = int(integer(j, "retries"));
    r.conversationId = integer(j, "conversation_id", -1);
    r.turnIndex = int(integer(j, "turn_index", -1));
    r.requestId = str(j, "request_id");
    r.requestBody = str(j, "request_body").toUtf8();
    return r;
}

} // namespace

QByteArray toJson(const RunData& run)
{
    Json j;
    j["format"] = "throughline-run";
    j["format_version"] = kFormatVersion;
    j["id"] = jsonutil::toStd(run.id);
    j["name"] = jsonutil::toStd(run.name);
    j["status"] = jsonutil::toStd(run.status);
    j["tool_version"] = jsonutil::toStd(run.toolVersion);
    j["model"] = jsonutil::toStd(run.model);
    j["url"] = jsonutil::toStd(run.url);
    j["api"] = jsonutil::toStd(run.api);
    j["created_ms"] = run.createdMs;
    j["source"] = jsonutil::toStd(run.source);
    j["source_path"] = jsonutil::toStd(run.sourcePath);
    Json notes = Json::array();
    for (const QString& n : run.importNotes)
        notes.push_back(jsonutil::toStd(n));
    j["import_notes"] = std::move(notes);
    j["notes"] = jsonutil::toStd(run.notes);
    Json tags = Json::array();
    for (const QString& t : run.tags)
        tags.push_back(jsonutil::toStd(t));
    j["tags"] = std::move(tags);
    j["fingerprint"] = parsedOrNull(run.fingerprintJson);
    j["config"] = parsedOrNull(run.configJson);
    Json points = Json::array();
    for (const PointResult& p : run.points) {
        Json pj;
        pj["index"] = p.index;
        pj["parallel"] = p.point.parallel;
        pj["number"] = p.point.number;
        pj["rate"] = p.point.rate;
        pj["status"] = jsonutil::toStd(p.status);
        pj["summary"] = p.hasSummary ? parsedOrNull(summaryToJson(p.summary)) : Json(nullptr);
        pj["percentiles"]
            = p.percentiles.metrics.isEmpty() ? Json::array() : parsedOrNull(percentilesToJson(p.percentiles));
        // The whole result, unrounded (the project file's result_json), so an import reads back what was exported.
        pj["result"] = p.hasSummary ? parsedOrNull(pointResultToJson(p)) : Json(nullptr);
        Json requests = Json::array();
        for (const RequestRecord& r : p.records)
            requests.push_back(requestToJson(r));
        pj["requests"] = std::move(requests);
        points.push_back(std::move(pj));
    }
    j["points"] = std::move(points);
    return jsonutil::dumpOrdered(j, 1);
}

bool looksLikeRunJson(const QByteArray& data)
{
    return data.left(200).contains("\"throughline-run\"");
}

std::optional<RunData> fromJson(const QByteArray& data, QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<RunData> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const Json j = Json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return fail(Tr::tr("not JSON, or not a JSON object"));
    if (j.value("format", std::string()) != "throughline-run")
        return fail(Tr::tr("not a Throughline run export (\"format\" is not \"throughline-run\")"));
    const qint64 version = integer(j, "format_version");
    if (version > kFormatVersion)
        return fail(Tr::tr("written by a newer Throughline (run format %1; this version reads up to %2); update "
                           "Throughline to import it")
                        .arg(version)
                        .arg(kFormatVersion));
    RunData run;
    run.id = str(j, "id");
    run.name = str(j, "name");
    run.status = str(j, "status");
    run.toolVersion = str(j, "tool_version");
    run.model = str(j, "model");
    run.url = str(j, "url");
    run.api = str(j, "api");
    run.createdMs = integer(j, "created_ms");
    run.source = str(j, "source");
    run.sourcePath = str(j, "source_path");
    run.notes = str(j, "notes");
    for (const auto& n : j.value("import_notes", Json::array()))
        run.importNotes.append(jsonutil::toQString(n));
    for (const auto& t : j.value("tags", Json::array()))
        run.tags.append(jsonutil::toQString(t));
    if (const auto it = j.find("fingerprint"); it != j.end() && !it->is_null())
        run.fingerprintJson = jsonutil::dumpOrdered(*it);
    if (const auto it = j.find("config"); it != j.end() && it->is_object())
        run.configJson = jsonutil::dumpOrdered(*it, 4);
    else
        return fail(Tr::tr("the run has no \"config\" object"));
    const auto points = j.find("points");
    if (points == j.end() || !points->is_array())
        return fail(Tr::tr("the run has no \"points\" list"));
    for (const Json& pj : *points) {
        PointResult p;
        try {
            p.index = int(pj.at("index").get<qint64>());
            p.point = RunPoint{
                int(pj.at("parallel").get<qint64>()), int(pj.at("number").get<qint64>()), pj.at("rate").get<double>()};
            p.status = str(pj, "status");
            for (const Json& rj : pj.value("requests", Json::array()))
                p.records.append(requestFromJson(rj));
        } catch (const std::exception& e) {
            return fail(Tr::tr("point %1 is malformed: %2").arg(run.points.size()).arg(QString::fromUtf8(e.what())));
        }
        if (const auto s = pj.find("summary"); s != pj.end() && s->is_object()) {
            p.hasSummary = true;
            p.summary = summaryFromJson(jsonutil::dumpOrdered(*s));
        }
        if (const auto t = pj.find("percentiles"); t != pj.end() && t->is_array() && !t->empty())
            p.percentiles = percentilesFromJson(jsonutil::dumpOrdered(*t));
        if (const auto r = pj.find("result"); r != pj.end() && r->is_object())
            pointResultFromJson(jsonutil::dumpOrdered(*r), p); // exact values where the file has them
        p.requestCount = p.records.size();
        run.points.append(p);
    }
    return run;
}

} // namespace tl::RunJson
