#pragma once

#include "config/runconfig.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tl {

// The form for a run: endpoint, model, API key, the sweep (parallel and number lists), max tokens, streaming and
// extra body arguments. It only turns text into a RunConfig; RunConfig::validate() decides what is valid, and the
// page shows the errors it is given next to the fields they name.
class RunSetupPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunSetupPage)

public:
    explicit RunSetupPage(QWidget* parent = nullptr);
    ~RunSetupPage() override;

    // Fills the form; fields the form does not show (sleep interval, timeouts, dataset...) are kept as given.
    void setConfig(const RunConfig& config);
    // The config the form describes. Text that is not a list of whole numbers is reported in `inputErrors`
    // (field "--parallel" / "--number"); that list is then left empty in the result.
    RunConfig config(ConfigErrors* inputErrors = nullptr) const;

    void showErrors(const QString& heading, const ConfigErrors& errors);
    void clearErrors();
    void setBanner(const QString& text);
    void setRunEnabled(bool enabled);

Q_SIGNALS:
    void runRequested();

private:
    void buildForm();
    QWidget* fieldWidget(const QString& field) const;
    static void markField(QWidget* widget, const QString& message);
    QList<int> parseList(const QString& field, const QLineEdit* edit, ConfigErrors* errors) const;

    RunConfig m_base;
    QList<QPair<QString, QWidget*>> m_fields;
    QLabel* m_banner = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_model = nullptr;
    QLineEdit* m_apiKey = nullptr;
    QLineEdit* m_parallel = nullptr;
    QLineEdit* m_number = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QCheckBox* m_stream = nullptr;
    QLineEdit* m_extraArgs = nullptr;
    QLabel* m_errors = nullptr;
    QPushButton* m_run = nullptr;
};

} // namespace tl
