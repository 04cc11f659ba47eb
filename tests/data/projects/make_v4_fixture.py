#!/usr/bin/env python3
"""Writes schema-v4.tlproj: schema-v3.tlproj's two runs (make_v3_fixture.py) upgraded exactly as Throughline's
schema version 4 upgraded project files (the same statement, verbatim): the way a file written by a schema-4
Throughline looks before multi-turn conversations (schema 5's conversation_id and turn_index) and the setup form's
presets (schema 6's presets table). Its points have no
result_json, as an upgraded file's.
Kept so the fixture can be regenerated; the committed .tlproj is what the migration test reads."""
import os, sqlite3, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_v3_fixture  # noqa: E402

V4 = [
    "ALTER TABLE run_points ADD COLUMN result_json TEXT",
]


def main(path):
    make_v3_fixture.main(path)
    db = sqlite3.connect(path)
    for sql in V4:
        db.execute(sql)
    db.execute("PRAGMA user_version = 4")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "schema-v4.tlproj"))
