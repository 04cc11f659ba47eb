#include "pages/runsetuppage.h"

#include "config/commandline.h"
#include "config/parameterregistry.h"
#include "engine/modellistfetcher.h"
#include "models/loadpointsmodel.h"
#include "pages/datasetdescriptions.h"
#include "util/jsonutil.h"
#include "widgets/jsonfieldeditor.h"
#include "widgets/loadpointseditor.h"
#include "widgets/presetbar.h"
#include "widgets/promptpreviewpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace tl {

using nlohmann::json;

namespace {

// The objectNames the form kept from its hand-made days (tests and the main window find the fields by them).
QString objectNameFor(const Parameter& p)
{
    static const QList<QPair<const char*, const char*>> legacy = {{"--url", "urlEdit"}, {"--model", "modelEdit"},
        {"--api-key", "apiKeyEdit"}, {"--parallel", "parallelEdit"}, {"--number", "numberEdit"},
        {"--max-tokens", "maxTokensSpin"}, {"--stream", "streamCheck"}, {"--extra-args", "extraArgsEdit"}};
    for (const auto& [flag, name] : legacy) {
        if (p.flag() == QLatin1StringView(flag))
            return QString::fromLatin1(name);
    }
    return p.flag();
}

// A double spin box that keeps the parameter's precision for input but shows no trailing zeros: a total timeout of
// 21600 s reads "21600", a top_p of 0.95 "0.95", not "21600.0000" and "0.9500".
class CompactDoubleSpinBox final : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        QString text = locale().toString(value, 'f', decimals());
        const QString point = locale().decimalPoint();
        if (text.contains(point)) {
            while (text.endsWith(u'0'))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(point.size());
        }
        if (!isGroupSeparatorShown())
            text.remove(locale().groupSeparator());
        return text;
    }
};

QString tooltipFor(const Parameter& p)
{
    QStringList parts{u"<b>" + p.flags.join(QStringLiteral(", ")).toHtmlEscaped() + u"</b>",
        QCoreApplication::translate("Throughline", p.help).toHtmlEscaped()};
    if (*p.definition)
        parts << QCoreApplication::translate("Throughline", p.definition).toHtmlEscaped();
    const json def = ParameterRegistry::defaultValue(p);
    parts << RunSetupPage::tr("Default: %1").arg(ParameterRegistry::displayValue(p, def).toHtmlEscaped());
    return parts.join(QStringLiteral("<br>"));
}

// The help's first sentence: a check box's text.
QString firstSentence(const Parameter& p)
{
    QString text = QCoreApplication::translate("Throughline", p.help);
    const qsizetype stop = text.indexOf(QStringLiteral(". "));
    if (stop > 0)
        text = text.left(stop + 1);
    // A long sentence would widen the whole form: the tooltip has all of it.
    // (45 characters keep the form within a 1024 px window beside the project dock.)
    return text.size() > 45 ? text.left(44).trimmed() + QStringLiteral("…") : text;
}

QString wordsText(const Parameter& p, const json& value)
{
    QStringList words;
    for (const QString& w : ParameterRegistry::wordsFromValue(p, value, true))
        words << CommandLine::quote(w);
    return words.join(u' ');
}

} // namespace

RunSetupPage::RunSetupPage(QWidget* parent)
    : QWidget(parent)
{
    buildForm();
    setConfig(RunConfig());
}

RunSetupPage::~RunSetupPage() = default;

