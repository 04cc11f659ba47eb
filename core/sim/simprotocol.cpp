// SimProtocol's model: its vocabulary (the text of the k-th output token) and its /v1/models entry. The rest of
// the wire format lives beside this file, one file per part: simjobparser.cpp (completion request bodies),
// simcompletionformat.cpp and simresponsesformat.cpp (generation answers), simembeddings.cpp and simrerank.cpp
// (pooling answers), simerrorbody.cpp (error objects), simhttpresponse.cpp (HTTP heads), simwire.h (shared
// helpers).

#include "sim/simprotocol.h"

#include "sim/simconfig.h"

#include <nlohmann/json.hpp>

#include <QDateTime>

#include <algorithm>
#include <array>

namespace tl {

namespace {

// Common English words that are one token with a leading space in the GPT-2, Mistral and Qwen3 vocabularies
// (checked against shared/fixtures/tokenizers), so a client counting with a real tokenizer gets n back.
// Plain ASCII: they go into JSON unescaped.
constexpr std::array<QByteArrayView, 64> Words
    = {" the", " of", " and", " to", " in", " is", " that", " for", " it", " as", " with", " was", " on", " be", " by",
        " at", " this", " from", " or", " an", " are", " not", " have", " but", " they", " which", " one", " all",
        " were", " can", " more", " has", " their", " been", " when", " there", " also", " new", " time", " other",
        " some", " what", " into", " only", " about", " would", " its", " first", " after", " two", " over", " these",
        " people", " may", " then", " like", " so", " could", " them", " than", " most", " such", " made", " well"};

} // namespace

QByteArrayView SimProtocol::tokenText(int k)
{
    const auto index = static_cast<std::size_t>(std::max(k - 1, 0)) % Words.size();
    return Words.at(index);
}

QByteArray SimProtocol::modelsBody(const SimConfig& config)
{
    const std::string name = config.modelName.toStdString();
    nlohmann::ordered_json model;
    model["id"] = name;
    model["object"] = "model";
    model["created"] = QDateTime::currentSecsSinceEpoch();
    model["owned_by"] = "throughline";
    model["root"] = name;
    model["max_model_len"] = MaxModelLen;
    nlohmann::ordered_json list;
    list["object"] = "list";
    list["data"] = nlohmann::ordered_json::array({model});
    return QByteArray::fromStdString(list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace tl
