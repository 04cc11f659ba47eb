#include "pages/resultspage.h"
#include "pages/resultspage_p.h"

#include "charts/sweepcurvechart.h"
#include "charts/xychartview.h"
#include "metrics/metriccatalogue.h"
#include "metrics/saturation.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

bool openLoop(const QList<PointResult>& points)
{
    return std::any_of(points.cbegin(), points.cend(), [](const PointResult& p) { return p.point.rate > 0; });
}

double loadValue(const RunPoint& p, bool rate)
{
    return rate ? p.rate : double(p.parallel);
}

// The sweep's x positions: log2 of the load when every load is positive (1, 4, 16 evenly spaced), else the index.
QList<double> loadPositions(const QList<PointResult>& points)
{
    const bool rate = openLoop(points);
    QList<double> xs;
    bool positive = true;
    for (const PointResult& p : points)
        positive = positive && loadValue(p.point, rate) > 0;
    for (int i = 0; i < points.size(); ++i)
        xs.append(positive ? std::log2(loadValue(points.at(i).point, rate)) : double(i));
    return xs;
}

QString numberText(double v)
{
    return QLocale().toString(v, 'g', 6);
}

// What the star on the sweep charts says: which point, what was seen, and the rule that found it.
QString saturationToolTip(const SaturationPoint& s, const QList<PointResult>& points)
{
    const QString load
        = s.index >= 0 && s.index < points.size() ? resultspage::loadLabel(points.at(s.index).point) : QString();
    const QString rule = s.rule == u"rate-missed"
        ? ResultsPage::tr("Rule: the last point before the first one whose achieved request rate falls more than %1% "
                          "below its target rate.")
              .arg(Saturation::kRateMissPct)
        : ResultsPage::tr("Rule: the last point before the first step where request throughput grows by less than "
                          "%1% while the p50 latency grows by more than %2%.")
              .arg(Saturation::kFlatThroughputPct)
              .arg(Saturation::kLatencyJumpPct);
    return ResultsPage::tr("Saturation point: %1\n%2\n%3").arg(load, s.reason, rule);
}

} // namespace

QWidget* ResultsPage::buildSweepTab()
{
    auto* tab = new QWidget(this);
    m_metricCombo = new QComboBox(tab);
    m_metricCombo->setObjectName(QStringLiteral("sweepMetric"));
    for (const SweepMetric& m : std::as_const(m_metrics))
        m_metricCombo->addItem(m.unit.isEmpty() ? m.name : QStringLiteral("%1 (%2)").arg(m.name, m.unit));
    m_metricCombo->setMaxVisibleItems(20);
    m_sweepMetric = new XYChartView(tab);
    m_sweepMetric->setObjectName(QStringLiteral("sweepMetricChart"));
    m_curve = new SweepCurveChart(tab);
    m_curve->setObjectName(QStringLiteral("throughputLatencyChart"));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Metric:"), tab));
    row->addWidget(m_metricCombo);
    row->addStretch(1);
    auto* charts = new QSplitter(Qt::Horizontal, tab);
    charts->addWidget(framed(m_sweepMetric));
    charts->addWidget(framed(m_curve));
    charts->setChildrenCollapsible(false);
    charts->setSizes({600, 600});
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(row);
    layout->addWidget(charts, 1);
    connect(m_metricCombo, &QComboBox::currentIndexChanged, this, &ResultsPage::updateSweepCharts);
    return tab;
}

QList<ResultsPage::SweepMetric> ResultsPage::sweepMetrics()
{
    QList<SweepMetric> out;
    // Percentile columns first (what a sweep is read for), at p50, p90 and p99; latency in ms like the others.
    for (const MetricDef* def : MetricCatalogue::inTable(MetricTable::Percentiles)) {
        const bool seconds = def->unitString() == u"s";
        for (const char* label : {"50%", "90%", "99%"}) {
            const QString l = QString::fromLatin1(label);
            const MetricDef& d = *def;
            out.append(SweepMetric{QStringLiteral("%1 p%2").arg(def->nameString(), QString(l).remove(u'%')),
                seconds ? QStringLiteral("ms") : def->unitString(), [&d, l, seconds](const PointResult& r) {
                    const double v = MetricCatalogue::value(d, r, l);
                    return seconds ? v * 1000.0 : v;
                }});
        }
    }
    for (MetricTable table : {MetricTable::Summary, MetricTable::Extended}) {
        for (const MetricDef* def : MetricCatalogue::inTable(table)) {
            if (!def->field || def->format == MetricFormat::Text)
                continue;
            const MetricDef& d = *def;
            out.append(SweepMetric{def->nameString(), def->unitString(),
                [&d](const PointResult& r) { return MetricCatalogue::value(d, r); }});
        }
    }
    out.append(SweepMetric{tr("Success rate"), QStringLiteral("%"), [](const PointResult& r) {
                               return r.summary.totalRequests > 0
                                   ? 100.0 * r.summary.successRequests / r.summary.totalRequests
                                   : std::numeric_limits<double>::quiet_NaN();
                           }});
    return out;
}

void ResultsPage::setSweepMetric(int index)
{
    m_metricCombo->setCurrentIndex(index);
}

void ResultsPage::updateSweepCharts()
{
    const int mi = m_metricCombo->currentIndex();
    const QList<double> xs = loadPositions(m_points);
    const bool rate = openLoop(m_points);
    QList<QPair<double, QString>> ticks;
    for (int i = 0; i < m_points.size(); ++i)
        ticks.append({xs.at(i), numberText(loadValue(m_points.at(i).point, rate))});
    const QString xTitle = rate ? tr("Request rate (req/s)") : tr("Concurrency (parallel requests)");
    // The knee (docs/METRICS.md "Saturation point"), starred on both charts with the rule as the tooltip.
    const SaturationPoint saturation = findSaturation(m_points);
    const QString saturationTip = saturation.found ? saturationToolTip(saturation, m_points) : QString();
    if (mi >= 0 && mi < m_metrics.size()) {
        const SweepMetric& metric = m_metrics.at(mi);
        QList<QPointF> values;
        for (int i = 0; i < m_points.size(); ++i)
            values.append(QPointF(xs.at(i), metric.value(m_points.at(i))));
        m_sweepMetric->setTitle(tr("%1 against the load").arg(metric.name));
        m_sweepMetric->setXTicks(ticks);
        m_sweepMetric->setAxisTitles(
            xTitle, metric.unit.isEmpty() ? metric.name : QStringLiteral("%1 (%2)").arg(metric.name, metric.unit));
        QList<XYChartView::Series> series{
            XYChartView::Series{metric.name, values, XYChartView::Kind::Line, 0, Qt::SolidLine, true}};
        if (saturation.found && saturation.index < values.size())
            series.append(XYChartView::Series{tr("saturation point"), {values.at(saturation.index)},
                XYChartView::Kind::Scatter, 2, Qt::SolidLine, false, true, saturationTip});
        m_sweepMetric->setSeries(series);
    }
    QList<SweepCurveChart::Point> curve;
    for (const PointResult& p : m_points) {
        curve.append(SweepCurveChart::Point{resultspage::loadLabel(p.point), p.summary.outputThroughput,
            p.percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("50%")),
            p.percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("99%"))});
    }
    m_curve->setPoints(curve, std::nullopt);
    m_curve->setSaturation(saturation.found ? saturation.index : -1, saturationTip);
}

} // namespace tl
