#include "sim/simwire.h"

#include "sim/simconfig.h"
#include "sim/simprotocol.h"
#include "util/jsonutil.h"

#include <QRandomGenerator>

namespace tl::simwire {

using nlohmann::json;

QByteArray jsonString(const std::string& text)
{
    return QByteArray::fromStdString(json(text).dump(-1, ' ', false, json::error_handler_t::replace));
}

QByteArray randomHex()
{
    QByteArray hex;
    for (int i = 0; i < 2; ++i)
        hex += QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
    return hex;
}

int ceilDiv4(std::size_t bytes)
{
    return static_cast<int>((bytes + 3) / 4);
}

QByteArray requestModelJson(const json& request, const SimConfig& config)
{
    const auto model = request.find("model");
    return model != request.end() && model->is_string() && !model->empty()
        ? jsonString(model->get_ref<const std::string&>())
        : jsonString(config.modelName.toStdString());
}

bool parseObject(QByteArrayView body, json* request, QByteArray* error)
{
    if (jsonutil::tooDeep(body)) { // a client's body: copying or dumping it would recurse once per level
        *error = "request body nests deeper than " + QByteArray::number(jsonutil::kMaxDepth) + " levels";
        return false;
    }
    *request = json::parse(body.begin(), body.end(), nullptr, false);
    if (request->is_discarded() || !request->is_object()) {
        *error = "request body must be a JSON object";
        return false;
    }
    return true;
}

namespace {

// The value of `key`, or nullptr where it is absent or null.
const json* given(const json& body, const char* key)
{
    const auto it = body.find(key);
    return it == body.end() || it->is_null() ? nullptr : &*it;
}

bool typeError(const char* key, const char* expected, QByteArray* error)
{
    *error = QByteArray(key) + " must be " + expected;
    return false;
}

} // namespace

bool readInt(const json& body, const char* key, std::optional<qint64>* out, QByteArray* error)
{
    const json* value = given(body, key);
    if (value && !value->is_number_integer())
        return typeError(key, "an integer", error);
    if (value)
        *out = value->get<qint64>();
    return true;
}

bool readBool(const json& body, const char* key, bool* out, QByteArray* error)
{
    const json* value = given(body, key);
    if (value && !value->is_boolean())
        return typeError(key, "a boolean", error);
    if (value)
        *out = value->get<bool>();
    return true;
}

quint64 fnv1a(const char* data, std::size_t size, quint64 previous)
{
    quint64 h = previous ^ 0xcbf29ce484222325ULL;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= 0x100000001b3ULL;
    }
    return h;
}

quint64 mix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31U);
}

void appendEvent(QByteArray& out, bool chunked, std::initializer_list<QByteArrayView> parts)
{
    appendNamedEvent(out, chunked, {}, parts);
}

void appendNamedEvent(QByteArray& out, bool chunked, QByteArrayView name, std::initializer_list<QByteArrayView> parts)
{
    qsizetype size = 8; // "data: " + "\n\n"
    if (!name.isEmpty())
        size += 7 + name.size() + 1; // "event: " name "\n"
    for (const QByteArrayView part : parts)
        size += part.size();
    if (chunked) {
        out += QByteArray::number(size, 16);
        out += "\r\n";
    }
    if (!name.isEmpty()) {
        out += "event: ";
        out += name;
        out += '\n';
    }
    out += "data: ";
    for (const QByteArrayView part : parts)
        out += part;
    out += "\n\n";
    if (chunked)
        out += "\r\n";
}

QByteArray fullText(const SimJob& job)
{
    QByteArray text;
    text.reserve(qsizetype{job.outputTokens} * 8);
    for (int k = 1; k <= job.outputTokens; ++k)
        text += SimProtocol::tokenText(k);
    return text;
}

} // namespace tl::simwire
