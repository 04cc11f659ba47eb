#include "models/requesttable.h"

#include <limits>

namespace tl {

void RequestTable::reserve(qsizetype n)
{
    for (auto* v : {&point, &record, &seq, &promptTokens, &completionTokens})
        v->reserve(n);
    flags.reserve(n);
    errorClass.reserve(n);
    httpStatus.reserve(n);
    sentNs.reserve(n);
    for (auto* v : {&ttftMs, &latencyMs, &tpotMs})
        v->reserve(n);
}

void RequestTable::append(int pointIndex, int recordIndex, const RequestRecord& r)
{
    constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
    point.append(pointIndex);
    record.append(recordIndex);
    seq.append(r.seq);
    flags.append(quint8((r.success ? Success : 0) | (r.warmup ? Warmup : 0) | (r.stream ? Stream : 0)));
    errorClass.append(quint8(r.errorClass));
    httpStatus.append(qint16(qBound(-1, r.httpStatus, 32767)));
    sentNs.append(r.sentNs);
    if (r.success) {
        ttftMs.append(float(r.ttftS() * 1000.0));
        latencyMs.append(float(r.latencyS() * 1000.0));
        tpotMs.append(r.completionTokens > 1 ? float(r.tpotS() * 1000.0) : kNaN);
    } else {
        ttftMs.append(kNaN);
        latencyMs.append(r.endNs > r.sentNs ? float(double(r.endNs - r.sentNs) / 1e6) : kNaN);
        tpotMs.append(kNaN);
    }
    promptTokens.append(qint32(qBound<qint64>(-1, r.promptTokens, qint64(std::numeric_limits<qint32>::max()))));
    completionTokens.append(qint32(qBound<qint64>(-1, r.completionTokens, qint64(std::numeric_limits<qint32>::max()))));
    if (!r.success && !r.errorMessage.isEmpty())
        errors.insert(qint32(point.size() - 1), r.errorMessage.left(2000));
}

void RequestTable::finish()
{
    inPointOrder = true;
    for (int i = 1; i < size() && inPointOrder; ++i) {
        inPointOrder = point.at(i - 1) < point.at(i) || (point.at(i - 1) == point.at(i) && seq.at(i - 1) <= seq.at(i));
    }
}

std::shared_ptr<const RequestTable> RequestTable::fromRun(const RunData& run)
{
    auto table = std::make_shared<RequestTable>();
    qsizetype n = 0;
    for (const PointResult& p : run.points)
        n += p.records.size();
    table->reserve(n);
    for (int pi = 0; pi < run.points.size(); ++pi) {
        const QList<RequestRecord>& records = run.points.at(pi).records;
        for (int ri = 0; ri < records.size(); ++ri)
            table->append(pi, ri, records.at(ri));
    }
    table->finish();
    return table;
}

} // namespace tl
