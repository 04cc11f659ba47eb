#pragma once

#include "model/requestrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tl {

// EvalScope perf's benchmark_data.db (§7.2 of the behaviour reference): one table `result`, one row per
// non-warmup request, written as records arrive (one transaction per batch) so that a CLI run fills it during
// each point and an export writes it from stored records through the same code. Throughline keeps no response
// chunks, so `response_messages` holds an empty pickled list, which EvalScope's readers unpickle as []. `request`
// holds the body sent when the run kept it (--store-bodies), else NULL; `request_id` a trace record's own id.
class EvalScopeDataDb final {
public:
    EvalScopeDataDb();
    ~EvalScopeDataDb();
    EvalScopeDataDb(const EvalScopeDataDb&) = delete;
    EvalScopeDataDb& operator=(const EvalScopeDataDb&) = delete;

    // Creates `path` afresh with the `result` table; false with a message naming the path on failure.
    bool open(const QString& path, QString* error);
    // Appends the non-warmup records in one transaction.
    bool append(const QList<RequestRecord>& records, QString* error);
    void close();
    bool isOpen() const { return !m_connection.isEmpty(); }

    // base64(pickle.dumps([])) as EvalScope writes it (protocol 4: PROTO 4, EMPTY_LIST, MEMOIZE, STOP).
    static QByteArray emptyPickledList();

private:
    QString m_path;
    QString m_connection;
};

} // namespace tl
