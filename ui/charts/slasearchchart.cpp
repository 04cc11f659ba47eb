#include "charts/slasearchchart.h"

#include "charts/chartaxes.h"
#include "charts/chartpalette.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

QScatterSeries* scatter(const QString& name, const QColor& color, QScatterSeries::MarkerShape shape, qreal size)
{
    auto* s = new QScatterSeries;
    s->setName(name);
    s->setMarkerShape(shape);
    s->setMarkerSize(size);
    s->setColor(color);
    s->setBorderColor(color.darker(130));
    return s;
}

} // namespace

SlaSearchChart::SlaSearchChart(QWidget* parent)
    : QWidget(parent)
    , m_criterionCombo(new QComboBox(this))
    , m_criterionLabel(new QLabel(tr("Criterion:"), this))
    , m_answer(new QLabel(this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
{
    setObjectName(QStringLiteral("slaSearchChart"));
    m_criterionCombo->setObjectName(QStringLiteral("slaCriterionCombo"));
    m_answer->setObjectName(QStringLiteral("slaAnswerLabel"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ChartPalette::style(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto* top = new QHBoxLayout;
    top->addWidget(m_criterionLabel);
    top->addWidget(m_criterionCombo, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_answer);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    connect(m_criterionCombo, &QComboBox::currentIndexChanged, this, &SlaSearchChart::showCriterion);
}

SlaSearchChart::~SlaSearchChart() = default;

bool SlaSearchChart::setRun(const RunConfig& config, const QList<PointResult>& points)
{
    m_tuner = SlaTuner::replay(config, points);
    rebuild();
    return hasProbes();
}

void SlaSearchChart::attachTo(QTabWidget* tabs, int index, const RunData& run)
{
    ConfigErrors errors;
    const RunConfig config = RunConfig::fromJson(run.configJson, &errors);
    setRun(config, run.points);
    const int at = tabs->indexOf(this);
    if (hasProbes() && at < 0)
        tabs->insertTab(index, this, tr("SLA search"));
    else if (!hasProbes() && at >= 0)
        tabs->removeTab(at);
}

QStringList SlaSearchChart::criteria() const
{
    QStringList out;
    for (int i = 0; i < m_criterionCombo->count(); ++i)
        out << m_criterionCombo->itemText(i);
    return out;
}

QString SlaSearchChart::answerText() const
{
    return m_answer->text();
}

void SlaSearchChart::rebuild()
{
    const QSignalBlocker block(m_criterionCombo);
    m_criterionCombo->clear();
    m_criteria.clear();
    m_answer->clear();
    if (!hasProbes()) {
        m_chart->removeAllSeries();
        return;
    }
    const auto& groups = m_tuner->settings().groups;
    QStringList lines;
    const QList<SlaTuner::GroupOutcome> outcomes = m_tuner->outcomes();
    const QString variable = m_tuner->settings().variable;
    for (qsizetype g = 0; g < outcomes.size(); ++g) {
        const SlaTuner::GroupOutcome& o = outcomes.at(g);
        QString answer;
        if (!o.finished)
            answer = tr("not finished");
        else if (!o.value)
            answer = tr("none: failed at the lower bound");
        else if (o.group.isOptimisation())
            answer = tr("best at %1 %2").arg(variable).arg(*o.value);
        else
            answer = tr("largest passing %1: %2").arg(variable).arg(*o.value);
        if (o.finished && o.value)
            answer += u' '
                + (o.sure ? tr("(sure: the deciding probes' intervals clear the threshold)")
                          : tr("(unsure: decided on means where intervals straddle the threshold)"));
        lines << QStringLiteral("<b>%1</b> — %2").arg(o.group.toText().toHtmlEscaped(), answer.toHtmlEscaped());
        for (qsizetype c = 0; c < groups.at(g).criteria.size(); ++c) {
            m_criteria.append({int(g), int(c)});
            const QString text = groups.at(g).criteria.at(c).toText();
            m_criterionCombo->addItem(groups.size() > 1 ? tr("Group %1: %2").arg(g + 1).arg(text) : text);
        }
    }
    lines << tr("%n point(s) run, %1 per value, %2% intervals (Student t).", nullptr, m_tuner->pointsRun())
                 .arg(m_tuner->settings().numRuns)
                 .arg(m_tuner->settings().confidence * 100.0, 0, 'g', 4);
    m_answer->setText(lines.join(QStringLiteral("<br>")));
    m_criterionCombo->setVisible(m_criteria.size() > 1);
    m_criterionLabel->setVisible(m_criteria.size() > 1);
    showCriterion(0);
}

void SlaSearchChart::showCriterion(int index)
{
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    if (!hasProbes() || index < 0 || index >= m_criteria.size())
        return;
    const auto [group, criterionIndex] = m_criteria.at(index);
    const SlaCriterion criterion = m_tuner->settings().groups.at(group).criteria.at(criterionIndex);
    const QString variable = m_tuner->settings().variable;
    // The title is rich text: "<=" must be escaped or it swallows the rest.
    m_chart->setTitle(tr("SLA search: %1 by %2").arg(criterion.toText(), variable).toHtmlEscaped());

    auto* runs = scatter(tr("Runs"), ChartPalette::color(5), QScatterSeries::MarkerShapeCircle, 6);
    auto* pass = scatter(tr("Pass (mean)"), ChartPalette::color(2), QScatterSeries::MarkerShapeCircle, 12);
    auto* fail = scatter(tr("Fail (mean)"), ChartPalette::color(1), QScatterSeries::MarkerShapeRectangle, 12);
    auto* unsure = scatter(tr("Judged on the mean"), ChartPalette::color(3), QScatterSeries::MarkerShapeTriangle, 13);
    QList<QLineSeries*> intervals;
    double maxX = 0;
    double maxY = 0;
    double minX = std::numeric_limits<double>::infinity();
    QList<int> values;
    for (const SlaTuner::ValueOutcome& v : m_tuner->values()) {
        const SlaTuner::GroupVerdict& g = v.groups.at(group);
        const SlaTuner::CriterionStat& c = g.criteria.at(criterionIndex);
        const double x = v.value;
        values << v.value;
        minX = std::min(minX, x);
        maxX = std::max(maxX, x);
        for (double y : m_tuner->samples(v.value, criterion.metric)) {
            if (std::isfinite(y)) {
                runs->append(x, criterion.displayValue(y));
                maxY = std::max(maxY, criterion.displayValue(y));
            }
        }
        const double mean = criterion.displayValue(c.stats.mean);
        if (!std::isfinite(mean))
            continue;
        QScatterSeries* marker = g.verdict == SlaTuner::Verdict::Pass ? pass : fail;
        if (g.verdict != SlaTuner::Verdict::Pending && !g.sure)
            marker = unsure;
        if (g.verdict != SlaTuner::Verdict::Pending)
            marker->append(x, mean);
        if (std::isfinite(c.stats.ciLow)) {
            auto* line = new QLineSeries;
            line->setPen(QPen(ChartPalette::color(7), 1.5));
            line->append(x, std::max(0.0, criterion.displayValue(c.stats.ciLow)));
            line->append(x, criterion.displayValue(c.stats.ciHigh));
            maxY = std::max(maxY, criterion.displayValue(c.stats.ciHigh));
            intervals << line;
        }
    }
    QLineSeries* threshold = nullptr;
    if (!criterion.isOptimisation()) {
        threshold = new QLineSeries;
        threshold->setName(
            tr("Threshold %1 %2").arg(criterion.displayValue(criterion.threshold)).arg(criterion.displayUnit()));
        threshold->setPen(QPen(ChartPalette::color(7), 2, Qt::DashLine));
        const double pad = maxX > minX ? (maxX - minX) * 0.06 : 0.5;
        threshold->append(minX - pad, criterion.displayValue(criterion.threshold));
        threshold->append(maxX + pad, criterion.displayValue(criterion.threshold));
        maxY = std::max(maxY, criterion.displayValue(criterion.threshold));
    }

    auto* xAxis = new QCategoryAxis;
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    std::sort(values.begin(), values.end());
    for (int v : values)
        xAxis->append(QString::number(v), v);
    const double pad = maxX > minX ? (maxX - minX) * 0.06 : 0.5;
    xAxis->setRange(minX - pad, maxX + pad);
    xAxis->setStartValue(minX - pad);
    xAxis->setTitleText(variable);
    auto* yAxis = new QValueAxis;
    ChartAxes::setNiceRange(yAxis, maxY * 1.1, 1e-9);
    yAxis->setTitleText(QStringLiteral("%1 (%2)").arg(criterion.metric, criterion.displayUnit()));
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(xAxis), static_cast<QAbstractAxis*>(yAxis)})
        ChartPalette::styleAxis(axis);
    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);
    QList<QXYSeries*> all;
    for (QLineSeries* line : intervals)
        all << line;
    if (threshold)
        all << threshold;
    all << runs << pass << fail << unsure;
    for (QXYSeries* s : all) {
        m_chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    }
    for (QLineSeries* line : intervals) {
        for (QLegendMarker* m : m_chart->legend()->markers(line))
            m->setVisible(false);
    }
    for (QScatterSeries* s : {pass, fail, unsure}) {
        if (s->count() == 0) {
            for (QLegendMarker* m : m_chart->legend()->markers(s))
                m->setVisible(false);
        }
    }
}

} // namespace tl
