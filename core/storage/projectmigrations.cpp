#include "storage/projectmigrations.h"

#include "util/tr.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <span>

namespace tl::ProjectMigrations {

namespace {

// Version 1: the first released schema (kept byte for byte: the v1 fixture was written by it).
constexpr std::array kToV1 = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE runs("
    " id TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
    " status TEXT NOT NULL, tool_version TEXT, config_json TEXT NOT NULL, model TEXT, url TEXT, api TEXT,"
    " monotonic_anchor_ns INTEGER NOT NULL, notes TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE run_points("
    " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, idx INTEGER NOT NULL,"
    " parallel INTEGER NOT NULL, number INTEGER NOT NULL, rate REAL NOT NULL, status TEXT NOT NULL,"
    " started_ms INTEGER, finished_ms INTEGER, summary_json TEXT, percentile_json TEXT,"
    " PRIMARY KEY(run_id, idx))",
    // Times are nanoseconds relative to runs.monotonic_anchor_ns; 0 = did not happen.
    "CREATE TABLE requests("
    " run_id TEXT NOT NULL, point_idx INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " warmup INTEGER NOT NULL, success INTEGER NOT NULL, stream INTEGER NOT NULL,"
    " scheduled_ns INTEGER NOT NULL, sent_ns INTEGER NOT NULL, headers_ns INTEGER, end_ns INTEGER,"
    " first_choices_ns INTEGER, first_content_ns INTEGER, completed_ns INTEGER,"
    " prompt_tokens INTEGER, completion_tokens INTEGER, cached_tokens INTEGER, token_source TEXT,"
    " http_status INTEGER, error_class TEXT, error_message TEXT, bytes INTEGER, event_count INTEGER,"
    " events BLOB,"
    " PRIMARY KEY(run_id, point_idx, seq),"
    " FOREIGN KEY(run_id, point_idx) REFERENCES run_points(run_id, idx) ON DELETE CASCADE) WITHOUT ROWID",
};

// Version 2: endpoints, fingerprints, provenance of imported runs, tags, cached request counts, indexes.
constexpr std::array kToV2 = {
    // The targets a project has benchmarked; runs point at them.
    "CREATE TABLE endpoints("
    " id INTEGER PRIMARY KEY, url TEXT NOT NULL, api TEXT NOT NULL DEFAULT '', model TEXT NOT NULL DEFAULT '',"
    " name TEXT NOT NULL DEFAULT '', first_used_ms INTEGER, UNIQUE(url, api, model))",
    "ALTER TABLE runs ADD COLUMN endpoint_id INTEGER REFERENCES endpoints(id) ON DELETE SET NULL",
    // What the server said about itself when the run started: /v1/models answer and response headers (JSON).
    "ALTER TABLE runs ADD COLUMN fingerprint_json TEXT",
    // throughline | evalscope | vllm | throughline-json (an imported export).
    "ALTER TABLE runs ADD COLUMN source TEXT NOT NULL DEFAULT 'throughline'",
    "ALTER TABLE runs ADD COLUMN source_path TEXT",
    // One line per thing the imported source lacked ("no per-chunk times", ...).
    "ALTER TABLE runs ADD COLUMN import_notes TEXT NOT NULL DEFAULT ''",
    // The process writing a running run, so a reader on the same host can tell a crashed run at once.
    "ALTER TABLE runs ADD COLUMN writer_pid INTEGER",
    "ALTER TABLE runs ADD COLUMN writer_host TEXT",
    // The server's id of each answer (to match its logs) and resends after a connection closed unused.
    "ALTER TABLE requests ADD COLUMN response_id TEXT",
    "ALTER TABLE requests ADD COLUMN retries INTEGER NOT NULL DEFAULT 0",
    // Counted by the writer, so listing a project with millions of requests never scans them.
    "ALTER TABLE run_points ADD COLUMN request_count INTEGER NOT NULL DEFAULT 0",
    "UPDATE run_points SET request_count = (SELECT count(*) FROM requests r"
    " WHERE r.run_id = run_points.run_id AND r.point_idx = run_points.idx)",
    "CREATE TABLE run_tags(run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, tag TEXT NOT NULL,"
    " PRIMARY KEY(run_id, tag)) WITHOUT ROWID",
    "CREATE INDEX run_tags_by_tag ON run_tags(tag, run_id)",
    "CREATE INDEX runs_by_created ON runs(created_ms)",
    "CREATE INDEX runs_by_endpoint ON runs(endpoint_id)",
    "INSERT OR IGNORE INTO endpoints(url, api, model, first_used_ms)"
    " SELECT coalesce(url, ''), coalesce(api, ''), coalesce(model, ''), min(created_ms) FROM runs"
    " GROUP BY coalesce(url, ''), coalesce(api, ''), coalesce(model, '')",
    "UPDATE runs SET endpoint_id = (SELECT e.id FROM endpoints e WHERE e.url = coalesce(runs.url, '')"
    " AND e.api = coalesce(runs.api, '') AND e.model = coalesce(runs.model, ''))",
};

// Version 3: per-event token deltas from the server's per-chunk usage (ProjectSchema::encodeEventTokens); NULL when
// no event's delta is known, which every request of an earlier file reads as.
constexpr std::array kToV3 = {
    "ALTER TABLE requests ADD COLUMN event_tokens BLOB",
};

// Version 4: a point's whole result (storage/pointresultjson.h): the summary and percentiles unrounded, the extended
// metrics with the errors by class and their messages, the stopped flag and the warmup count, so that a stored run
// reads back as the live run showed it. NULL in points of an earlier file: the reader then recomputes the extended
// metrics from the stored requests.
constexpr std::array kToV4 = {
    "ALTER TABLE run_points ADD COLUMN result_json TEXT",
};

// Version 5: multi-turn conversations: the conversation a request is a turn of and the turn's index (NULL for the
// single-turn requests of every earlier file).
constexpr std::array kToV5 = {
    "ALTER TABLE requests ADD COLUMN conversation_id INTEGER",
    "ALTER TABLE requests ADD COLUMN turn_index INTEGER",
};

// Version 6: named setups of the workbench's form ("presets"), kept with the project: the RunConfig as
// benchmark_args.json without secrets.
constexpr std::array kToV6 = {
    "CREATE TABLE presets(name TEXT PRIMARY KEY, config_json TEXT NOT NULL, updated_ms INTEGER NOT NULL)",
};

// Version 7: what a request carried besides its timings: the trace record's own `request_id` (workload_trace) and,
// with --store-bodies, the body as sent (qCompress'd JSON; ProjectSchema::encodeBody). NULL in every earlier file.
constexpr std::array kToV7 = {
    "ALTER TABLE requests ADD COLUMN request_id TEXT",
    "ALTER TABLE requests ADD COLUMN request_body BLOB",
};

struct Step {
    int version;
    std::span<const char* const> statements;
    const char* description;
};

const std::array kSteps = {
    Step{1, kToV1, "runs, run points and requests"},
    Step{2, kToV2, "endpoints, endpoint fingerprints, import provenance, tags, request counts, indexes"},
    Step{3, kToV3, "per-event token deltas (continuous usage stats)"},
    Step{4, kToV4, "whole point results: extended metrics, error classes and messages, warmup count"},
    Step{5, kToV5, "multi-turn conversations: conversation id and turn index of each request"},
    Step{6, kToV6, "named presets of the setup form"},
    Step{7, kToV7, "the trace's request id of each request and, with --store-bodies, the request body as sent"},
};

static_assert(kSteps.size() == kLatestVersion, "one step per schema version");

} // namespace

bool migrate(QSqlDatabase& db, int fromVersion, QString* error)
{
    for (const Step& step : kSteps) {
        if (step.version <= fromVersion)
            continue;
        for (const char* sql : step.statements) {
            QSqlQuery q(db);
            if (!q.exec(QString::fromLatin1(sql))) {
                if (error) {
                    *error = Tr::tr("upgrading to schema %1 failed at '%2': %3")
                                 .arg(step.version)
                                 .arg(QString::fromLatin1(sql).left(60), q.lastError().text());
                }
                return false;
            }
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version))) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA application_id = 1414287434")); // "TLPJ"
    return true;
}

QString describe(int version)
{
    for (const Step& step : kSteps) {
        if (step.version == version)
            return QString::fromLatin1(step.description);
    }
    return {};
}

} // namespace tl::ProjectMigrations
