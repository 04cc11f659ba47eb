#include "model/endpointfingerprint.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

namespace tl {

QByteArray EndpointFingerprint::toJson() const
{
    nlohmann::ordered_json j;
    j["models_url"] = jsonutil::toStd(modelsUrl);
    j["models_status"] = modelsHttpStatus;
    // Whatever the server sent; nested too deep to dump without recursing that deep, it is kept as text.
    const auto parsed = jsonutil::tooDeep(modelsBody)
        ? nlohmann::ordered_json(nlohmann::ordered_json::value_t::discarded)
        : nlohmann::ordered_json::parse(modelsBody.cbegin(), modelsBody.cend(), nullptr, false);
    if (modelsBody.isEmpty())
        j["models"] = nullptr;
    else if (parsed.is_discarded())
        j["models"] = modelsBody.toStdString(); // kept as text: whatever the server answered is evidence
    else
        j["models"] = parsed;
    auto headers = nlohmann::ordered_json::array();
    for (const auto& [key, value] : serverHeaders)
        headers.push_back({jsonutil::toStd(key), jsonutil::toStd(value)});
    j["headers"] = std::move(headers);
    j["captured_ms"] = capturedMs;
    return jsonutil::dumpOrdered(j);
}

EndpointFingerprint EndpointFingerprint::fromJson(const QByteArray& json)
{
    EndpointFingerprint f;
    const auto j = nlohmann::ordered_json::parse(json.cbegin(), json.cend(), nullptr, false);
    if (!j.is_object())
        return f;
    f.modelsUrl = jsonutil::toQString(j.value("models_url", nlohmann::ordered_json()));
    f.modelsHttpStatus = j.value("models_status", 0);
    if (const auto it = j.find("models"); it != j.end() && !it->is_null())
        f.modelsBody = it->is_string() ? QByteArray::fromStdString(it->get<std::string>()) : jsonutil::dumpOrdered(*it);
    if (const auto it = j.find("headers"); it != j.end() && it->is_array()) {
        for (const auto& h : *it) {
            if (h.is_array() && h.size() == 2)
                f.serverHeaders.append({jsonutil::toQString(h.at(0)), jsonutil::toQString(h.at(1))});
        }
    }
    f.capturedMs = j.value("captured_ms", qint64(0));
    return f;
}

} // namespace tl
