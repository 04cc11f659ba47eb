#include "pages/runsetuppage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tl {

namespace {

QString joinList(const QList<int>& values)
{
    QStringList words;
    for (int v : values)
        words.append(QString::number(v));
    return words.join(u' ');
}

QLineEdit* lineEdit(const char* objectName, const QString& placeholder, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

// Several forms, one column of inputs: every label gets the width of the widest.
void alignLabels(const QList<QFormLayout*>& forms)
{
    QList<QWidget*> labels;
    int width = 0;
    for (QFormLayout* form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole);
            if (item && item->widget()) {
                labels.append(item->widget());
                width = std::max(width, item->sizeHint().width());
            }
        }
    }
    for (QWidget* label : std::as_const(labels))
        label->setMinimumWidth(width);
}

} // namespace

RunSetupPage::RunSetupPage(QWidget* parent)
    : QWidget(parent)
{
    buildForm();
    setConfig(RunConfig());
}

RunSetupPage::~RunSetupPage() = default;

void RunSetupPage::buildForm()
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("bannerLabel"));
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #e8f1fb; border: 1px solid #9cc3ea; }"));
    m_banner->hide();

    m_url = lineEdit("urlEdit", tr("http://127.0.0.1:8000/v1/chat/completions"), this);
    m_model = lineEdit("modelEdit", tr("the model name the server serves, e.g. Qwen3-8B"), this);
    m_apiKey = lineEdit("apiKeyEdit", tr("optional; sent as 'Authorization: Bearer KEY'"), this);
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_parallel = lineEdit("parallelEdit", tr("e.g. 1 4 16"), this);
    m_number = lineEdit("numberEdit", tr("e.g. 100 400 1600"), this);
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setObjectName(QStringLiteral("maxTokensSpin"));
    m_maxTokens->setRange(0, 1'000'000);
    m_stream = new QCheckBox(tr("Stream the responses (needed for TTFT and ITL)"), this);
    m_stream->setObjectName(QStringLiteral("streamCheck"));
    m_extraArgs
        = lineEdit("extraArgsEdit", tr("JSON object merged into every request, e.g. {\"ignore_eos\": true}"), this);
    // The CLI flag each field stands for: errors from RunConfig::validate() name these.
    m_fields = {{QStringLiteral("--url"), m_url}, {QStringLiteral("--model"), m_model},
        {QStringLiteral("--api-key"), m_apiKey}, {QStringLiteral("--parallel"), m_parallel},
        {QStringLiteral("--number"), m_number}, {QStringLiteral("--max-tokens"), m_maxTokens},
        {QStringLiteral("--stream"), m_stream}, {QStringLiteral("--extra-args"), m_extraArgs}};

    auto* endpoint = new QGroupBox(tr("Endpoint"), this);
    auto* endpointForm = new QFormLayout(endpoint);
    endpointForm->addRow(tr("&URL:"), m_url);
    endpointForm->addRow(tr("&Model:"), m_model);
    endpointForm->addRow(tr("API &key:"), m_apiKey);

    auto* load = new QGroupBox(tr("Load sweep"), this);
    auto* loadForm = new QFormLayout(load);
    loadForm->addRow(tr("&Parallel:"), m_parallel);
    loadForm->addRow(tr("&Number:"), m_number);
    auto* sweepHint = new QLabel(tr("One run point per pair of values: parallel 1 4 with number 10 40 runs 10 requests "
                                    "one at a time, then 40 requests with up to 4 in flight."),
        load);
    sweepHint->setWordWrap(true);
    sweepHint->setForegroundRole(QPalette::PlaceholderText);
    loadForm->addRow(QString(), sweepHint);

    auto* requests = new QGroupBox(tr("Requests"), this);
    auto* requestsForm = new QFormLayout(requests);
    requestsForm->addRow(tr("Max &tokens:"), m_maxTokens);
    requestsForm->addRow(QString(), m_stream);
    requestsForm->addRow(tr("&Extra args (JSON):"), m_extraArgs);

    alignLabels({endpointForm, loadForm, requestsForm});

    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("errorLabel"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setMargin(8);
    m_errors->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; border: 1px solid #e0a39c; color: #8a1c12; }"));
    m_errors->hide();

    m_run = new QPushButton(tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setDefault(true);
    m_run->setMinimumWidth(120);
    connect(m_run, &QPushButton::clicked, this, &RunSetupPage::runRequested);
    for (QLineEdit* edit : {m_url, m_model, m_apiKey, m_parallel, m_number, m_extraArgs})
        connect(edit, &QLineEdit::returnPressed, this, &RunSetupPage::runRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_run);

    auto* column = new QVBoxLayout;
    column->addWidget(m_banner);
    column->addWidget(endpoint);
    column->addWidget(load);
    column->addWidget(requests);
    column->addWidget(m_errors);
    column->addLayout(buttons);
    column->addStretch(1);

    // A form stretched across a wide window is hard to read: keep it to a comfortable width.
    auto* outer = new QHBoxLayout(this);
    auto* form = new QWidget(this);
    form->setLayout(column);
    form->setMaximumWidth(760);
    outer->addWidget(form, 1);
    outer->addStretch(0);
}

void RunSetupPage::setConfig(const RunConfig& config)
{
    m_base = config;
    m_url->setText(config.url);
    m_model->setText(config.model);
    m_apiKey->setText(config.apiKey);
    m_parallel->setText(joinList(config.parallel));
    m_number->setText(joinList(config.number));
    m_maxTokens->setValue(config.maxTokens);
    m_stream->setChecked(config.stream);
    m_extraArgs->setText(QString::fromUtf8(config.extraArgs));
}

QList<int> RunSetupPage::parseList(const QString& field, const QLineEdit* edit, ConfigErrors* errors) const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QList<int> values;
    for (const QString& word : edit->text().split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = word.toInt(&ok);
        if (!ok) {
            if (errors) {
                errors->append({field,
                    tr("'%1' is not a whole number; give the values separated by spaces, e.g. 1 4 16").arg(word)});
            }
            return {};
        }
        values.append(v);
    }
    return values;
}

