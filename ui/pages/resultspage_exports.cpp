#include "pages/resultspage.h"
#include "pages/resultspage_p.h"

#include "appsettings.h"
#include "charts/chartexporter.h"
#include "dialogs/chartexportdialog.h"
#include "models/percentiletablemodel.h"
#include "models/requesttablemodel.h"
#include "storage/csv.h"
#include "storage/evalscopeexporter.h"
#include "storage/htmlreport.h"
#include "storage/projectreader.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QtConcurrent>

#include <algorithm>

namespace tl {

namespace {

constexpr QSize kDefaultExportSize(800, 500);

QString safeFileName(QString name)
{
    static const QString kBad = QStringLiteral("\\/:*?\"<>|");
    for (QChar& c : name) {
        if (kBad.contains(c) || c.isSpace() || c.unicode() < 32)
            c = u'_';
    }
    return name.isEmpty() ? QStringLiteral("run") : name.left(80);
}

} // namespace

QString ResultsPage::defaultExportName() const
{
    if (!m_run)
        return QStringLiteral("results_%1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    return safeFileName(m_run->name) + u'_' + m_run->created().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
}

QString ResultsPage::exportFolder() const
{
    const QString folder = m_settings ? m_settings->exportFolder() : QString();
    return folder.isEmpty() ? QDir::homePath() : folder;
}

void ResultsPage::rememberFolder(const QString& path)
{
    if (m_settings)
        m_settings->setExportFolder(QFileInfo(path).absolutePath());
}

void ResultsPage::startJob(const QString& done, std::function<QString()> work)
{
    ++m_pendingExports;
    m_message->setText(tr("Exporting…"));
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        --m_pendingExports;
        const QString error = watcher->result();
        const bool ok = error.isEmpty();
        m_message->setText(ok ? done : tr("The export failed: %1").arg(error));
        Q_EMIT exportFinished(ok, ok ? done : error);
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

bool ResultsPage::exportChart(QWidget* chart, const QString& path, QSize size, int dpi)
{
    if (!chart || path.isEmpty())
        return false;
    rememberFolder(path);
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive);
    const QString title = chart->objectName();
    if (svg) {
        const QByteArray data = ChartExporter::renderSvg(chart, size, dpi, title);
        startJob(tr("Chart saved to %1").arg(path), [data, path] {
            QString error;
            return ChartExporter::writeFile(data, path, &error) ? QString() : error;
        });
    } else {
        const QImage image = ChartExporter::renderImage(chart, size, dpi);
        startJob(tr("Chart saved to %1").arg(path), [image, path] {
            QString error;
            return ChartExporter::writePng(image, path, &error) ? QString() : error;
        });
    }
    return true;
}

void ResultsPage::copyChart(QWidget* chart)
{
    QApplication::clipboard()->setImage(ChartExporter::renderImage(chart, chart->size(), 2 * ChartExporter::kBaseDpi));
    m_message->setText(tr("The chart was copied to the clipboard."));
}

void ResultsPage::askExportChart(QWidget* chart)
{
    QString stem = defaultExportName() + u'_' + chart->objectName();
    ChartExportDialog dialog(QDir(exportFolder()).filePath(stem), kDefaultExportSize, this);
    if (dialog.exec() == QDialog::Accepted)
        exportChart(chart, dialog.path(), dialog.chartSize(), dialog.dpi());
}

bool ResultsPage::exportTableCsv(const QAbstractItemModel* model, const QString& path)
{
    if (!model || path.isEmpty())
        return false;
    rememberFolder(path);
    if (model == m_requests)
        return exportRequestsCsv(path);
    // A small table: its text is taken here (models live on the GUI thread), written on a pool thread.
    QList<QStringList> rows;
    QStringList header;
    const bool vertical = model == m_percentiles;
    if (vertical)
        header << tr("Percentile");
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal).toString();
    rows << header;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        if (vertical)
            row << model->headerData(r, Qt::Vertical).toString();
        for (int c = 0; c < model->columnCount(); ++c)
            row << model->index(r, c).data().toString();
        rows << row;
    }
    startJob(tr("Table saved to %1").arg(path), [rows, path] {
        QByteArray data;
        for (const QStringList& row : rows)
            data += Csv::row(row);
        QString error;
        return ChartExporter::writeFile(data, path, &error) ? QString() : error;
    });
    return true;
}

bool ResultsPage::exportRequestsCsv(const QString& path)
{
    if (path.isEmpty())
        return false;
    rememberFolder(path);
    const RequestTableModel::Snapshot snapshot = m_requests->snapshot();
    startJob(tr("Requests saved to %1").arg(path), [snapshot, path] {
        QString error;
        return ChartExporter::writeFile(RequestTableModel::csv(snapshot), path, &error) ? QString() : error;
    });
    return true;
}

void ResultsPage::askExportTable(const QAbstractItemModel* model, const QString& what)
{
    const QString suggested = QDir(exportFolder()).filePath(defaultExportName() + u'_' + what + QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Table"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTableCsv(model, path);
}

bool ResultsPage::exportHtml(const QString& path)
{
    if (!m_run || path.isEmpty())
        return false;
    rememberFolder(path);
    const std::shared_ptr<const RunData> run = m_run;
    startJob(tr("Report saved to %1").arg(path), [run, path] {
        QString error;
        return ChartExporter::writeFile(HtmlReport::render(*run), path, &error) ? QString() : error;
    });
    return true;
}

bool ResultsPage::exportEvalScope(const QString& folder)
{
    if (!m_run || folder.isEmpty())
        return false;
    if (m_settings)
        m_settings->setExportFolder(folder);
    const std::shared_ptr<const RunData> shown = m_run;
    const QString project = m_projectPath;
    startJob(tr("EvalScope output written under %1").arg(folder), [shown, project, folder] {
        QString root;
        QString error;
        // The page holds no records (a run is read lazily): the export reads them here, on the pool thread.
        const std::shared_ptr<const RunData> run = withRecords(project, shown, &error);
        if (!run)
            return error;
        return EvalScopeExporter::exportRun(*run, folder, &root, &error) ? QString() : error;
    });
    return true;
}

std::shared_ptr<const RunData> ResultsPage::withRecords(
    const QString& projectPath, std::shared_ptr<const RunData> run, QString* error)
{
    const bool hasRecords = std::any_of(
        run->points.cbegin(), run->points.cend(), [](const PointResult& p) { return !p.records.isEmpty(); });
    if (hasRecords || projectPath.isEmpty())
        return run;
    ProjectReader reader;
    if (!reader.open(projectPath, error))
        return nullptr;
    auto full = std::make_shared<RunData>(*run);
    for (PointResult& p : full->points)
        p.records = reader.requests(run->id, p.index, -1, true); // stored bodies fill EvalScope's request column
    if (!reader.lastError().isEmpty()) {
        *error = reader.lastError();
        return nullptr;
    }
    return full;
}

void ResultsPage::askExportHtml()
{
    if (!m_run)
        return;
    const QString suggested = QDir(exportFolder()).filePath(defaultExportName() + QStringLiteral(".html"));
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export HTML Report"), suggested, tr("HTML files (*.html)"));
    exportHtml(path);
}

void ResultsPage::askExportEvalScope()
{
    if (!m_run)
        return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export as EvalScope Output"), exportFolder());
    exportEvalScope(folder);
}

} // namespace tl