RunSetupPage::Field RunSetupPage::makeField(const Parameter& p, QWidget* parent)
{
    Field f;
    f.parameter = &p;
    const json def = ParameterRegistry::defaultValue(p);
    auto changed = [this] { revalidate(); };

    if (p.type == ParameterType::Bool) {
        auto* box = new QCheckBox(firstSentence(p), parent);
        const bool optional = def.is_null(); // unset = decided by the run (e.g. the chat template from the URL)
        box->setTristate(optional);
        f.read = [box, flagSets = p.flagSets, optional](QString*) {
            if (optional && box->checkState() == Qt::PartiallyChecked)
                return json(nullptr);
            // The box reads as the option's meaning: checked = the flag given (--no-outputs checked = no outputs).
            return json(box->isChecked() ? flagSets : !flagSets);
        };
        f.write = [box, flagSets = p.flagSets, optional](const json& v) {
            if (v.is_null())
                box->setCheckState(optional ? Qt::PartiallyChecked : Qt::Unchecked);
            else
                box->setChecked(v.get<bool>() == flagSets);
        };
        connect(box, &QCheckBox::stateChanged, this, changed);
        f.editor = box;
    } else if (p.widget == WidgetKind::Combo) {
        auto* combo = new QComboBox(parent);
        combo->setEditable(!p.strictChoices);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        if (def.is_null())
            combo->addItem(tr("(default)"), QString());
        for (const QString& c : p.choices)
            combo->addItem(c, c);
        f.read = [combo](QString*) {
            const QString text = combo->isEditable() ? combo->currentText() : combo->currentData().toString();
            return text.isEmpty() ? json(nullptr) : json(jsonutil::toStd(text));
        };
        f.write = [combo](const json& v) {
            const QString text = v.is_string() ? jsonutil::toQString(v) : QString();
            const int index = combo->findData(text);
            if (index >= 0)
                combo->setCurrentIndex(index);
            else if (combo->isEditable())
                combo->setEditText(text);
            else {
                combo->addItem(text, text); // a saved value this version does not offer: shown, and refused
                combo->setCurrentIndex(combo->count() - 1);
            }
        };
        connect(combo, &QComboBox::currentTextChanged, this, changed);
        f.editor = combo;
    } else if ((p.type == ParameterType::Int && !def.is_null()) || p.type == ParameterType::IntRange) {
        auto* spin = new QSpinBox(parent);
        spin->setRange(p.minimum ? int(std::max(*p.minimum, double(std::numeric_limits<int>::min())))
                                 : std::numeric_limits<int>::min(),
            p.maximum ? int(*p.maximum) : std::numeric_limits<int>::max());
        if (p.type == ParameterType::IntRange) {
            // --max-tokens N [MAX]: the spin box is N, the optional MAX draws each request's value from N..MAX.
            auto* upper = new QLineEdit(parent);
            upper->setObjectName(QStringLiteral("maxTokensUpperEdit"));
            upper->setPlaceholderText(tr("MAX (optional: a range)"));
            auto* row = new QWidget(parent);
            auto* layout = new QHBoxLayout(row);
            layout->setContentsMargins(0, 0, 0, 0);
            layout->addWidget(spin, 1);
            layout->addWidget(upper, 1);
            f.read = [spin, upper, &p](QString* error) {
                const QString text = upper->text().trimmed();
                if (text.isEmpty())
                    return json(spin->value());
                return ParameterRegistry::valueFromWords(p, {QString::number(spin->value()), text}, false, error);
            };
            f.write = [spin, upper](const json& v) {
                const json low = v.is_array() ? v[0] : v;
                spin->setValue(low.is_number() ? low.get<int>() : 0);
                upper->setText(v.is_array() && v.size() == 2 ? QString::number(v[1].get<int>()) : QString());
            };
            connect(upper, &QLineEdit::textChanged, this, changed);
            spin->setObjectName(objectNameFor(p));
            connect(spin, &QSpinBox::valueChanged, this, changed);
            f.editor = spin;
            f.message = new QLabel(parent);
            row->setProperty("fieldRow", true);
            f.editor->setToolTip(tooltipFor(p));
            f.editor->setProperty("rowWidget", QVariant::fromValue<QWidget*>(row));
            return f;
        }
        f.read = [spin](QString*) { return json(spin->value()); };
        f.write = [spin](const json& v) { spin->setValue(v.is_number() ? v.get<int>() : 0); };
        connect(spin, &QSpinBox::valueChanged, this, changed);
        f.editor = spin;
    } else if (p.type == ParameterType::Double && !def.is_null()) {
        auto* spin = new CompactDoubleSpinBox(parent);
        // Four places for rates and sampling values; whole numbers (21600 s) show none (CompactDoubleSpinBox).
        spin->setDecimals(4);
        spin->setRange(p.minimum ? *p.minimum : -1e12, p.maximum ? *p.maximum : 1e12);
        f.read = [spin](QString*) { return json(spin->value()); };
        f.write = [spin](const json& v) { spin->setValue(v.is_number() ? v.get<double>() : 0.0); };
        connect(spin, &QDoubleSpinBox::valueChanged, this, changed);
        f.editor = spin;
    } else if (p.flag() == u"--model") {
        return makeModelField(p, parent);
    } else {
        // Text: strings and JSON as they are; numbers that may be unset; lists as shell words (quote a word that
        // holds spaces).
        auto* edit = new QLineEdit(parent);
        edit->setClearButtonEnabled(true);
        if (!p.example.isEmpty())
            edit->setPlaceholderText(tr("e.g. %1").arg(p.example.join(u' ')));
        if (p.type == ParameterType::Json) {
            edit->setObjectName(objectNameFor(p));
            edit->setProperty("rowWidget", QVariant::fromValue<QWidget*>(new JsonFieldEditor(edit, parent)));
        }
        if (p.secret) {
            edit->setEchoMode(QLineEdit::Password);
            edit->setObjectName(objectNameFor(p));
            edit->setProperty("rowWidget", QVariant::fromValue<QWidget*>(decorateSecret(edit, parent)));
        }
        const bool words = p.isList();
        f.read = [edit, &p, words](QString* error) {
            const QString text = edit->text();
            if (text.trimmed().isEmpty())
                return p.type == ParameterType::String || p.type == ParameterType::Json ? json(std::string())
                                                                                        : json(nullptr);
            if (p.type == ParameterType::String || p.type == ParameterType::Json)
                return json(jsonutil::toStd(p.type == ParameterType::Json ? text.trimmed() : text));
            QStringList list;
            if (words) {
                if (!CommandLine::split(text, &list, error))
                    return json(nullptr);
            } else {
                list = {text.trimmed()};
            }
            return ParameterRegistry::valueFromWords(p, list, false, error);
        };
        f.write = [edit, &p, words](const json& v) {
            if (v.is_null())
                edit->clear();
            else if (v.is_string())
                edit->setText(jsonutil::toQString(v));
            else if (p.type == ParameterType::Json)
                edit->setText(QString::fromUtf8(jsonutil::dump(v)));
            else
                edit->setText(words ? wordsText(p, v) : ParameterRegistry::wordsFromValue(p, v, true).join(u' '));
        };
        connect(edit, &QLineEdit::textChanged, this, changed);
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (m_run->isEnabled())
                Q_EMIT runRequested();
        });
        f.editor = edit;
        if (p.widget == WidgetKind::FilePicker || p.widget == WidgetKind::FolderPicker) {
            auto* row = new QWidget(parent);
            auto* layout = new QHBoxLayout(row);
            layout->setContentsMargins(0, 0, 0, 0);
            layout->addWidget(edit, 1);
            // A dataset or a tokenizer may be a file or the folder holding it: both pickers for those.
            const bool both = p.flag() == u"--dataset-path" || p.flag() == u"--tokenizer-path";
            for (const bool folder : {false, true}) {
                if (!both && folder != (p.widget == WidgetKind::FolderPicker))
                    continue;
                auto* browse = new QToolButton(parent);
                browse->setObjectName(objectNameFor(p) + (folder ? QStringLiteral("Folder") : QStringLiteral("File")));
                browse->setText(both ? (folder ? tr("Folder…") : tr("File…")) : QStringLiteral("…"));
                browse->setToolTip(folder ? tr("Choose a folder") : tr("Choose a file"));
                connect(browse, &QToolButton::clicked, this, [this, edit, folder] {
                    const QString path = folder ? QFileDialog::getExistingDirectory(this, QString(), edit->text())
                                                : QFileDialog::getOpenFileName(this, QString(), edit->text());
                    if (!path.isEmpty())
                        edit->setText(path);
                });
                layout->addWidget(browse);
            }
            edit->setProperty("rowWidget", QVariant::fromValue<QWidget*>(row));
        }
    }
    f.editor->setObjectName(objectNameFor(p));
    f.editor->setToolTip(tooltipFor(p));
    f.message = new QLabel(parent);
    return f;
}

