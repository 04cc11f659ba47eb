// Exports of the results page, checked by content: a chart as PNG (size and resolution as asked, not blank) and SVG
// (well-formed XML holding the title, axis titles and tick labels as text), tables as CSV (the rows the table
// shows), the run as an HTML report and an EvalScope output folder. Also writes the README screenshots when
// THROUGHLINE_SCREENSHOT_DIR is set.

#include "charts/chartpalette.h"
#include "charts/requesttimelineview.h"
#include "charts/xychartview.h"
#include "dialogs/chartexportdialog.h"
#include "models/requesttablemodel.h"
#include "models/summarytablemodel.h"
#include "pages/resultspage.h"
#include "resultsfixture.h"
#include "storage/csv.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QXmlStreamReader>

#include <cmath>

using namespace tl;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every text node of an SVG document, and whether it parsed.
QStringList svgTexts(const QByteArray& svg, QString* error, QSizeF* size)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"svg") {
            const auto length = [&xml](const char* name) {
                return xml.attributes().value(QLatin1String(name)).toString().remove(QStringLiteral("mm")).toDouble();
            };
            *size = QSizeF(length("width"), length("height"));
        }
        if (xml.isCharacters() && !xml.isWhitespace())
            texts << xml.text().toString().trimmed();
    }
    if (xml.hasError())
        *error = xml.errorString();
    return texts;
}

} // namespace

class TestResultsExport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void chartToPng_data();
    void chartToPng();
    void chartToSvg_data();
    void chartToSvg();
    void tablesToCsv();
    void requestsToCsvAsFiltered();
    void runToHtml();
    void runToEvalScope();
    void dialogDefaults();
    void paletteIsOkabeIto();
    void screenshots();

private:
    bool waitExport(bool* ok, QString* message);
    template <typename T> T* child(const char* name) const { return m_page->findChild<T*>(QString::fromLatin1(name)); }

    QTemporaryDir m_dir;
    test::StoredRun m_run;
    std::unique_ptr<ResultsPage> m_page;
};

void TestResultsExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(test::storeFaultyRun(m_dir, &m_run));
    m_page = std::make_unique<ResultsPage>();
    m_page->resize(1300, 900);
    m_page->show();
    QSignalSpy loaded(m_page.get(), &ResultsPage::runLoaded);
    m_page->showRun(m_run.path, m_run.runId);
    QVERIFY(loaded.wait(20000));
}

void TestResultsExport::cleanupTestCase()
{
    m_page.reset();
}

bool TestResultsExport::waitExport(bool* ok, QString* message)
{
    QSignalSpy done(m_page.get(), &ResultsPage::exportFinished);
    if (!done.wait(20000))
        return false;
    *ok = done.first().at(0).toBool();
    *message = done.first().at(1).toString();
    return true;
}

void TestResultsExport::chartToPng_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("dpi");
    QTest::newRow("sweep 1x") << "sweepMetricChart" << QSize(800, 500) << 96;
    QTest::newRow("summary sweep 1x (shown)") << "sweepChart" << QSize(700, 400) << 96;
    QTest::newRow("sweep 2x") << "sweepMetricChart" << QSize(800, 500) << 192;
    QTest::newRow("timeline 2x") << "timelineChart" << QSize(640, 400) << 192;
    QTest::newRow("histogram print") << "ttftHistogram" << QSize(600, 400) << 300;
}

void TestResultsExport::chartToPng()
{
    QFETCH(QString, chart);
    QFETCH(QSize, size);
    QFETCH(int, dpi);
    QWidget* widget = m_page->findChild<QWidget*>(chart);
    QVERIFY(widget);
    const QSize before = widget->size();
    const QString path = m_dir.filePath(chart + QString::number(dpi) + QStringLiteral(".png"));
    QVERIFY(m_page->exportChart(widget, path, size, dpi));
    bool ok = false;
    QString message;
    QVERIFY(waitExport(&ok, &message));
    QVERIFY2(ok, qPrintable(message));
    if (widget->isVisible())
        QCOMPARE(widget->size(), before); // put back (a chart never shown is laid out when it is)

    QImage image;
    QVERIFY(image.load(path));
    const double scale = dpi / 96.0;
    QCOMPARE(image.size(), QSize(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale))));
    QCOMPARE(int(std::lround(image.dotsPerMeterX() * 0.0254)), dpi);
    // Drawn, not blank: some dark (text, axes) and some coloured (the series, Okabe–Ito) pixels.
    int dark = 0;
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            dark += c.value() < 80 ? 1 : 0;
            coloured += c.saturation() > 120 && c.value() > 80 ? 1 : 0;
        }
    }
    QVERIFY2(dark > 100, qPrintable(QString::number(dark)));
    QVERIFY2(coloured > 20, qPrintable(QString::number(coloured)));
}

