#pragma once

#include "tokenizer/jinjaast.h"

#include <cstdint>
#include <string>

namespace tl::jinja {

// Python's semantics for template values, as Jinja2 gives them under transformers' apply_chat_template: truth,
// str() and repr(), json.dumps for tojson, numeric coercion, equality and ordering.

// Throws std::runtime_error("line N: message").
[[noreturn]] void fail(int line, const std::string& message);

// Jinja's Undefined: what a missing name, attribute or item evaluates to.
Value undefined();
bool isUndefined(const Value& v);

bool truthy(const Value& v);

// Python's repr() of a float ("1.0", "nan", "inf").
std::string pyFloat(double d);
// Python's str(): None, True/False, numbers as Python prints them, containers as repr().
std::string pyStr(const Value& v);
// Python's repr() of strings inside containers: single quotes unless the text holds one and no double.
std::string pyRepr(const Value& v);
// A JSON string literal; with ensureAscii every non-ASCII code point as \uXXXX (surrogate pairs above U+FFFF).
std::string jsonString(const std::string& s, bool ensureAscii);
// Python's json.dumps(v, ensure_ascii=False, indent=indent), the tojson transformers installs (indent < 0: none).
std::string toJson(const Value& v, int indent, int depth = 0);

// Numbers, with booleans counting as 0 and 1 as in Python.
bool isNumber(const Value& v);
double asDouble(const Value& v);
int64_t asInt(const Value& v);
bool isIntLike(const Value& v);

// ==, with numbers compared by value and lists element by element.
bool equals(const Value& a, const Value& b);
// <0, 0, >0 for two numbers or two strings; fails (at `line`) for anything else.
int compare(const Value& a, const Value& b, int line);

} // namespace tl::jinja
