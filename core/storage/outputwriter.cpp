#include "storage/outputwriter.h"

#include "metrics/extendedmetrics.h"
#include "metrics/summary.h"
#include "util/tr.h"

#include <QDir>
#include <QSaveFile>

namespace tl {

bool OutputWriter::writeFile(const QString& path, const QByteArray& data, QString* error)
{
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit())
        return true;
    if (error)
        *error = Tr::tr("cannot write '%1': %2").arg(path, f.errorString());
    return false;
}

OutputWriter::OutputWriter(RunConfig config, const QDateTime& startedAt)
    : m_config(std::move(config))
{
    QString root = m_config.outputsDir;
    if (!m_config.noTimestamp)
        root += u'/' + startedAt.toString(QStringLiteral("yyyyMMdd_HHmmss"));
    m_root = QDir::cleanPath(root + u'/' + m_config.effectiveName());
    m_sweep = m_config.runPoints();
}

QString OutputWriter::pointDir(const QList<RunPoint>& sweep, int index) const
{
    return m_root + u'/' + sweepPointDirName(sweep, index);
}

bool OutputWriter::writePoint(const PointResult& result, QString* error) const
{
    // A result whose index is not a point of this config's sweep still gets its own name.
    const QString dir = result.index >= 0 && result.index < m_sweep.size() && m_sweep.at(result.index) == result.point
        ? pointDir(m_sweep, result.index)
        : m_root + u'/' + result.point.name();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = Tr::tr("cannot create the output folder '%1'; check --outputs-dir").arg(dir);
        return false;
    }
    RunConfig pointConfig = m_config;
    pointConfig.parallel = {result.point.parallel};
    pointConfig.number = {result.point.number};
    if (!writeFile(dir + QStringLiteral("/benchmark_args.json"), pointConfig.toJson(false), error))
        return false;
    if (!writeFile(dir + QStringLiteral("/benchmark_summary.json"), summaryToJson(result.summary), error))
        return false;
    if (result.summary.successRequests > 0
        && !writeFile(dir + QStringLiteral("/benchmark_percentile.json"), percentilesToJson(result.percentiles), error))
        return false;
    // Throughline's own metrics, in a file of their own so EvalScope's stay byte-compatible.
    return writeFile(dir + QStringLiteral("/throughline_metrics.json"), extendedMetricsToJson(result.extended), error);
}

} // namespace tl