void TestResultsExport::chartToSvg_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QStringList>("texts");
    QTest::newRow("sweep") << "sweepMetricChart"
                           << QStringList{QStringLiteral("Concurrency (parallel requests)"), QStringLiteral("2"),
                                  QStringLiteral("4"), QStringLiteral("TTFT p50 (ms)")};
    QTest::newRow("timeline") << "timelineChart"
                              << QStringList{QStringLiteral("Time since the point's first send (s)"),
                                     QStringLiteral("First token")};
    QTest::newRow("latency scatter") << "latencyScatter"
                                     << QStringList{
                                            QStringLiteral("Output length (tokens)"), QStringLiteral("Latency (ms)")};
}

void TestResultsExport::chartToSvg()
{
    QFETCH(QString, chart);
    QFETCH(QStringList, texts);
    m_page->setSweepMetric(0); // TTFT p50
    QWidget* widget = m_page->findChild<QWidget*>(chart);
    QVERIFY(widget);
    const QString path = m_dir.filePath(chart + QStringLiteral(".svg"));
    QVERIFY(m_page->exportChart(widget, path, QSize(800, 500), 96));
    bool ok = false;
    QString message;
    QVERIFY(waitExport(&ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QString error;
    QSizeF size;
    const QStringList found = svgTexts(readAll(path), &error, &size);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(size.width() > 0 && size.height() > 0);
    QVERIFY2(qAbs(size.width() / size.height() - 800.0 / 500.0) < 0.01, qPrintable(QString::number(size.width())));
    for (const QString& t : texts)
        QVERIFY2(found.contains(t), qPrintable(t + QStringLiteral(" not in ") + found.join(u'|')));
}

void TestResultsExport::tablesToCsv()
{
    for (QAbstractItemModel* model : {static_cast<QAbstractItemModel*>(m_page->model()),
             m_page->findChild<QAbstractItemModel*>(QStringLiteral("failureModel"))}) {
        const QString path = m_dir.filePath(model->objectName() + QStringLiteral(".csv"));
        QVERIFY(m_page->exportTableCsv(model, path));
        bool ok = false;
        QString message;
        QVERIFY(waitExport(&ok, &message));
        QVERIFY2(ok, qPrintable(message));
        QList<QStringList> rows;
        QString error;
        QVERIFY2(Csv::parse(readAll(path), &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), model->rowCount() + 1);
        QCOMPARE(rows.first().size(), model->columnCount());
        for (int c = 0; c < model->columnCount(); ++c)
            QCOMPARE(rows.first().at(c), model->headerData(c, Qt::Horizontal).toString());
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c)
                QCOMPARE(rows.at(r + 1).at(c), model->index(r, c).data().toString());
        }
    }
}

void TestResultsExport::requestsToCsvAsFiltered()
{
    child<QCheckBox>("failedOnly")->setChecked(true);
    RequestTableModel* model = m_page->requestModel();
    QVERIFY(model->rowCount() > 0);
    const QString path = m_dir.filePath(QStringLiteral("requests.csv"));
    QVERIFY(m_page->exportTableCsv(model, path));
    bool ok = false;
    QString message;
    QVERIFY(waitExport(&ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QList<QStringList> rows;
    QString error;
    QVERIFY2(Csv::parse(readAll(path), &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), model->rowCount() + 1);
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < model->columnCount(); ++c)
            QCOMPARE(rows.at(r + 1).at(c), model->index(r, c).data().toString());
    }
    child<QCheckBox>("failedOnly")->setChecked(false);
}

