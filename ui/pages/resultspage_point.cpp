#include "pages/resultspage.h"
#include "pages/resultspage_p.h"

#include "charts/minmaxdecimator.h"
#include "charts/requesttimelineview.h"
#include "charts/xychartview.h"
#include "models/percentiletablemodel.h"
#include "models/requesttable.h"
#include "storage/projectreader.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QScrollArea>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

QVector<double> sorted(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

// Equal bins from the minimum to the 99.5th percentile (a few outliers would squash the rest into one bin).
QList<QPointF> histogram(const QVector<double>& values)
{
    QList<QPointF> out;
    if (values.isEmpty())
        return out;
    const int bins = qBound(5, int(std::sqrt(double(values.size()))), 40);
    const QVector<double> s = sorted(values);
    const double lo = s.constFirst();
    const double hi = s.at(qMin(s.size() - 1, qsizetype(std::ceil(0.995 * double(s.size() - 1)))));
    const double width = hi > lo ? (hi - lo) / bins : 1.0;
    QVector<int> counts(bins, 0);
    for (double v : s) {
        const int b = int(std::floor((v - lo) / width));
        ++counts[qBound(0, b, bins - 1)];
    }
    for (int b = 0; b < bins; ++b)
        out.append(QPointF(lo + b * width, counts.at(b)));
    return out;
}

double percentileX(const QString& label)
{
    if (label == u"min")
        return 0;
    if (label == u"max")
        return 100;
    QString l = label;
    l.remove(u'%');
    return l.toDouble();
}

} // namespace

QWidget* ResultsPage::buildPointTab()
{
    auto* content = new QWidget(this);
    auto* grid = new QGridLayout(content);
    const auto make = [content](const char* name) {
        auto* chart = new XYChartView(content);
        chart->setObjectName(QString::fromLatin1(name));
        chart->setMinimumHeight(260);
        return chart;
    };
    m_percentileCurves = make("percentileChart");
    m_ttftHistogram = make("ttftHistogram");
    m_itlHistogram = make("itlHistogram");
    m_ttftScatter = make("ttftScatter");
    m_latencyScatter = make("latencyScatter");
    m_timeline = new RequestTimelineView(content);
    m_timeline->setObjectName(QStringLiteral("timelineChart"));
    m_timeline->setMinimumHeight(260);
    grid->addWidget(framed(m_percentileCurves), 0, 0);
    grid->addWidget(framed(m_timeline), 0, 1);
    grid->addWidget(framed(m_ttftHistogram), 1, 0);
    grid->addWidget(framed(m_itlHistogram), 1, 1);
    grid->addWidget(framed(m_ttftScatter), 2, 0);
    grid->addWidget(framed(m_latencyScatter), 2, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pointScroll"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    return scroll;
}

int ResultsPage::currentPoint() const
{
    return m_pointCombo->currentIndex();
}

void ResultsPage::setPoint(int index)
{
    m_pointCombo->setCurrentIndex(index);
}

void ResultsPage::updatePointCharts()
{
    const int pi = m_pointCombo->currentIndex();
    const PointResult* point = pi >= 0 && pi < m_points.size() ? &m_points.at(pi) : nullptr;
    const QString label = point ? resultspage::loadLabel(point->point) : QString();
    m_percentiles->setTable(point ? point->percentiles : PercentileTable{});

    // Percentile curves from the point's table: TTFT, ITL, TPOT and latency, all in ms.
    QList<XYChartView::Series> curves;
    if (point) {
        const PercentileTable& t = point->percentiles;
        int color = 0;
        for (const QString& metric : {QStringLiteral("TTFT (ms)"), QStringLiteral("ITL (ms)"),
                 QStringLiteral("TPOT (ms)"), QStringLiteral("Latency (s)")}) {
            const qsizetype col = t.metrics.indexOf(metric);
            const double scale = metric.endsWith(QStringLiteral("(s)")) ? 1000.0 : 1.0;
            XYChartView::Series s{QString(metric).replace(QStringLiteral("(s)"), QStringLiteral("(ms)")), {},
                XYChartView::Kind::Line, color, color % 2 ? Qt::DashLine : Qt::SolidLine, true};
            ++color;
            if (col < 0 || col >= t.values.size())
                continue;
            for (int r = 0; r < t.labels.size() && r < t.values.at(col).size(); ++r)
                s.points.append(QPointF(percentileX(t.labels.at(r)), t.values.at(col).at(r) * scale));
            curves.append(s);
        }
    }
    m_percentileCurves->setTitle(tr("Percentile curves · %1").arg(label));
    m_percentileCurves->setAxisTitles(tr("Percentile (%)"), tr("Time (ms)"));
    m_percentileCurves->setSeries(curves);

    // The rest needs the point's requests (a stored run), worked through on a pool thread.
    const int generation = ++m_chartGeneration;
    if (m_precomputed && m_precomputed->point == pi) {
        showPointCharts(*m_precomputed);
        return;
    }
    if (!point || !m_requestTable || m_projectPath.isEmpty() || !m_run) {
        showPointCharts(PointCharts{pi, {}, {}, {}, {}, {}});
        return;
    }
    auto* watcher = new QFutureWatcher<PointCharts>(this);
    connect(watcher, &QFutureWatcher<PointCharts>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_chartGeneration)
            showPointCharts(watcher->result());
    });
    const std::shared_ptr<const RequestTable> table = m_requestTable;
    const QString path = m_projectPath;
    const QString runId = m_run->id;
    const int stored = point->index;
    watcher->setFuture(QtConcurrent::run([table, path, runId, stored, pi] {
        ProjectReader reader;
        QString error;
        const QList<RequestRecord> itl
            = reader.open(path, &error) ? readItlRecords(reader, runId, stored) : QList<RequestRecord>();
        return computePointCharts(*table, pi, itl);
    }));
}

