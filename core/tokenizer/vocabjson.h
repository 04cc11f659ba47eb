#pragma once

#include "tokenizer/addedtokens.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace tl {

// Reads tokenizer.json's `model.vocab` object (token -> id), as BPE and WordPiece store it: every id a whole number
// from 0 to kMaxTokenId; `idToToken` indexed by id (gaps stay empty) and `maxId` the largest. False with a message
// naming the entry otherwise.
template <typename Map>
bool readVocabObject(
    const nlohmann::json& model, Map& vocab, std::vector<std::string>& idToToken, int32_t& maxId, QString* error)
{
    const auto object = model.find("vocab");
    if (object == model.end() || !object->is_object()) {
        *error = QStringLiteral("model.vocab must be an object of token -> id");
        return false;
    }
    vocab.reserve(object->size());
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (!it.value().is_number_integer() || it.value().template get<int64_t>() < 0
            || it.value().template get<int64_t>() > kMaxTokenId) {
            *error = QStringLiteral("model.vocab[\"%1\"] must be an integer id from 0 to %2")
                         .arg(QString::fromUtf8(it.key().data(), static_cast<qsizetype>(it.key().size())))
                         .arg(kMaxTokenId);
            return false;
        }
        const auto id = static_cast<int32_t>(it.value().template get<int64_t>());
        vocab.insert_or_assign(it.key(), id);
        maxId = std::max(maxId, id);
    }
    idToToken.resize(static_cast<size_t>(maxId + 1));
    for (const auto& [token, id] : vocab)
        idToToken[static_cast<size_t>(id)] = token;
    return true;
}

} // namespace tl
