#pragma once

#include "api/apiplugin.h"
#include "dataset/promptshaper.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace tl {

// Turns one record of a dataset file (a line, or one element of a JSON array) into a request's PromptItem, the
// way one EvalScope dataset mode reads its file. One parser per mode (recordparsers.cpp); immutable.
class RecordParser {
public:
    struct Result {
        enum class Verdict {
            Item, // `item` is ready
            Dropped, // a filter dropped it; `message` names the filter
            Error, // the record is malformed; `message` says what was expected
        };
        Verdict verdict = Verdict::Item;
        PromptItem item;
        QString message;
    };

    virtual ~RecordParser();
    virtual Result parse(const QByteArray& record) const = 0;
    // Whether a .json file may hold one JSON array of records (longalpaca, embedding, rerank).
    virtual bool acceptsJsonArray() const { return false; }

    // The parser of `dataset` for the file `path` (its extension picks text or JSON for embedding files).
    static std::unique_ptr<RecordParser> create(const QString& dataset, const QString& path,
                                                std::shared_ptr<const PromptShaper> shaper);

protected:
    RecordParser() = default;
};

} // namespace tl
