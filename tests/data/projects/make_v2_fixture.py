#!/usr/bin/env python3
"""Writes schema-v2.tlproj: schema-v1.tlproj's two runs (make_v1_fixture.py) upgraded exactly as Throughline's
schema version 2 upgraded project files (the same statements, verbatim), plus the v2-only columns of one request
(response_id, retries), the way a file written by a schema-2 Throughline looks: no per-event token deltas.
Kept so the fixture can be regenerated; the committed .tlproj is what the migration test reads."""
import os, sqlite3, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_v1_fixture  # noqa: E402

V2 = [
    "CREATE TABLE endpoints("
    " id INTEGER PRIMARY KEY, url TEXT NOT NULL, api TEXT NOT NULL DEFAULT '', model TEXT NOT NULL DEFAULT '',"
    " name TEXT NOT NULL DEFAULT '', first_used_ms INTEGER, UNIQUE(url, api, model))",
    "ALTER TABLE runs ADD COLUMN endpoint_id INTEGER REFERENCES endpoints(id) ON DELETE SET NULL",
    "ALTER TABLE runs ADD COLUMN fingerprint_json TEXT",
    "ALTER TABLE runs ADD COLUMN source TEXT NOT NULL DEFAULT 'throughline'",
    "ALTER TABLE runs ADD COLUMN source_path TEXT",
    "ALTER TABLE runs ADD COLUMN import_notes TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE runs ADD COLUMN writer_pid INTEGER",
    "ALTER TABLE runs ADD COLUMN writer_host TEXT",
    "ALTER TABLE requests ADD COLUMN response_id TEXT",
    "ALTER TABLE requests ADD COLUMN retries INTEGER NOT NULL DEFAULT 0",
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
]


def main(path):
    make_v1_fixture.main(path)
    db = sqlite3.connect(path)
    for sql in V2:
        db.execute(sql)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('upgraded_from_1', 'Throughline 0.2.0')")
    db.execute("UPDATE requests SET response_id = 'chatcmpl-v2fixture', retries = 1"
               " WHERE run_id = 'run-a' AND point_idx = 0 AND seq = 0")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "schema-v2.tlproj"))