// The model: an editable drop-down that the server's /v1/models fills on request; any name may still be typed.
RunSetupPage::Field RunSetupPage::makeModelField(const Parameter& p, QWidget* parent)
{
    Field f;
    f.parameter = &p;
    m_modelCombo = new QComboBox(parent);
    m_modelCombo->setEditable(true);
    m_modelCombo->setInsertPolicy(QComboBox::NoInsert);
    m_modelCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelCombo->setMinimumContentsLength(12);
    m_modelCombo->lineEdit()->setObjectName(objectNameFor(p)); // "modelEdit", as the tests and main window know it
    m_modelCombo->lineEdit()->setPlaceholderText(tr("the server's model id"));
    m_modelCombo->lineEdit()->setClearButtonEnabled(true);
    f.read = [combo = m_modelCombo](QString*) { return json(jsonutil::toStd(combo->currentText())); };
    f.write = [combo = m_modelCombo](
                  const json& v) { combo->setEditText(v.is_string() ? jsonutil::toQString(v) : QString()); };
    connect(m_modelCombo, &QComboBox::currentTextChanged, this, [this] { revalidate(); });
    connect(m_modelCombo->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (m_run->isEnabled())
            Q_EMIT runRequested();
    });

    m_fetchModels = new QToolButton(parent);
    m_fetchModels->setObjectName(QStringLiteral("fetchModelsButton"));
    m_fetchModels->setText(tr("Fetch list"));
    m_fetchModels->setToolTip(tr("Ask the server at the URL for the models it serves (GET /v1/models)."));
    connect(m_fetchModels, &QToolButton::clicked, this, &RunSetupPage::fetchModels);
    m_fetcher = new ModelListFetcher(this);
    connect(m_fetcher, &ModelListFetcher::modelsFetched, this, &RunSetupPage::onModelsFetched);
    connect(m_fetcher, &ModelListFetcher::failed, this, &RunSetupPage::onModelsFailed);

    m_modelsNote = new QLabel(parent);
    m_modelsNote->setObjectName(QStringLiteral("modelsNoteLabel"));
    m_modelsNote->setWordWrap(true);
    m_modelsNote->setForegroundRole(QPalette::PlaceholderText);
    m_modelsNote->hide();

    auto* row = new QWidget(parent);
    auto* layout = new QGridLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_modelCombo, 0, 0);
    layout->addWidget(m_fetchModels, 0, 1);
    layout->addWidget(m_modelsNote, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    f.editor = m_modelCombo;
    f.editor->setToolTip(tooltipFor(p));
    f.editor->setProperty("rowWidget", QVariant::fromValue<QWidget*>(row));
    m_modelCombo->setObjectName(QStringLiteral("modelCombo"));
    f.message = new QLabel(parent);
    return f;
}

