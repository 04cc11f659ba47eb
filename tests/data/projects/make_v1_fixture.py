#!/usr/bin/env python3
"""Writes schema-v1.tlproj exactly as Throughline's schema version 1 created project files (same DDL, pragmas and
event encoding), with two runs: one completed two-point sweep and one left 'running' by a crashed writer.
Kept so the fixture can be regenerated; the committed .tlproj is what the migration test reads."""
import json, os, sqlite3, sys

V1 = [
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE runs( id TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
    " status TEXT NOT NULL, tool_version TEXT, config_json TEXT NOT NULL, model TEXT, url TEXT, api TEXT,"
    " monotonic_anchor_ns INTEGER NOT NULL, notes TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE run_points( run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, idx INTEGER NOT NULL,"
    " parallel INTEGER NOT NULL, number INTEGER NOT NULL, rate REAL NOT NULL, status TEXT NOT NULL,"
    " started_ms INTEGER, finished_ms INTEGER, summary_json TEXT, percentile_json TEXT, PRIMARY KEY(run_id, idx))",
    "CREATE TABLE requests( run_id TEXT NOT NULL, point_idx INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " warmup INTEGER NOT NULL, success INTEGER NOT NULL, stream INTEGER NOT NULL,"
    " scheduled_ns INTEGER NOT NULL, sent_ns INTEGER NOT NULL, headers_ns INTEGER, end_ns INTEGER,"
    " first_choices_ns INTEGER, first_content_ns INTEGER, completed_ns INTEGER,"
    " prompt_tokens INTEGER, completion_tokens INTEGER, cached_tokens INTEGER, token_source TEXT,"
    " http_status INTEGER, error_class TEXT, error_message TEXT, bytes INTEGER, event_count INTEGER,"
    " events BLOB, PRIMARY KEY(run_id, point_idx, seq),"
    " FOREIGN KEY(run_id, point_idx) REFERENCES run_points(run_id, idx) ON DELETE CASCADE) WITHOUT ROWID",
]


def encode(base, times, flags):
    out, prev = bytearray(), base
    for t, f in zip(times, flags):
        d, prev = max(t - prev, 0), t
        while True:
            b = d & 0x7F
            d >>= 7
            out.append(b | (0x80 if d else 0))
            if not d:
                break
        out.append(f)
    return bytes(out)


def main(path):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    for sql in V1:
        db.execute(sql)
    db.execute("INSERT INTO meta(key, value) VALUES('created_by', 'Throughline 0.1.0')")
    db.execute("PRAGMA application_id = 1414287434")
    db.execute("PRAGMA user_version = 1")
    url = "http://127.0.0.1:8000/v1/chat/completions"
    cfg = json.dumps({"model": "qwen2.5", "url": url, "api": "openai", "parallel": [1, 2], "number": [3, 2],
                      "stream": True, "max_tokens": 4})
    db.execute("INSERT INTO runs VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
               ("run-a", "qwen2.5", 1700000000000, 1700000005000, "finished", "0.1.0", cfg, "qwen2.5", url, "openai",
                0, "baseline before the driver update"))
    db.execute("INSERT INTO runs VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
               ("run-b", "crashed", 1700000100000, 1700000101000, "running", "0.1.0", cfg, "qwen2.5", url, "openai",
                0, ""))
    summary = json.dumps({"Test Duration (s)": 0.5, "Concurrency": 1, "Success Requests": 2, "Total Requests": 3})
    db.execute("INSERT INTO run_points VALUES(?,?,?,?,?,?,?,?,?,?)",
               ("run-a", 0, 1, 3, -1.0, "completed", 1700000000100, 1700000002000, summary, None))
    db.execute("INSERT INTO run_points VALUES(?,?,?,?,?,?,?,?,?,?)",
               ("run-a", 1, 2, 2, -1.0, "completed", 1700000002100, 1700000004000, summary, None))
    db.execute("INSERT INTO run_points VALUES(?,?,?,?,?,?,?,?,?,?)",
               ("run-b", 0, 1, 10, -1.0, "running", 1700000100100, None, None, None))
    ms = 1_000_000

    def request(run, point, seq, start, ok=True):
        sent = start + 10_000
        times = [sent + 50 * ms + i * 10 * ms for i in range(4)] if ok else []
        flags = [1, 3, 3, 7] if ok else []
        end = times[-1] + ms if ok else sent + 5 * ms
        db.execute("INSERT INTO requests VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (run, point, seq, 0, 1 if ok else 0, 1, start, sent, sent + 20 * ms, end,
                    times[0] if ok else 0, times[1] if ok else 0, times[-1] if ok else end,
                    7, 3 if ok else None, 0 if ok else None, "server_usage" if ok else "unknown",
                    200 if ok else 503, None if ok else "http_status", None if ok else "HTTP 503: busy, try later",
                    900 if ok else 40, len(times), encode(sent, times, flags)))

    for seq in range(3):
        request("run-a", 0, seq, 1_000 * ms + seq * 200 * ms, ok=seq != 2)
    for seq in range(2):
        request("run-a", 1, seq, 3_000 * ms + seq * 10 * ms)
    for seq in range(2):
        request("run-b", 0, seq, 100_000 * ms + seq * 200 * ms)
    db.commit()
    db.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "schema-v1.tlproj"))
