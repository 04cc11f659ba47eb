#!/usr/bin/env python3
"""Writes schema-v3.tlproj: schema-v2.tlproj's two runs (make_v2_fixture.py) upgraded exactly as Throughline's
schema version 3 upgraded project files (the same statement, verbatim): the way a file written by a schema-3
Throughline looks, whose run points kept EvalScope's rounded summary and percentiles but no extended metrics, error
messages or warmup counts (schema 4's result_json). No request had per-event token deltas.
Kept so the fixture can be regenerated; the committed .tlproj is what the migration test reads."""
import os, sqlite3, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_v2_fixture  # noqa: E402

V3 = [
    "ALTER TABLE requests ADD COLUMN event_tokens BLOB",
]


def main(path):
    make_v2_fixture.main(path)
    db = sqlite3.connect(path)
    for sql in V3:
        db.execute(sql)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "schema-v3.tlproj"))