// A masked field with a toggle that shows what was typed (to check a pasted key) and hides it again.
QWidget* RunSetupPage::decorateSecret(QLineEdit* edit, QWidget* parent)
{
    auto* show = new QToolButton(parent);
    show->setObjectName(edit->objectName() + QStringLiteral("ShowButton")); // "apiKeyEditShowButton"
    show->setText(tr("Show"));
    show->setCheckable(true);
    show->setToolTip(tr("Show or hide the key"));
    connect(show, &QToolButton::toggled, edit, [edit, show](bool visible) {
        edit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
        show->setText(visible ? RunSetupPage::tr("Hide") : RunSetupPage::tr("Show"));
    });
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(show);
    return row;
}

void RunSetupPage::fetchModels()
{
    const RunConfig c = config();
    m_modelsNote->setText(tr("Asking %1 …").arg(ModelListFetcher::modelsUrl(QUrl(c.resolvedUrl())).toString()));
    m_modelsNote->show();
    m_fetchModels->setEnabled(false);
    ModelListFetcher::Options options;
    options.headers = c.headers;
    options.noProxy = c.noProxy;
    options.insecure = c.insecure;
    m_fetcher->fetch(QUrl(c.resolvedUrl()), c.apiKey, options);
}

void RunSetupPage::onModelsFetched(const QStringList& ids)
{
    m_fetchModels->setEnabled(true);
    const QString typed = m_modelCombo->currentText();
    {
        const QSignalBlocker blocker(m_modelCombo);
        m_modelCombo->clear();
        m_modelCombo->addItems(ids);
        // An empty field takes the server's only (or first) model; a typed name stays as it is.
        m_modelCombo->setEditText(typed.isEmpty() && !ids.isEmpty() ? ids.first() : typed);
    }
    revalidate();
    m_modelsNote->setText(ids.isEmpty() ? tr("The server lists no models.")
                                        : tr("%n model(s) offered by the server.", nullptr, int(ids.size())));
    m_modelsNote->show();
}

