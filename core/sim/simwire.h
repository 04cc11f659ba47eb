#pragma once

#include "sim/simjob.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QByteArrayView>
#include <QStringBuilder> // the `+` of the JSON fragments (QT_USE_QSTRINGBUILDER)

#include <initializer_list>
#include <optional>
#include <string>

namespace tl {

struct SimConfig;

// Helpers shared by the files that implement SimProtocol (request parsing, the answers of each endpoint family,
// HTTP heads): JSON fragments, the field readers of request bodies, hashing and SSE framing. Internal to core/sim.
namespace simwire {

// A JSON string literal of `text` (invalid UTF-8 replaced).
QByteArray jsonString(const std::string& text);
// 32 random hex digits: the tail of a response id.
QByteArray randomHex();
// The documented prompt rule: ceil(UTF-8 bytes / 4) tokens.
int ceilDiv4(std::size_t bytes);
// The request's "model" as a JSON string, or the server's model name when it is absent or empty.
QByteArray requestModelJson(const nlohmann::json& request, const SimConfig& config);

// A pooling request's body (embeddings, rerank): false with a 400 message in `error` unless it is a JSON object.
bool parseObject(QByteArrayView body, nlohmann::json* request, QByteArray* error);

// Optional fields of a request body. Absent and null read as "not given" (true, `out` untouched): OpenAI client
// libraries send null for unset fields. A value of another type is a 400 message in `error` (false).
bool readInt(const nlohmann::json& body, const char* key, std::optional<qint64>* out, QByteArray* error);
bool readBool(const nlohmann::json& body, const char* key, bool* out, QByteArray* error);

// FNV-1a over `size` bytes, chained with the hash of what came before (`previous`, 0 for none), so equal blocks
// at different positions or after different prefixes differ.
quint64 fnv1a(const char* data, std::size_t size, quint64 previous = 0);
// SplitMix64's finaliser: a well-mixed 64-bit value from a hash and an index.
quint64 mix64(quint64 x);

// One SSE event `data: <parts>\n\n`, framed as one HTTP chunk when `chunked`; sizes are summed first so
// the event is written straight into `out` without a temporary.
void appendEvent(QByteArray& out, bool chunked, std::initializer_list<QByteArrayView> parts);
// `event: <name>\ndata: <parts>\n\n` as the Responses API streams (no event line where `name` is empty), one HTTP
// chunk when `chunked`.
void appendNamedEvent(QByteArray& out, bool chunked, QByteArrayView name, std::initializer_list<QByteArrayView> parts);

// The whole generated text of a job: its output tokens one after the other.
QByteArray fullText(const SimJob& job);

} // namespace simwire
} // namespace tl
