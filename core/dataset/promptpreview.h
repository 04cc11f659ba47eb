#pragma once

#include "config/configerror.h"

#include <QList>
#include <QString>

namespace tl {

struct RunConfig;

// The first prompts a configuration would send, for the setup form's preview: each one's text (shortened) and its
// token count (from --tokenizer-path; -1 without one). Blocking (loading a tokenizer takes seconds): call it off the
// GUI thread. A hub dataset that is not downloaded yet is not fetched for a preview; `error` says so.
struct PromptPreview {
    struct Row {
        QString text;
        qint64 tokens = -1;
    };
    QList<Row> rows;
    ConfigError error; // empty field and message when the prompts loaded

    static PromptPreview compute(const RunConfig& config, int count);
};

} // namespace tl