void RunSetupPage::onModelsFailed(const QString& message)
{
    m_fetchModels->setEnabled(true);
    m_modelsNote->setText(tr("No model list: %1").arg(message));
    m_modelsNote->show();
}

void RunSetupPage::updateEndpoint(const RunConfig& config)
{
    if (!m_endpoint)
        return;
    const QString resolved = config.resolvedUrl();
    m_endpoint->setText(tr("Requests go to: %1").arg(resolved));
    m_endpoint->setToolTip(resolved == config.url.trimmed()
            ? QString()
            : tr("The URL has no endpoint suffix, so the API's is appended (EvalScope's rule)."));
}

// The sweep's points as a small table above the Load group's fields; the list fields stay as the compact way.
void RunSetupPage::addLoadPoints(QFormLayout* form, QWidget* parent)
{
    m_loopMode = new QComboBox(parent);
    m_loopMode->setObjectName(QStringLiteral("loopModeCombo"));
    m_loopMode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon); // long items: no wide form
    m_loopMode->setMinimumContentsLength(20);
    m_loopMode->addItem(tr("Closed loop: a fixed number of requests in flight (--parallel)"));
    m_loopMode->addItem(tr("Open loop: requests arrive at a rate, whatever is in flight (--rate)"));
    connect(m_loopMode, &QComboBox::currentIndexChanged, this, &RunSetupPage::onLoopModeChosen);
    m_points = new LoadPointsEditor(parent);
    connect(m_points, &LoadPointsEditor::pointsEdited, this, &RunSetupPage::onPointsEdited);
    form->insertRow(0, tr("Mode:"), m_loopMode);
    form->insertRow(1, tr("Points:"), m_points);
}

// The table was edited: it writes the list fields (closed loop: --parallel, open loop: --rate; and --number), whose
// change runs the core's rules like typing would.
void RunSetupPage::onPointsEdited()
{
    if (m_syncingPoints || m_filling)
        return;
    const LoadPointsModel* points = m_points->model();
    const Field* load = fieldFor(points->openLoop() ? QStringLiteral("--rate") : QStringLiteral("--parallel"));
    const Field* number = fieldFor(QStringLiteral("--number"));
    if (!load || !number)
        return;
    auto text = [](const QList<double>& values) {
        QStringList words;
        for (double v : values)
            words << QString::number(v);
        return words.join(u' ');
    };
    m_syncingPoints = true;
    qobject_cast<QLineEdit*>(load->editor)->setText(text(points->loads()));
    qobject_cast<QLineEdit*>(number->editor)->setText(text(points->numbers()));
    m_syncingPoints = false;
    revalidate();
}

void RunSetupPage::onLoopModeChosen(int index)
{
    if (const Field* f = fieldFor(QStringLiteral("--open-loop")))
        qobject_cast<QCheckBox*>(f->editor)->setChecked(index == 1);
}

// The form changed elsewhere (typed lists, a pasted command, setConfig): the table follows.
void RunSetupPage::updatePoints(const RunConfig& config)
{
    if (!m_points || m_syncingPoints)
        return;
    {
        const QSignalBlocker blocker(m_loopMode);
        m_loopMode->setCurrentIndex(config.openLoop ? 1 : 0);
    }
    QList<double> loads;
    if (config.openLoop)
        loads = config.rate;
    else
        for (int p : config.parallel)
            loads << p;
    QList<double> numbers;
    for (int n : config.number)
        numbers << n;
    m_points->setPoints(config.openLoop, loads, numbers);
}

void RunSetupPage::addPromptPreview(QFormLayout* form, QWidget* parent)
{
    m_preview = new PromptPreviewPanel([this] { return config(); }, parent);
    form->addRow(tr("Preview:"), m_preview);
}

void RunSetupPage::previewPrompts()
{
    m_preview->preview();
}

void RunSetupPage::setSettings(AppSettings* settings)
{
    m_presets->setSettings(settings);
}

void RunSetupPage::setProject(ProjectSession* project)
{
    m_presets->setProject(project);
}

void RunSetupPage::projectChanged()
{
    m_presets->projectChanged();
}

bool RunSetupPage::presetsInProject() const
{
    return m_presets->inProject();
}

QStringList RunSetupPage::presetNames() const
{
    return m_presets->names();
}

