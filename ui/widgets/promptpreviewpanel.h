#pragma once

#include "config/runconfig.h"
#include "dataset/promptpreview.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tl {

// The Dataset group's preview: a button that loads the form's prompt source off the GUI thread as a run would (a
// tokenizer takes seconds) and a table of its first prompts with their token counts.
class PromptPreviewPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptPreviewPanel)

public:
    // `config` gives the form's run configuration when the preview starts.
    explicit PromptPreviewPanel(std::function<RunConfig()> config, QWidget* parent = nullptr);
    ~PromptPreviewPanel() override;

    // Starts a preview unless one is running.
    void preview();

private:
    void showPreview();

    std::function<RunConfig()> m_config;
    QPushButton* m_button = nullptr;
    QLabel* m_note = nullptr;
    QTableWidget* m_table = nullptr;
    QFutureWatcher<PromptPreview>* m_watcher = nullptr;
};

} // namespace tl
