#pragma once

#include "engine/runsnapshot.h"
#include "storage/projectreader.h"

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
    // The stored points of a run as the engine reports them; points still running (no summary yet) are skipped.
    QList<PointResult> pointResults(const QString& runId) const;
    // Blocks until the writer has stored everything queued; false with the first write error.
    bool flush(QString* error) const;

private:
    QString m_path;
    QString m_writeError;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<ProjectReader> m_reader;
};

} // namespace tl
