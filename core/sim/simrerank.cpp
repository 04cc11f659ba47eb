// SimProtocol::rerankBody: POST /v1/rerank and /v1/reranks, validated as vLLM does and scored by a
// deterministic word overlap.

#include "sim/simprotocol.h"

#include "sim/simconfig.h"
#include "sim/simwire.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

namespace tl {

namespace {

using nlohmann::json;
using simwire::ceilDiv4;

std::vector<std::string> lowerWords(const std::string& text)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : text + ' ') {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || u >= 0x80) {
            word += static_cast<char>(std::tolower(u));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    return words;
}

} // namespace

bool SimProtocol::rerankBody(
    QByteArrayView body, const SimConfig& config, QByteArray* out, int* promptTokens, QByteArray* error)
{
    json request;
    if (!simwire::parseObject(body, &request, error))
        return false;
    const auto query = request.find("query");
    if (query == request.end() || !query->is_string()) {
        *error = "query is required and must be a string";
        return false;
    }
    const auto documents = request.find("documents");
    if (documents == request.end() || !documents->is_array() || documents->empty()) {
        *error = "documents is required and must be a non-empty list of strings or {\"text\": …} objects";
        return false;
    }
    std::vector<std::string> texts;
    for (const json& document : *documents) {
        if (document.is_string()) {
            texts.push_back(document.get<std::string>());
        } else if (document.is_object() && document.contains("text") && document["text"].is_string()) {
            texts.push_back(document["text"].get<std::string>());
        } else {
            *error = "each document must be a string or an object with a \"text\" string";
            return false;
        }
    }
    std::optional<qint64> topN;
    bool returnDocuments = true;
    if (!simwire::readInt(request, "top_n", &topN, error)
        || !simwire::readBool(request, "return_documents", &returnDocuments, error))
        return false;
    if (topN && *topN < 1) {
        *error = "top_n must be at least 1";
        return false;
    }
    const QByteArray modelJson = simwire::requestModelJson(request, config);

    // Score: the share of the query's distinct words found in the document, 0.9 of it, plus a small
    // deterministic jitter from the document's text so that ties are broken the same way every time.
    const std::vector<std::string> queryWords = lowerWords(query->get<std::string>());
    const int queryTokens = std::max(1, ceilDiv4(query->get_ref<const std::string&>().size()));
    struct Scored {
        std::size_t index = 0;
        double score = 0;
    };
    std::vector<Scored> scored;
    int tokens = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::vector<std::string> words = lowerWords(texts[i]);
        std::size_t hits = 0;
        for (const std::string& w : queryWords)
            hits += std::find(words.begin(), words.end(), w) != words.end() ? 1 : 0;
        const quint64 h = simwire::fnv1a(texts[i].data(), texts[i].size());
        const double jitter = static_cast<double>(simwire::mix64(h) >> 11U) * 0x1.0p-53;
        const double overlap = queryWords.empty() ? 0.0 : double(hits) / double(queryWords.size());
        scored.push_back({i, 0.9 * overlap + 0.1 * jitter});
        tokens += queryTokens + std::max(1, ceilDiv4(texts[i].size()));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    if (topN && static_cast<std::size_t>(*topN) < scored.size())
        scored.resize(static_cast<std::size_t>(*topN));

    QByteArray results;
    for (std::size_t r = 0; r < scored.size(); ++r) {
        if (r > 0)
            results += ',';
        results += R"({"index":)" + QByteArray::number(qulonglong(scored[r].index));
        if (returnDocuments)
            results += R"(,"document":{"text":)" + simwire::jsonString(texts[scored[r].index]) + '}';
        results += R"(,"relevance_score":)" + QByteArray::number(scored[r].score, 'g', 9) + '}';
    }
    *promptTokens = tokens;
    *out = R"({"id":"rerank-)" + simwire::randomHex() + R"(","model":)" + modelJson + R"(,"usage":{"total_tokens":)"
        + QByteArray::number(tokens) + R"(},"results":[)" + results + "]}";
    return true;
}

} // namespace tl
