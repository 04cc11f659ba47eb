#pragma once

#include "config/parameter.h"
#include "config/runconfig.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLineEdit;
class QLabel;
class QPushButton;
class QToolButton;

namespace tl {

class AppSettings;
class ProjectSession;
class LoadPointsEditor;
class ModelListFetcher;
class PresetBar;
class PromptPreviewPanel;

// The form for a run, generated from the ParameterRegistry: one widget per parameter, by group, with the
// registry's help as tooltip. It only turns input into a RunConfig; the core's rules (ParameterRegistry and
// RunConfig::validate()) decide what is valid, checked as the user types and shown next to each field, and Run
// stays disabled, its tooltip listing what to fix, while anything is wrong. "Copy as command" and "Paste command"
// go through CommandLine.
class RunSetupPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunSetupPage)

public:
    explicit RunSetupPage(QWidget* parent = nullptr);
    ~RunSetupPage() override;

    // Fills the form; what the form does not show (the project, --no-outputs) is kept as given.
    void setConfig(const RunConfig& config);
    // The config the form describes. Text that is not of its field's type (a list with a word that is not a
    // number) is reported in `inputErrors`, naming the field's flag; that field keeps its previous value.
    RunConfig config(ConfigErrors* inputErrors = nullptr) const;

    void showErrors(const QString& heading, const ConfigErrors& errors);
    void clearErrors();
    void setBanner(const QString& text);
    void setRunEnabled(bool enabled);
    // Where the API key is kept between launches (ApiKeyStore::note()), added to the key field's tooltip.
    void setApiKeyNote(const QString& note);
    // A key read from the keychain: fills the key field unless the user has typed one meanwhile.
    void offerApiKey(const QString& key);

    // The `throughline-cli run …` line of the form (secrets masked unless asked).
    QString commandLine(bool includeSecrets = false) const;
    // Fills the form from an `evalscope perf …` or `throughline-cli run …` line. Returns false (and shows why) when
    // the line is no command; `unmapped` receives the flags that were left out, with the reason.
    bool applyCommand(const QString& line, QStringList* unmapped = nullptr);
    // The problems of the form as it stands (input and core rules); empty when Run may start.
    ConfigErrors problems() const { return m_problems; }

    // Asks the server at the form's URL for its models (GET /v1/models, asynchronous) and offers them in the model
    // drop-down; the outcome shows under the model field.
    void fetchModels();

    // Where named presets are kept (neither owned): in the open project when it is writable (schema 5's presets
    // table), else in the settings (no project open, or one opened for browsing). Both nullptr: the row is hidden.
    void setSettings(AppSettings* settings);
    void setProject(ProjectSession* project);
    // The project was opened, closed or replaced: shows its presets.
    void projectChanged();
    bool presetsInProject() const;
    QStringList presetNames() const;
    // The form as preset `name` (replacing one of that name); the API key is never stored.
    bool savePreset(const QString& name);
    // Fills the form from preset `name`, keeping the form's API key and project. False when there is none.
    bool loadPreset(const QString& name);
    bool duplicatePreset(const QString& name, const QString& newName);
    void deletePreset(const QString& name);
    // Loads the form's prompt source off the GUI thread (a tokenizer takes seconds) and shows its first prompts
    // with their token counts under the Dataset group.
    void previewPrompts();

Q_SIGNALS:
    void runRequested();

private:
    struct Field {
        const Parameter* parameter = nullptr;
        QWidget* editor = nullptr;
        QLabel* message = nullptr;
        QGroupBox* group = nullptr;
        std::function<nlohmann::json(QString* error)> read;
        std::function<void(const nlohmann::json&)> write;
    };

    void buildForm();
    Field makeField(const Parameter& p, QWidget* parent);
    Field makeModelField(const Parameter& p, QWidget* parent);
    QWidget* decorateSecret(QLineEdit* edit, QWidget* parent);
    void onModelsFetched(const QStringList& ids);
    void onModelsFailed(const QString& message);
    void updateEndpoint(const RunConfig& config);
    void addLoadPoints(QFormLayout* form, QWidget* parent);
    void onPointsEdited();
    void onLoopModeChosen(int index);
    void updatePoints(const RunConfig& config);
    void addPromptPreview(QFormLayout* form, QWidget* parent);
    void showNote(const QString& text);
    const Field* fieldFor(const QString& flag) const;
    void revalidate();
    void updateRunButton();
    void copyCommand();
    void pasteCommand();
    static void markField(const Field& field, const QString& message);

    RunConfig m_base;
    QList<Field> m_fields;
    ConfigErrors m_problems;
    bool m_filling = false;
    bool m_runAllowed = true;
    QLabel* m_banner = nullptr;
    QLabel* m_errors = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_endpoint = nullptr; // the URL after the suffix rule, under the URL field
    QComboBox* m_modelCombo = nullptr;
    QToolButton* m_fetchModels = nullptr;
    QLabel* m_modelsNote = nullptr;
    ModelListFetcher* m_fetcher = nullptr;
    LoadPointsEditor* m_points = nullptr; // the sweep as a table, kept in step with --parallel/--rate and --number
    QComboBox* m_loopMode = nullptr;
    bool m_syncingPoints = false;
    QLabel* m_datasetNote = nullptr; // the chosen --dataset mode in one line
    PromptPreviewPanel* m_preview = nullptr;
    PresetBar* m_presets = nullptr;
};

} // namespace tl
