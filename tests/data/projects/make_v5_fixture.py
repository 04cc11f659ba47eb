#!/usr/bin/env python3
"""Writes schema-v5.tlproj: schema-v4.tlproj's two runs (make_v4_fixture.py) upgraded exactly as Throughline's
schema version 5 upgraded project files (the same statements, verbatim): the way a file written by a schema-5
Throughline looks before the setup form's presets (schema 6's presets table). Its requests have no conversation
(NULL conversation_id and turn_index), as an upgraded file's.
Kept so the fixture can be regenerated; the committed .tlproj is what the migration test reads."""
import os, sqlite3, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_v4_fixture  # noqa: E402

V5 = [
    "ALTER TABLE requests ADD COLUMN conversation_id INTEGER",
    "ALTER TABLE requests ADD COLUMN turn_index INTEGER",
]


def main(path):
    make_v4_fixture.main(path)
    db = sqlite3.connect(path)
    for sql in V5:
        db.execute(sql)
    db.execute("PRAGMA user_version = 5")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "schema-v5.tlproj"))
