#pragma once

#include "api/apiplugin.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QByteArrayView>

// JSON pieces every OpenAI-style API plugin reads or writes the same way.
namespace tl::openaijson {

// Parses one JSON object and reads what any OpenAI answer may carry: its `id`, an `error` member and a `usage`
// object.
// Returns the object, or null with ev.valid = false when the bytes are not a JSON object.
nlohmann::json parseObject(QByteArrayView data, ParsedEvent& ev);

// A `usage` object: prompt/completion tokens, or the Responses API's input/output tokens; cached prompt tokens from
// prompt_tokens_details or input_tokens_details. Embedding and rerank answers give total_tokens only: it counts as
// the prompt when prompt_tokens is absent.
void readUsage(const nlohmann::json& usage, ParsedEvent& ev);

// `error` as an object with a message, or anything else dumped as text.
void readError(const nlohmann::json& j, ParsedEvent& ev);

// --extra-args as an object (validated beforehand; anything else gives an empty object).
nlohmann::ordered_json extraArgs(const QByteArray& text);

QByteArray dump(const nlohmann::ordered_json& body);

} // namespace tl::openaijson
