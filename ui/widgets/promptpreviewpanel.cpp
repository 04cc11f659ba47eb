#include "widgets/promptpreviewpanel.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace tl {

PromptPreviewPanel::PromptPreviewPanel(std::function<RunConfig()> config, QWidget* parent)
    : QWidget(parent)
    , m_config(std::move(config))
    , m_button(new QPushButton(tr("Preview prompts"), this))
    , m_note(new QLabel(this))
    , m_table(new QTableWidget(0, 2, this))
    , m_watcher(new QFutureWatcher<PromptPreview>(this))
{
    m_button->setObjectName(QStringLiteral("previewPromptsButton"));
    m_button->setToolTip(tr("Load the dataset as a run would and show its first prompts with their token "
                            "counts (counted with --tokenizer-path)."));
    connect(m_button, &QPushButton::clicked, this, &PromptPreviewPanel::preview);
    m_note->setObjectName(QStringLiteral("promptPreviewNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_table->setObjectName(QStringLiteral("promptPreviewTable"));
    m_table->setHorizontalHeaderLabels({tr("Tokens"), tr("Prompt")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setMaximumHeight(m_table->fontMetrics().height() * 10);
    m_table->hide();
    connect(m_watcher, &QFutureWatcherBase::finished, this, &PromptPreviewPanel::showPreview);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button, 0, 0);
    layout->addWidget(m_note, 0, 1);
    layout->addWidget(m_table, 1, 0, 1, 2);
    layout->setColumnStretch(1, 1);
}

PromptPreviewPanel::~PromptPreviewPanel() = default;

void PromptPreviewPanel::preview()
{
    if (m_watcher->isRunning())
        return;
    m_button->setEnabled(false);
    m_note->setText(tr("Loading the prompts…"));
    m_watcher->setFuture(QtConcurrent::run(&PromptPreview::compute, m_config(), 5));
}

void PromptPreviewPanel::showPreview()
{
    m_button->setEnabled(true);
    const PromptPreview preview = m_watcher->result();
    if (!preview.error.message.isEmpty()) {
        m_note->setText(tr("No preview: %1").arg(preview.error.toString()));
        m_table->hide();
        return;
    }
    m_table->setRowCount(int(preview.rows.size()));
    bool counted = false;
    for (int i = 0; i < preview.rows.size(); ++i) {
        const PromptPreview::Row& row = preview.rows.at(i);
        counted = counted || row.tokens >= 0;
        auto* tokens = new QTableWidgetItem(row.tokens >= 0 ? QString::number(row.tokens) : QStringLiteral("–"));
        tokens->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(i, 0, tokens);
        auto* text = new QTableWidgetItem(row.text);
        text->setToolTip(row.text);
        m_table->setItem(i, 1, text);
    }
    m_table->show();
    m_note->setText(counted ? tr("The first %n prompt(s).", nullptr, int(preview.rows.size()))
                            : tr("The first %n prompt(s); set a tokenizer path to count their tokens.", nullptr,
                                int(preview.rows.size())));
}

} // namespace tl