RunConfig RunSetupPage::config(ConfigErrors* inputErrors) const
{
    RunConfig c = m_base;
    c.url = m_url->text().trimmed();
    c.model = m_model->text().trimmed();
    c.apiKey = m_apiKey->text().trimmed();
    c.parallel = parseList(QStringLiteral("--parallel"), m_parallel, inputErrors);
    c.number = parseList(QStringLiteral("--number"), m_number, inputErrors);
    c.maxTokens = m_maxTokens->value();
    c.stream = m_stream->isChecked();
    c.extraArgs = m_extraArgs->text().trimmed().toUtf8();
    return c;
}

QWidget* RunSetupPage::fieldWidget(const QString& field) const
{
    for (const auto& [name, widget] : m_fields) {
        if (field == name)
            return widget;
    }
    return nullptr;
}

void RunSetupPage::markField(QWidget* widget, const QString& message)
{
    QPalette palette;
    if (!message.isEmpty())
        palette.setColor(QPalette::Base, QColor(0xfd, 0xe2, 0xdf));
    widget->setPalette(palette);
    widget->setToolTip(message);
}

void RunSetupPage::showErrors(const QString& heading, const ConfigErrors& errors)
{
    clearErrors();
    if (errors.isEmpty())
        return;
    QStringList lines{heading};
    for (const ConfigError& e : errors) {
        lines.append(e.toString());
        if (QWidget* widget = fieldWidget(e.field))
            markField(widget, e.message);
    }
    m_errors->setText(lines.join(u'\n'));
    m_errors->show();
    if (QWidget* first = fieldWidget(errors.first().field))
        first->setFocus();
}

void RunSetupPage::clearErrors()
{
    for (const auto& field : std::as_const(m_fields))
        markField(field.second, QString());
    m_errors->clear();
    m_errors->hide();
}

void RunSetupPage::setBanner(const QString& text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void RunSetupPage::setRunEnabled(bool enabled)
{
    m_run->setEnabled(enabled);
}

} // namespace tl
