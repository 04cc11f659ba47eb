#pragma once

#include "engine/runsnapshot.h"
#include "storage/projectreader.h"
#include "storage/rundata.h"

#include <QList>
#include <QString>

#include <memory>

namespace tl {

class ProjectStore;

// The project file the window has open: the store that GUI runs write into and a reader (its own connection)
// for browsing what the GUI and the CLI stored. A file that cannot be written is still opened for browsing.
class ProjectSession final {
public:
    ProjectSession();
    ~ProjectSession();
    ProjectSession(const ProjectSession&) = delete;
    ProjectSession& operator=(const ProjectSession&) = delete;

    // Opens or creates `path`, closing the previous project first. False with a message when it cannot be read.
    bool open(const QString& path, QString* error);
    void close();

    bool isOpen() const { return m_reader != nullptr; }
    bool isWritable() const { return m_store != nullptr; }
    QString path() const { return m_path; }
    QString writeError() const { return m_writeError; } // why a readable project is not writable
    ProjectStore* store() const { return m_store.get(); }

    QList<RunData> runs() const;
    // Failed requests of a run's points, warmup excluded, as their summaries count them.
    qint64 failedRequests(const QString& runId) const;
    // The stored points of a run as the engine reports them; points still running (no summary yet) are skipped.
    QList<PointResult> pointResults(const QString& runId) const;
    // Blocks until the writer has stored everything queued; false with the first write error.
    bool flush(QString* error) const;

    // Edits of stored runs, written at once (each waits for the writer); false with the reason when the project
    // is not writable or the write failed. Deleting cannot be undone.
    bool renameRun(const QString& runId, const QString& name, QString* error);
    bool setRunTags(const QString& runId, const QStringList& tags, QString* error);
    bool setRunNotes(const QString& runId, const QString& notes, QString* error);
    bool deleteRun(const QString& runId, QString* error);
    // Stores an imported run (RunImporter's result) in the project.
    bool addRun(const RunData& run, QString* error);
    // Named presets of the setup form, kept in the project (written at once, like the edits above).
    QStringList presetNames() const;
    QByteArray preset(const QString& name) const;
    bool savePreset(const QString& name, const QByteArray& configJson, QString* error);
    bool deletePreset(const QString& name, QString* error);
    // Writes a consistent copy of the whole project (what the writer has committed, WAL included) to `path`.
    bool saveCopy(const QString& path, QString* error) const;

private:
    bool writable(QString* error) const;

    QString m_path;
    QString m_writeError;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<ProjectReader> m_reader;
};

} // namespace tl
