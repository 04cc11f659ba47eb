// SimProtocol::embeddingsBody: POST /v1/embeddings, validated as vLLM does and answered with unit-length
// vectors that are a pure function of each input.

#include "sim/simprotocol.h"

#include "sim/simconfig.h"
#include "sim/simwire.h"

#include <nlohmann/json.hpp>

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace tl {

namespace {

using nlohmann::json;
using simwire::ceilDiv4;

// One embedding input: its bytes (text, or the token ids' bytes) and its token count.
struct EmbeddingInput {
    std::string bytes;
    int tokens = 0;
};

bool readEmbeddingInputs(const json& input, std::vector<EmbeddingInput>* out)
{
    const auto ids = [](const json& list, EmbeddingInput* in) {
        if (!list.is_array() || list.empty()
            || !std::all_of(list.begin(), list.end(), [](const json& id) { return id.is_number_integer(); }))
            return false;
        for (const json& id : list) {
            const qint64 v = id.get<qint64>();
            in->bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
        }
        in->tokens = static_cast<int>(list.size());
        return true;
    };
    if (input.is_string()) {
        out->push_back({input.get<std::string>(), std::max(1, ceilDiv4(input.get_ref<const std::string&>().size()))});
        return true;
    }
    if (!input.is_array() || input.empty())
        return false;
    if (input.front().is_number_integer()) {
        EmbeddingInput in;
        if (!ids(input, &in))
            return false;
        out->push_back(std::move(in));
        return true;
    }
    for (const json& item : input) {
        EmbeddingInput in;
        if (item.is_string()) {
            in.bytes = item.get<std::string>();
            in.tokens = std::max(1, ceilDiv4(in.bytes.size()));
        } else if (!ids(item, &in)) {
            return false;
        }
        out->push_back(std::move(in));
    }
    return true;
}

} // namespace

bool SimProtocol::embeddingsBody(
    QByteArrayView body, const SimConfig& config, QByteArray* out, int* promptTokens, QByteArray* error)
{
    json request;
    if (!simwire::parseObject(body, &request, error))
        return false;
    std::vector<EmbeddingInput> inputs;
    const auto input = request.find("input");
    if (input == request.end() || !readEmbeddingInputs(*input, &inputs)) {
        *error = "input is required and must be a string, a list of strings, a list of token ids or a list of "
                 "lists of token ids";
        return false;
    }
    std::optional<qint64> dimensions;
    if (!simwire::readInt(request, "dimensions", &dimensions, error))
        return false;
    const qint64 dims = dimensions.value_or(config.embeddingDimensions);
    if (dims < 1 || dims > 65536) {
        *error = "dimensions must be from 1 to 65536";
        return false;
    }
    bool base64 = false;
    if (const auto format = request.find("encoding_format"); format != request.end() && !format->is_null()) {
        if (!format->is_string() || (*format != "float" && *format != "base64")) {
            *error = R"(encoding_format must be "float" or "base64")";
            return false;
        }
        base64 = *format == "base64";
    }
    const QByteArray modelJson = simwire::requestModelJson(request, config);

    int tokens = 0;
    QByteArray data;
    std::vector<float> vector(static_cast<std::size_t>(dims));
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        tokens += inputs[i].tokens;
        const quint64 h = simwire::fnv1a(inputs[i].bytes.data(), inputs[i].bytes.size());
        double norm = 0;
        for (std::size_t d = 0; d < vector.size(); ++d) {
            const double u = static_cast<double>(simwire::mix64(h + d) >> 11U) * 0x1.0p-53;
            vector[d] = static_cast<float>(2.0 * u - 1.0);
            norm += double(vector[d]) * vector[d];
        }
        const double scale = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
        if (i > 0)
            data += ',';
        data += R"({"index":)" + QByteArray::number(qulonglong(i)) + R"(,"object":"embedding","embedding":)";
        if (base64) {
            QByteArray raw;
            raw.reserve(static_cast<qsizetype>(vector.size()) * static_cast<qsizetype>(sizeof(float)));
            for (float& v : vector) {
                v = static_cast<float>(v * scale);
                raw.append(reinterpret_cast<const char*>(&v), sizeof v); // little-endian on every target we build
            }
            data += '"' + raw.toBase64() + '"';
        } else {
            data += '[';
            for (std::size_t d = 0; d < vector.size(); ++d) {
                if (d > 0)
                    data += ',';
                data += QByteArray::number(vector[d] * scale, 'g', 7);
            }
            data += ']';
        }
        data += '}';
    }
    *promptTokens = tokens;
    *out = R"({"id":"embd-)" + simwire::randomHex() + R"(","object":"list","created":)"
        + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + R"(,"model":)" + modelJson + R"(,"data":[)" + data
        + R"(],"usage":{"prompt_tokens":)" + QByteArray::number(tokens) + R"(,"total_tokens":)"
        + QByteArray::number(tokens) + R"(,"completion_tokens":0,"prompt_tokens_details":null}})";
    return true;
}

} // namespace tl
