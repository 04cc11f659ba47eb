#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace tl {

struct RunConfig;

// What one response event (a streamed chunk) or a whole non-streamed body says, reduced to what metrics need.
struct ParsedEvent {
    bool valid = true;      // the JSON parsed
    bool hasChoices = false; // non-empty `choices`: EvalScope's TTFT/ITL event (the role-only chunk counts)
    bool hasContent = false; // non-empty generated text (content, reasoning_content or text)
    qsizetype contentChars = 0;
    bool hasUsage = false;
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
    qint64 cachedTokens = -1;
    bool isError = false; // an {"error": ...} object in place of a chunk
    QString errorMessage;
};

// One prompt as a dataset yields it. Chat endpoints wrap it as a user message.
struct PromptItem {
    QString text;
};

// Builds request bodies for one API type and parses its responses. One instance per run, shared read-only by
// every worker thread: all methods are const and thread-safe.
class ApiPlugin {
public:
    virtual ~ApiPlugin();
    ApiPlugin(const ApiPlugin&) = delete;
    ApiPlugin& operator=(const ApiPlugin&) = delete;

    virtual QByteArray buildBody(const PromptItem& prompt) const = 0;
    virtual ParsedEvent parseStreamEvent(QByteArrayView data) const = 0;
    virtual ParsedEvent parseBody(QByteArrayView body) const = 0;
    virtual bool streaming() const = 0;

    // The plugin for config.api (validated beforehand).
    static std::unique_ptr<ApiPlugin> create(const RunConfig& config);

protected:
    ApiPlugin() = default;
};

} // namespace tl
