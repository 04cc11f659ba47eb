#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace tl::jsonutil {

// nlohmann::json <-> Qt glue. Strings stay UTF-8 end to end.
QString toQString(const nlohmann::json& value);
std::string toStd(const QString& text);
QByteArray dump(const nlohmann::json& value, int indent = -1);
// Rounds to the given number of decimals the way Python's round() prints for our purposes.
double round(double value, int decimals);
// A rounded number, or null when it is not finite (NaN: no sample), as EvalScope's files write them.
nlohmann::ordered_json roundedOrNull(double value, int decimals);
// Text of an ordered JSON value (key order kept), `indent` spaces per level (-1: one line).
QByteArray dumpOrdered(const nlohmann::ordered_json& value, int indent = -1);
// The same for files meant for EvalScope's readers: non-finite numbers as Python's json writes them (NaN, Infinity,
// -Infinity; not JSON, but what Python reads back). dumpOrdered() writes them as null, for Throughline's own files.
QByteArray dumpOrderedPython(nlohmann::ordered_json value, int indent = -1);

// Deepest nesting of arrays and objects any JSON text read from a server, a dataset or a tokenizer file may have.
// nlohmann parses iteratively, but copying, comparing and dumping a value recurse once per level: 60,000 levels of
// `[[[...` overflow a worker thread's stack.
constexpr int kMaxDepth = 128;
// Whether `text` nests arrays/objects deeper than `maxDepth` (a linear scan that skips strings; it does not check
// that the text is JSON). Call it before parsing untrusted text, and treat `true` as "not valid JSON".
bool tooDeep(QByteArrayView text, int maxDepth = kMaxDepth);

// Checked reads of data from a server or a dataset, where any member may have any type: nlohmann's value() and
// get() throw type_error on a mismatch, which nothing on a worker thread catches.
// The member `key` of `obj` when `obj` is an object holding it, else a null value.
const nlohmann::json& member(const nlohmann::json& obj, const char* key);
// The string member `key`; empty when `obj` is not an object or the member is missing or not a string.
std::string stringOf(const nlohmann::json& obj, const char* key);
std::string stringOf(const nlohmann::ordered_json& obj, const char* key);
// Whether the member `key` is the boolean true (a 1 or "yes" is not).
bool isTrue(const nlohmann::ordered_json& obj, const char* key);

} // namespace tl::jsonutil
