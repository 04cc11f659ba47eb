#include "widgets/jsonfieldeditor.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QGridLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>

namespace tl {

using nlohmann::json;

JsonFieldEditor::JsonFieldEditor(QLineEdit* edit, QWidget* parent)
    : QWidget(parent)
    , m_edit(edit)
    , m_multi(new QPlainTextEdit(this))
{
    m_multi->setObjectName(edit->objectName() + QStringLiteral("Json")); // "extraArgsEditJson"
    m_multi->setTabChangesFocus(true);
    m_multi->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_multi->setMaximumHeight(m_multi->fontMetrics().height() * 8);
    m_multi->setPlaceholderText(edit->placeholderText());
    m_multi->hide();
    auto* expand = new QToolButton(this);
    expand->setObjectName(edit->objectName() + QStringLiteral("JsonButton"));
    expand->setText(QStringLiteral("{ }"));
    expand->setCheckable(true);
    expand->setToolTip(tr("Edit the JSON on several lines"));
    connect(expand, &QToolButton::toggled, m_multi, &QWidget::setVisible);
    connect(edit, &QLineEdit::textChanged, this, &JsonFieldEditor::lineChanged);
    connect(m_multi, &QPlainTextEdit::textChanged, this, &JsonFieldEditor::multiLineEdited);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->addWidget(edit, 0, 0);
    layout->addWidget(expand, 0, 1);
    layout->addWidget(m_multi, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);
}

JsonFieldEditor::~JsonFieldEditor() = default;

// Typed on several lines: the line gets the object compactly, or the text as it is (on one line) while it is no
// JSON yet, so the message under the field follows each keystroke.
void JsonFieldEditor::multiLineEdited()
{
    if (m_syncing)
        return;
    const QString text = m_multi->toPlainText();
    const json value = json::parse(jsonutil::toStd(text), nullptr, false);
    m_syncing = true;
    m_edit->setText(value.is_discarded() ? text.simplified() : QString::fromUtf8(jsonutil::dump(value)));
    m_syncing = false;
}

void JsonFieldEditor::lineChanged()
{
    if (m_syncing)
        return;
    const json value = json::parse(jsonutil::toStd(m_edit->text()), nullptr, false);
    m_syncing = true;
    m_multi->setPlainText(value.is_discarded() ? m_edit->text() : QString::fromUtf8(jsonutil::dump(value, 2)));
    m_syncing = false;
}

} // namespace tl