bool RunSetupPage::savePreset(const QString& name)
{
    if (name.trimmed().isEmpty())
        return false;
    return m_presets->store(name.trimmed(), config().toJson(false));
}

bool RunSetupPage::loadPreset(const QString& name)
{
    const QByteArray json = m_presets->json(name);
    if (json.isEmpty())
        return false;
    ConfigErrors errors;
    RunConfig loaded = RunConfig::fromJson(json, &errors);
    const RunConfig current = config();
    loaded.apiKey = current.apiKey; // never stored: the form's key stays
    loaded.project = m_base.project;
    loaded.writeOutputs = m_base.writeOutputs;
    setConfig(loaded);
    showNote(errors.isEmpty() ? tr("Preset '%1' loaded.").arg(name)
                              : tr("Preset '%1' loaded, without: %2").arg(name, errors.value(0).toString()));
    return true;
}

bool RunSetupPage::duplicatePreset(const QString& name, const QString& newName)
{
    return m_presets->duplicate(name, newName);
}

void RunSetupPage::deletePreset(const QString& name)
{
    m_presets->remove(name);
}

void RunSetupPage::showNote(const QString& text)
{
    m_note->setText(text);
    m_note->show();
}

void RunSetupPage::buildForm()
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("bannerLabel"));
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #e8f1fb; border: 1px solid #9cc3ea; }"));
    m_banner->hide();

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    for (ParameterGroup group : ParameterRegistry::groups()) {
        auto* box = new QGroupBox(ParameterRegistry::groupName(group), content);
        box->setObjectName(QStringLiteral("group") + ParameterRegistry::groupName(group).remove(u'-'));
        // A checked box is an open one: the rarely changed groups start closed.
        box->setCheckable(true);
        auto* inner = new QWidget(box);
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(inner);
        auto* form = new QFormLayout(inner);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        QStringList unsupported;
        QStringList reasons;
        for (const Parameter& p : ParameterRegistry::all()) {
            if (p.group != group)
                continue;
            if (!p.isSupported()) {
                unsupported << p.flag();
                reasons << p.flag() + QStringLiteral(": ") + QCoreApplication::translate("Throughline", p.reason);
                continue;
            }
            // Where results go is the project's business in the workbench, not the form's.
            if (p.flag() == u"--project" || p.flag() == u"--no-outputs")
                continue;
            Field f = makeField(p, inner);
            f.group = box;
            f.message->setWordWrap(true);
            f.message->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
            // Named after the field's text editor ("modelEditMessage" for the model's drop-down too).
            const QWidget* named = f.editor == m_modelCombo ? m_modelCombo->lineEdit() : f.editor;
            f.message->setObjectName(named->objectName() + QStringLiteral("Message"));
            f.message->hide();
            auto* cell = new QWidget(inner);
            auto* cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->setSpacing(2);
            auto* row = f.editor->property("rowWidget").value<QWidget*>();
            cellLayout->addWidget(row ? row : f.editor);
            if (p.flag() == u"--dataset") {
                m_datasetNote = new QLabel(inner);
                m_datasetNote->setObjectName(QStringLiteral("datasetDescriptionLabel"));
                m_datasetNote->setForegroundRole(QPalette::PlaceholderText);
                m_datasetNote->setWordWrap(true);
                cellLayout->addWidget(m_datasetNote);
            }
            if (p.flag() == u"--url") {
                m_endpoint = new QLabel(inner);
                m_endpoint->setObjectName(QStringLiteral("effectiveUrlLabel"));
                m_endpoint->setForegroundRole(QPalette::PlaceholderText);
                m_endpoint->setTextInteractionFlags(Qt::TextSelectableByMouse);
                m_endpoint->setWordWrap(true);
                cellLayout->addWidget(m_endpoint);
            }
            cellLayout->addWidget(f.message);
            auto* label = new QLabel(ParameterRegistry::label(p) + u':', inner);
            label->setToolTip(f.editor->toolTip());
            label->setBuddy(f.editor);
            form->addRow(label, cell);
            m_fields.append(f);
        }
        if (group == ParameterGroup::Load)
            addLoadPoints(form, inner);
        if (group == ParameterGroup::Dataset)
            addPromptPreview(form, inner);
        if (!unsupported.isEmpty()) {
            auto* note = new QLabel(tr("Not in this version: %1").arg(unsupported.join(QStringLiteral(", "))), inner);
            note->setWordWrap(true);
            note->setToolTip(reasons.join(u'\n'));
            note->setForegroundRole(QPalette::PlaceholderText);
            form->addRow(note);
        }
        const bool open = group == ParameterGroup::Target || group == ParameterGroup::Load
            || group == ParameterGroup::Dataset || group == ParameterGroup::Generation;
        box->setChecked(open);
        inner->setVisible(open);
        connect(box, &QGroupBox::toggled, inner, &QWidget::setVisible);
        column->addWidget(box);
    }
    column->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("errorLabel"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setMargin(8);
    m_errors->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; border: 1px solid #e0a39c; color: #8a1c12; }"));
    m_errors->hide();

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("pasteNoteLabel"));
    m_note->setWordWrap(true);
    m_note->hide();

    auto* copy = new QPushButton(tr("&Copy as command"), this);
    copy->setObjectName(QStringLiteral("copyCommandButton"));
    copy->setToolTip(tr("Put the equivalent 'throughline-cli run …' line on the clipboard (the API key masked)."));
    connect(copy, &QPushButton::clicked, this, &RunSetupPage::copyCommand);
    auto* paste = new QPushButton(tr("&Paste command…"), this);
    paste->setObjectName(QStringLiteral("pasteCommandButton"));
    paste->setToolTip(tr("Fill the form from an 'evalscope perf …' or 'throughline-cli run …' command."));
    connect(paste, &QPushButton::clicked, this, &RunSetupPage::pasteCommand);

    m_run = new QPushButton(tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setDefault(true);
    m_run->setMinimumWidth(120);
    connect(m_run, &QPushButton::clicked, this, &RunSetupPage::runRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(paste);
    buttons->addStretch(1);
    buttons->addWidget(m_run);

    m_presets = new PresetBar(this);
    connect(m_presets, &PresetBar::loadRequested, this, &RunSetupPage::loadPreset);
    connect(m_presets, &PresetBar::saveRequested, this, &RunSetupPage::savePreset);
    connect(m_presets, &PresetBar::failed, this, &RunSetupPage::showNote);
    auto* layout = new QVBoxLayout;
    layout->addWidget(m_banner);
    layout->addWidget(m_presets);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_errors);
    layout->addLayout(buttons);

    // A form stretched across a wide window is hard to read: keep it to a comfortable width.
    auto* outer = new QHBoxLayout(this);
    auto* form = new QWidget(this);
    form->setLayout(layout);
    form->setMaximumWidth(820);
    outer->addWidget(form, 1);
    outer->addStretch(0);
}

