#!/usr/bin/env python3
"""Writes schema-v6.tlproj: schema-v5.tlproj's two runs (make_v5_fixture.py) upgraded exactly as Throughline's
schema version 6 upgraded project files (the same statement, verbatim), with one preset of the setup form: the way
a file written by a schema-6 Throughline looks before schema 7 (each request's trace request_id and stored body).
Its requests have neither (NULL request_id and request_body), as an upgraded file's.
Kept so the fixture can be regenerated; the committed .tlproj is what the migration test reads."""
import os, sqlite3, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_v5_fixture  # noqa: E402

V6 = [
    "CREATE TABLE presets(name TEXT PRIMARY KEY, config_json TEXT NOT NULL, updated_ms INTEGER NOT NULL)",
]


def main(path):
    make_v5_fixture.main(path)
    db = sqlite3.connect(path)
    for sql in V6:
        db.execute(sql)
    db.execute("INSERT INTO presets VALUES('v6 preset', '{\"parallel\":[2]}', 1700000000000)")
    db.execute("PRAGMA user_version = 6")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "schema-v6.tlproj"))