void TestResultsExport::runToHtml()
{
    const QString path = m_dir.filePath(m_page->defaultExportName() + QStringLiteral(".html"));
    QVERIFY(QFileInfo(path).fileName().startsWith(QStringLiteral("faulty_sweep_")));
    QVERIFY(m_page->exportHtml(path));
    bool ok = false;
    QString message;
    QVERIFY(waitExport(&ok, &message));
    QVERIFY2(ok, qPrintable(message));
    const QString html = QString::fromUtf8(readAll(path));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>"), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("faulty sweep")));
    QVERIFY(html.contains(QStringLiteral("throughline-sim")));
    QVERIFY(html.contains(QStringLiteral("<svg")));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
}

void TestResultsExport::runToEvalScope()
{
    const QString folder = m_dir.filePath(QStringLiteral("evalscope"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(m_page->exportEvalScope(folder));
    bool ok = false;
    QString message;
    QVERIFY(waitExport(&ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QStringList summaries;
    QDirIterator it(folder, {QStringLiteral("benchmark_summary.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        summaries << it.next();
    QCOMPARE(summaries.size(), 2);
    int total = 0;
    for (const QString& s : summaries) {
        const QJsonObject o = QJsonDocument::fromJson(readAll(s)).object();
        total += o.value(QStringLiteral("Total Requests")).toInt();
    }
    QCOMPARE(total, 22);
}

void TestResultsExport::dialogDefaults()
{
    ChartExportDialog dialog(m_dir.filePath(QStringLiteral("run_20260101-1200_chart")), QSize(800, 500));
    QCOMPARE(dialog.chartSize(), QSize(800, 500));
    QCOMPARE(dialog.dpi(), 192);
    QVERIFY(dialog.path().endsWith(QStringLiteral("run_20260101-1200_chart.png")));
    QCOMPARE(dialog.format(), ChartExportDialog::Format::Png);
    auto* format = dialog.findChild<QComboBox*>(QStringLiteral("exportFormat"));
    format->setCurrentIndex(1);
    QCOMPARE(dialog.format(), ChartExportDialog::Format::Svg);
    QVERIFY(dialog.path().endsWith(QStringLiteral("run_20260101-1200_chart.svg")));
}

void TestResultsExport::paletteIsOkabeIto()
{
    QCOMPARE(ChartPalette::color(0), QColor(0x00, 0x72, 0xb2));
    QCOMPARE(ChartPalette::color(1), QColor(0xd5, 0x5e, 0x00));
    QCOMPARE(ChartPalette::color(ChartPalette::kColorCount), ChartPalette::color(0));
    for (int c = 1; c < 16; ++c)
        QVERIFY(ChartPalette::errorColor(c) != ChartPalette::success());
}

void TestResultsExport::screenshots()
{
    // Not a check: the README's screenshots of the page with this run, when THROUGHLINE_SCREENSHOT_DIR is set.
    const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set THROUGHLINE_SCREENSHOT_DIR to write the README screenshots");
    QVERIFY(QDir().mkpath(dir));
    m_page->resize(1400, 1000);
    auto* tabs = child<QTabWidget>("resultsTabs");
    const QStringList names{QStringLiteral("results"), QStringLiteral("results-sweep"), QStringLiteral("results-point"),
        QStringLiteral("results-requests")};
    m_page->setSweepMetric(2); // TTFT p99
    for (int i = 0; i < names.size(); ++i) {
        tabs->setCurrentIndex(i);
        if (i == 3) {
            auto* view = child<QTableView>("requestTable");
            view->sortByColumn(RequestTableModel::Latency, Qt::DescendingOrder);
            view->setCurrentIndex(m_page->requestModel()->index(0, 0));
        }
        QCoreApplication::sendPostedEvents();
        QVERIFY(m_page->grab().save(dir + u'/' + names.at(i) + QStringLiteral(".png")));
    }
    ChartExportDialog dialog(
        QDir::home().filePath(m_page->defaultExportName() + QStringLiteral("_sweepMetricChart")), QSize(800, 500));
    dialog.show();
    QCoreApplication::sendPostedEvents();
    QVERIFY(dialog.grab().save(dir + QStringLiteral("/export-dialog.png")));
}

QTEST_MAIN(TestResultsExport)
#include "tst_resultsexport.moc"