void RunSetupPage::setConfig(const RunConfig& config)
{
    m_base = config;
    m_filling = true;
    for (const Field& f : std::as_const(m_fields))
        f.write(f.parameter->get(config));
    m_filling = false;
    revalidate();
}

RunConfig RunSetupPage::config(ConfigErrors* inputErrors) const
{
    RunConfig c = m_base;
    for (const Field& f : m_fields) {
        QString error;
        const json value = f.read(&error);
        if (error.isEmpty())
            error = f.parameter->set(c, value);
        if (!error.isEmpty() && inputErrors)
            inputErrors->append(ConfigError{f.parameter->flag(), error});
    }
    return c;
}

const RunSetupPage::Field* RunSetupPage::fieldFor(const QString& flag) const
{
    const Parameter* p = ParameterRegistry::byFlag(flag);
    for (const Field& f : m_fields) {
        if (f.parameter == p)
            return &f;
    }
    return nullptr;
}

void RunSetupPage::markField(const Field& field, const QString& message)
{
    QPalette palette;
    if (!message.isEmpty())
        palette.setColor(QPalette::Base, QColor(0xfd, 0xe2, 0xdf));
    field.editor->setPalette(palette);
    field.message->setText(message);
    field.message->setVisible(!message.isEmpty());
}

// The core's rules on every change: each field shows its own problem, the list goes to Run's tooltip.
void RunSetupPage::revalidate()
{
    if (m_filling)
        return;
    ConfigErrors problems;
    const RunConfig c = config(&problems);
    updateEndpoint(c);
    updatePoints(c);
    if (m_datasetNote)
        m_datasetNote->setText(DatasetDescriptions::describe(c.dataset));
    for (const ConfigError& e : c.validate()) {
        bool known = false;
        for (const ConfigError& p : std::as_const(problems))
            known = known || p.field == e.field;
        if (!known)
            problems.append(e);
    }
    m_problems = problems;
    for (const Field& f : std::as_const(m_fields)) {
        QString message;
        for (const ConfigError& e : std::as_const(problems)) {
            if (ParameterRegistry::byFlag(e.field) == f.parameter) {
                message = e.message;
                break;
            }
        }
        markField(f, message);
        if (!message.isEmpty() && !f.group->isChecked())
            f.group->setChecked(true); // a problem is never hidden in a closed group
    }
    if (problems.isEmpty()) {
        m_errors->clear();
        m_errors->hide();
    } else {
        QStringList lines{tr("Fix these to run:")};
        for (const ConfigError& e : std::as_const(problems))
            lines << e.toString();
        m_errors->setText(lines.join(u'\n'));
        m_errors->show();
    }
    updateRunButton();
}

