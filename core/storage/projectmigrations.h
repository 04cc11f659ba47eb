#pragma once

#include <QString>

class QSqlDatabase;

// The schema history of *.tlproj files. Every version is a list of SQL steps applied on top of the previous one,
// so a fresh file and a file upgraded from any earlier version end up with the same tables (a test opens a
// fixture of every earlier version). Never edit a released step: add a new version instead.
namespace tl::ProjectMigrations {

// The version this build writes (PRAGMA user_version).
constexpr int kLatestVersion = 7;

// Applies every step after `fromVersion` (0 = empty file) up to kLatestVersion and sets user_version and
// application_id. Runs inside the caller's transaction; on failure returns false with the failing step named.
bool migrate(QSqlDatabase& db, int fromVersion, QString* error);

// What the step to `version` changes, in one line (for messages and docs).
QString describe(int version);

} // namespace tl::ProjectMigrations
