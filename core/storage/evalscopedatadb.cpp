#include "storage/evalscopedatadb.h"

#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tl {

QByteArray EvalScopeDataDb::emptyPickledList()
{
    return QByteArrayLiteral("gARdlC4="); // base64 of 80 04 5d 94 2e
}

EvalScopeDataDb::EvalScopeDataDb() = default;

EvalScopeDataDb::~EvalScopeDataDb()
{
    close();
}

bool EvalScopeDataDb::open(const QString& path, QString* error)
{
    close();
    QFile::remove(path);
    const QString connection = QStringLiteral("tl-evalscope-db-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            message = db.lastError().text();
        } else {
            QSqlQuery q(db);
            // The columns and types of EvalScope's CREATE TABLE, in its order.
            ok = q.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS result(request TEXT, start_time REAL, inter_token_latencies TEXT,"
                " success INTEGER, response_messages TEXT, completed_time REAL, latency REAL,"
                " first_chunk_latency REAL, prompt_tokens INTEGER, completion_tokens INTEGER,"
                " max_gpu_memory_cost REAL, time_per_output_token REAL, request_id TEXT, is_stream INTEGER)"));
            if (!ok)
                message = q.lastError().text();
        }
    }
    if (!ok) {
        QSqlDatabase::removeDatabase(connection);
        if (error)
            *error = Tr::tr("cannot create '%1': %2").arg(path, message);
        return false;
    }
    m_path = path;
    m_connection = connection;
    return true;
}

bool EvalScopeDataDb::append(const QList<RequestRecord>& records, QString* error)
{
    if (m_connection.isEmpty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    bool ok = db.transaction();
    QSqlQuery q(db);
    ok = ok && q.prepare(QStringLiteral("INSERT INTO result VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    const QString emptyList = QString::fromLatin1(emptyPickledList());
    for (const RequestRecord& r : records) {
        if (!ok)
            break;
        if (r.warmup)
            continue; // EvalScope stores no warmup request
        const bool s = r.success;
        nlohmann::json itl = nlohmann::json::array();
        if (s) {
            for (double v : r.itlS())
                itl.push_back(v);
        }
        // The JSON text sent, when the run kept it (--store-bodies), as EvalScope stores it; NULL otherwise.
        q.addBindValue(r.requestBody.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(r.requestBody)));
        q.addBindValue(double(r.sentNs) / 1e9);
        q.addBindValue(QString::fromUtf8(jsonutil::dump(itl)));
        q.addBindValue(int(s));
        q.addBindValue(emptyList);
        q.addBindValue(s ? double(r.completedNs()) / 1e9 : 0.0);
        q.addBindValue(s ? QVariant(r.latencyS()) : QVariant());
        q.addBindValue(s ? QVariant(r.ttftS()) : QVariant());
        q.addBindValue(s && r.promptTokens >= 0 ? QVariant(r.promptTokens) : QVariant());
        q.addBindValue(s && r.completionTokens >= 0 ? QVariant(r.completionTokens) : QVariant());
        q.addBindValue(s ? QVariant(0.0) : QVariant());
        q.addBindValue(s ? QVariant(r.tpotS()) : QVariant());
        q.addBindValue(r.requestId.isEmpty() ? QVariant() : QVariant(r.requestId)); // workload_trace's own id
        q.addBindValue(int(r.stream));
        ok = q.exec();
    }
    if (ok)
        ok = db.commit();
    if (!ok) {
        if (error)
            *error = Tr::tr("cannot write '%1': %2").arg(m_path, q.lastError().text());
        db.rollback();
    }
    return ok;
}

void EvalScopeDataDb::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

} // namespace tl
