#pragma once

#include "model/pointresult.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace tl {

// Where a metric is written: EvalScope's benchmark_summary.json keys and benchmark_percentile.json columns, and
// Throughline's throughline_metrics.json keys and the columns of its percentile table (ExtendedMetrics).
enum class MetricTable { Summary, Percentiles, Extended, ExtendedPercentiles };

enum class MetricDirection { LowerIsBetter, HigherIsBetter, Neutral };

// The runs a summary metric applies to: EvalScope writes 0.0 for the other family's keys.
enum class MetricFamily { Any, Llm, Embedding };

// How a value is written: a whole number, a number rounded to MetricDef::fileDecimals, the number as given
// (EvalScope writes the rate it was told), or text.
enum class MetricFormat { Integer, Decimal, Raw, Text };

// Every metric Throughline shows or writes, by name in code; MetricCatalogue::get() holds what it is.
enum class MetricId {
    // EvalScope's summary, in its file's key order.
    TestDuration,
    Concurrency,
    RequestRate,
    TotalRequests,
    SuccessRequests,
    FailedRequests,
    StreamRequests,
    NonStreamRequests,
    ReqThroughput,
    AvgLatency,
    AvgInputTokens,
    OutputThroughput,
    TotalThroughput,
    AvgTtft,
    AvgTpot,
    AvgItl,
    AvgOutputTokens,
    InputThroughput,
    KvCacheHitRate,
    AvgDecodedTokPerIter,
    SpecAcceptRate,
    // EvalScope's percentile columns, in its order.
    Ttft,
    Itl,
    Tpot,
    Latency,
    InputTokens,
    OutputTokens,
    OutputRate,
    TotalRate,
    DecodeRate,
    InputRate, // embedding and rerank
    // Throughline's metrics (throughline_metrics.json), in its key order.
    AvgTtftContent,
    AvgTpotExclFirst,
    AvgNtpot,
    AvgItlChunk,
    AvgItlToken,
    AvgLatencyFromSchedule,
    MeanConcurrency,
    PeakConcurrency,
    TargetRate,
    AchievedRate,
    AvgScheduleLag,
    PeakOutputThroughput,
    AvgChunksPerRequest,
    AvgTokensPerChunk,
    TokenDeltas,
    ExactTokenRequests,
    ExtSuccessRequests,
    ExtFailedRequests,
    RetriedRequests,
    ErrorsByClass,
    GoodputSlo,
    Goodput,
    GoodRequests,
    SloTtftAttainment,
    SloTpotAttainment,
    SloE2elAttainment,
    // Throughline's percentile columns, in its order.
    TtftContent,
    TpotExclFirst,
    Ntpot,
    ItlChunk,
    ItlToken,
    ScheduleLag,
    LatencyFromSchedule,
    ChunksPerRequest,
    TokensPerChunk,
};

// One metric, declared once.
struct MetricDef {
    MetricId id;
    MetricTable table;
    const char* key; // the exact key or column name in its file ("Avg TTFT (ms)", "TTFT (ms)")
    const char* name; // how tables and tooltips name it
    const char* unit; // ms, s, req/s, tok/s, tokens, requests, chunks; "" for text
    MetricDirection direction;
    MetricFormat format;
    int fileDecimals; // rounding in its JSON file (Decimal); percentile columns: their table's rounding
    int decimals; // shown with this many decimals
    const char* definition; // one paragraph (docs/METRICS.md)
    // The value in a point: the summary or extended field. nullptr for percentile columns (read them with
    // MetricCatalogue::value() and a label) and for text.
    double (*field)(const PointResult&);
    MetricFamily family = MetricFamily::Any;
    // EvalScope writes the key only when it computed it (KV cache, speculative decoding): NaN leaves it out.
    bool onlyWhenKnown = false;

    QString keyString() const { return QString::fromUtf8(key); }
    QString nameString() const { return QString::fromUtf8(name); }
    QString unitString() const { return QString::fromUtf8(unit); }
    QString definitionString() const { return QString::fromUtf8(definition); }
};

namespace MetricCatalogue {

// Every metric, in the order of the MetricId enum.
const QList<MetricDef>& all();
const MetricDef& get(MetricId id);
// The metric of `table` whose key is `key`; nullptr when there is none.
const MetricDef* find(MetricTable table, QStringView key);
QList<const MetricDef*> inTable(MetricTable table);
// The keys of a percentile table's columns, in its order.
QStringList columns(MetricTable table);
// A scalar metric's value in `r` (NaN for text), or a percentile column's value at `label` ("50%", "99%", "max").
double value(const MetricDef& metric, const PointResult& r, const QString& label = QString());
// The key of the percentile-point column in EvalScope's rows ("min", "1%", …).
inline constexpr const char* kPercentileLabelKey = "Percentiles";
// throughline_metrics.json's key for the point's extended percentile rows.
inline constexpr const char* kExtendedPercentilesKey = "Percentiles";
QString directionName(MetricDirection d); // "lower is better", …
QString tableName(MetricTable t); // the file the metric is written to
// The catalogue as the Markdown tables of docs/METRICS.md's "Metric catalogue" section (a test fails when the file
// differs from it).
QString markdown();

} // namespace MetricCatalogue

} // namespace tl
