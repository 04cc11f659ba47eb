#pragma once

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;

namespace tl {

// A JSON object field of the run form: its line, and on request a multi-line editor under it (pretty-printed), the
// two kept in step. The line stays the field's editor: the form reads and writes it, and its message under the field
// says as you type what the core finds wrong.
class JsonFieldEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonFieldEditor)

public:
    // Takes `edit` into this row; the multi-line editor and its toggle are named after it ("extraArgsEditJson",
    // "extraArgsEditJsonButton").
    explicit JsonFieldEditor(QLineEdit* edit, QWidget* parent = nullptr);
    ~JsonFieldEditor() override;

private:
    void multiLineEdited();
    void lineChanged();

    QLineEdit* m_edit = nullptr;
    QPlainTextEdit* m_multi = nullptr;
    bool m_syncing = false;
};

} // namespace tl