QList<RequestRecord> ResultsPage::readItlRecords(const ProjectReader& reader, const QString& runId, int storedPoint)
{
    // ITL samples from the point's first requests only: ~100,000 intervals are plenty for a histogram.
    constexpr int kItlRecords = 5000;
    return reader.requests(runId, storedPoint, kItlRecords);
}

ResultsPage::PointCharts ResultsPage::computePointCharts(
    const RequestTable& table, int index, const QList<RequestRecord>& itlRecords)
{
    PointCharts out;
    out.point = index;
    QVector<double> ttft;
    QVector<double> itl;
    QList<QPointF>& ttftByPrompt = out.ttftByPrompt;
    QList<QPointF>& latencyByOutput = out.latencyByOutput;
    QVector<RequestTimelineView::Bar>& bars = out.bars;
    qint64 firstSent = std::numeric_limits<qint64>::max();
    for (int row = 0; row < table.size(); ++row) {
        if (table.point.at(row) == index && !table.warmup(row))
            firstSent = std::min(firstSent, table.sentNs.at(row));
    }
    for (int row = 0; row < table.size(); ++row) {
        if (table.point.at(row) != index || table.warmup(row))
            continue;
        RequestTimelineView::Bar bar;
        bar.startS = float(double(table.sentNs.at(row) - firstSent) / 1e9);
        const double latency = table.latencyMs.at(row);
        if (table.success(row)) {
            const double t = table.ttftMs.at(row);
            ttft.append(t);
            if (table.promptTokens.at(row) >= 0)
                ttftByPrompt.append(QPointF(double(table.promptTokens.at(row)), t));
            if (table.completionTokens.at(row) >= 0)
                latencyByOutput.append(QPointF(double(table.completionTokens.at(row)), latency));
            bar.firstS = bar.startS + float(t / 1000.0);
            bar.endS = bar.startS + float(latency / 1000.0);
        } else {
            bar.endS = bar.startS + (std::isnan(latency) ? 0.0F : float(latency / 1000.0));
            bar.errorClass = table.errorClass.at(row);
        }
        bars.append(bar);
    }
    for (const RequestRecord& r : itlRecords) {
        if (r.warmup || !r.success)
            continue;
        for (double v : r.itlS())
            itl.append(v * 1000.0);
    }
    std::sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) { return a.startS < b.startS; });
    // Scatters thinned to one point per cell of about 3 px (outliers keep theirs): drawing a point's requests costs
    // the same for 100 or 1,000,000 of them.
    constexpr int kCellColumns = 240;
    constexpr int kCellRows = 120;
    ttftByPrompt = MinMaxDecimator::cells(ttftByPrompt, kCellColumns, kCellRows);
    latencyByOutput = MinMaxDecimator::cells(latencyByOutput, kCellColumns, kCellRows);
    std::sort(ttftByPrompt.begin(), ttftByPrompt.end(), [](auto a, auto b) { return a.x() < b.x(); });
    std::sort(latencyByOutput.begin(), latencyByOutput.end(), [](auto a, auto b) { return a.x() < b.x(); });

    out.ttftHistogram = histogram(ttft);
    out.itlHistogram = histogram(itl);
    return out;
}

void ResultsPage::showPointCharts(const PointCharts& charts)
{
    const int pi = charts.point;
    const QString label = pi >= 0 && pi < m_points.size() ? resultspage::loadLabel(m_points.at(pi).point) : QString();
    const QList<QPointF>& ttftByPrompt = charts.ttftByPrompt;
    const QList<QPointF>& latencyByOutput = charts.latencyByOutput;
    m_ttftHistogram->setTitle(tr("TTFT distribution · %1").arg(label));
    m_ttftHistogram->setAxisTitles(tr("Time to first token (ms)"), tr("Requests"));
    m_ttftHistogram->setSeries(charts.ttftHistogram.isEmpty()
            ? QList<XYChartView::Series>{}
            : QList<XYChartView::Series>{{tr("TTFT"), charts.ttftHistogram, XYChartView::Kind::Step, 1}});
    m_itlHistogram->setTitle(tr("ITL distribution · %1").arg(label));
    m_itlHistogram->setAxisTitles(tr("Inter-token latency (ms)"), tr("Events"));
    m_itlHistogram->setSeries(charts.itlHistogram.isEmpty()
            ? QList<XYChartView::Series>{}
            : QList<XYChartView::Series>{{tr("ITL"), charts.itlHistogram, XYChartView::Kind::Step, 2}});
    m_ttftScatter->setTitle(tr("TTFT against prompt length · %1").arg(label));
    m_ttftScatter->setAxisTitles(tr("Prompt length (tokens)"), tr("TTFT (ms)"));
    m_ttftScatter->setSeries({{tr("requests"), ttftByPrompt, XYChartView::Kind::Scatter, 0}});
    m_latencyScatter->setTitle(tr("Latency against output length · %1").arg(label));
    m_latencyScatter->setAxisTitles(tr("Output length (tokens)"), tr("Latency (ms)"));
    m_latencyScatter->setSeries({{tr("requests"), latencyByOutput, XYChartView::Kind::Scatter, 1}});
    m_timeline->setTitle(tr("Request timeline · %1").arg(label));
    m_timeline->setBars(charts.bars);
    Q_EMIT pointChartsShown(pi);
}

} // namespace tl