void RunSetupPage::updateRunButton()
{
    m_run->setEnabled(m_runAllowed && m_problems.isEmpty());
    if (m_problems.isEmpty()) {
        m_run->setToolTip(tr("Start the sweep."));
        return;
    }
    QStringList lines{tr("Fix these to run:")};
    for (const ConfigError& e : std::as_const(m_problems))
        lines << e.toString();
    m_run->setToolTip(lines.join(u'\n'));
}

void RunSetupPage::showErrors(const QString& heading, const ConfigErrors& errors)
{
    if (errors.isEmpty()) {
        clearErrors();
        return;
    }
    QStringList lines{heading};
    for (const Field& f : std::as_const(m_fields))
        markField(f, QString());
    for (const ConfigError& e : errors) {
        lines.append(e.toString());
        if (const Field* f = fieldFor(e.field))
            markField(*f, e.message);
    }
    m_errors->setText(lines.join(u'\n'));
    m_errors->show();
    if (const Field* first = fieldFor(errors.first().field))
        first->editor->setFocus();
}

void RunSetupPage::clearErrors()
{
    for (const Field& f : std::as_const(m_fields))
        markField(f, QString());
    m_errors->clear();
    m_errors->hide();
}

void RunSetupPage::setBanner(const QString& text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void RunSetupPage::setApiKeyNote(const QString& note)
{
    if (const Field* f = fieldFor(QStringLiteral("--api-key")))
        f->editor->setToolTip(tooltipFor(*f->parameter) + QStringLiteral("\n\n") + note);
}

void RunSetupPage::offerApiKey(const QString& key)
{
    auto* edit = findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"));
    if (edit && edit->text().isEmpty())
        edit->setText(key);
}

void RunSetupPage::setRunEnabled(bool enabled)
{
    m_runAllowed = enabled;
    updateRunButton();
}

QString RunSetupPage::commandLine(bool includeSecrets) const
{
    return CommandLine::toCommandLine(config(), includeSecrets);
}

bool RunSetupPage::applyCommand(const QString& line, QStringList* unmapped)
{
    const CommandLine::Conversion c = CommandLine::convert(line);
    if (!c.errors.isEmpty()) {
        showErrors(tr("The command could not be read:"), c.errors);
        return false;
    }
    RunConfig config = c.config;
    config.project = m_base.project;
    config.writeOutputs = m_base.writeOutputs;
    setConfig(config);
    if (unmapped)
        *unmapped = c.unmapped;
    m_note->setText(c.unmapped.isEmpty()
            ? tr("The form now holds the pasted command.")
            : tr("The form now holds the pasted command, without: %1").arg(c.unmapped.join(QStringLiteral("; "))));
    m_note->show();
    return true;
}

void RunSetupPage::copyCommand()
{
    QApplication::clipboard()->setText(commandLine(false));
    m_note->setText(tr("Copied: %1").arg(commandLine(false)));
    m_note->show();
}

void RunSetupPage::pasteCommand()
{
    bool ok = false;
    const QString line = QInputDialog::getMultiLineText(this, tr("Paste command"),
        tr("An 'evalscope perf …' or 'throughline-cli run …' command:"), QApplication::clipboard()->text(), &ok);
    if (ok && !line.trimmed().isEmpty())
        applyCommand(line);
}

} // namespace tl
