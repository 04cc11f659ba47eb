// `throughline-cli runs ...` and `throughline-cli report` as a CI script would use them, on the import fixtures.
// Command lines read best as plain string literals here.
#undef QT_NO_CAST_FROM_ASCII

#include "testutil.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

#include <unistd.h>

namespace {

using Result = tl::test::CliResult;

Result cli(const QStringList& args)
{
    return tl::test::runCliBinary(args, 60000);
}

nlohmann::json listJson(const QString& project)
{
    const Result r = cli({"runs", "list", "--project", project, "--json"});
    return r.exitCode == 0 ? nlohmann::json::parse(r.out.toStdString(), nullptr, false) : nlohmann::json();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The command that runs the CLI as a user whom file permissions bind: the CLI itself when this process is not
// root; as nobody through setpriv or runuser when it is (CI runs as root, and root may write anything). Empty when
// there is no way here.
QStringList unprivilegedCli()
{
    const QString binary = QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-cli");
    if (::geteuid() != 0)
        return {binary};
    if (const QString setpriv = QStandardPaths::findExecutable("setpriv"); !setpriv.isEmpty())
        return {setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", binary};
    if (const QString runuser = QStandardPaths::findExecutable("runuser"); !runuser.isEmpty())
        return {runuser, "-u", "nobody", "--", binary};
    return {};
}

Result cliAs(const QStringList& command, const QStringList& args)
{
    QProcess p;
    p.start(command.first(), command.mid(1) + args);
    Result r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestCliRunsCommand final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void helpForEveryCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("runs") << QStringList{"runs", "--help"} << "list     the runs";
        for (const char* sub : {"list", "show", "export", "import", "delete", "note", "tag"})
            QTest::newRow(sub) << QStringList{"runs", sub, "--help"}
                               << QStringLiteral("Usage: throughline-cli runs %1").arg(QLatin1String(sub));
        QTest::newRow("report") << QStringList{"report", "--help"} << "Usage: throughline-cli report";
        QTest::newRow("main help lists runs") << QStringList{"--help"} << "runs +List, show, export";
    }
    void helpForEveryCommand()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = cli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression(expected)), qPrintable(r.out)); // a pattern: column widths vary
    }

    void badArgumentsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::newRow("no subcommand") << QStringList{"runs"} << "";
        QTest::newRow("unknown subcommand") << QStringList{"runs", "frob", "--project", "p.tlproj"} << "frob";
        QTest::newRow("no project") << QStringList{"runs", "list"} << "--project";
        QTest::newRow("unknown flag") << QStringList{"runs", "list", "--project", "p", "--colour"} << "--colour";
        QTest::newRow("flag without value") << QStringList{"runs", "show", "latest", "--project"} << "--project";
        QTest::newRow("bad export format") << QStringList{"runs", "export", "latest", "--project", "p", "--format",
            "xml", "--output", "o"} << "--format";
        QTest::newRow("export without output")
            << QStringList{"runs", "export", "latest", "--project", "p", "--format", "csv"} << "--output";
        QTest::newRow("bad import format")
            << QStringList{"runs", "import", "x", "--project", "p", "--format", "csv"} << "--format";
        QTest::newRow("delete latest") << QStringList{"runs", "delete", "latest", "--project", "p"} << "delete";
        QTest::newRow("report positional") << QStringList{"report", "abc", "--project", "p"} << "--run";
    }
    void badArgumentsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        const Result r = cli(args);
        QCOMPARE(r.exitCode, 2);
        if (!named.isEmpty()) {
            const QStringList lines = r.err.trimmed().split(u'\n');
            QCOMPARE(lines.size(), 1);
            QVERIFY2(lines.first().contains(named), qPrintable(r.err));
        }
    }

    void failuresExitOne_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing project") << "missing"
                                         << "does not exist";
        QTest::newRow("not a project") << "text"
                                       << "not a Throughline project";
        QTest::newRow("unknown run") << "norun"
                                     << "no run";
        QTest::newRow("unreadable import") << "badimport"
                                           << "neither";
    }
    void failuresExitOne()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString project = dir.filePath("p.tlproj");
        Result r;
        if (kind == u"missing") {
            r = cli({"runs", "list", "--project", project});
        } else if (kind == u"text") {
            QFile f(project);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a database\n");
            f.close();
            r = cli({"runs", "list", "--project", project});
            QCOMPARE(readAll(project), QByteArray("not a database\n"));
        } else if (kind == u"norun") {
            QCOMPARE(
                cli({"runs", "import", QFINDTESTDATA("data/import/vllm-detailed.json"), "--project", project}).exitCode,
                0);
            r = cli({"runs", "show", "zzzz", "--project", project});
        } else {
            const QString bogus = dir.filePath("bogus.json");
            QFile f(bogus);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{}");
            f.close();
            r = cli({"runs", "import", bogus, "--project", project});
            QVERIFY(!QFile::exists(project)); // nothing written when nothing could be read
        }
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed().split(u'\n').size(), 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void importListShowExportReportDelete()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("ci.tlproj");
        Result r = cli({"runs", "import", QFINDTESTDATA("data/import/evalscope-docs-example"), "--project", project,
            "--tag", "nightly"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Imported run") && r.out.contains("2 point(s), 30 request(s)"), qPrintable(r.out));
        QVERIFY(r.out.contains("import note: no per-chunk times"));
        r = cli({"runs", "import", QFINDTESTDATA("data/import/vllm-detailed.json"), "--project", project, "--name",
            "vllm baseline"});
        QCOMPARE(r.exitCode, 0);

        nlohmann::json runs = listJson(project);
        QVERIFY(runs.is_array());
        QCOMPARE(runs.size(), size_t(2));
        // Newest first: the vLLM result is dated a day later.
        QVERIFY(runs[0]["name"] == "vllm baseline");
        QVERIFY(runs[1]["source"] == "evalscope");
        QVERIFY(runs[1]["requests"] == 30);
        QVERIFY(runs[1]["tags"] == nlohmann::json({"nightly"}));
        const QString evalscopeId = QString::fromStdString(runs[1]["id"].get<std::string>());

        r = cli({"runs", "list", "--project", project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(evalscopeId.left(8)) && r.out.contains("evalscope") && r.out.contains("vllm baseline"));

        r = cli({"runs", "show", evalscopeId.left(6), "--project", project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("parallel_1_number_10") && r.out.contains("parallel_10_number_20"), qPrintable(r.out));
        QVERIFY(r.out.contains("Qwen2.5-0.5B-Instruct"));
        QVERIFY(r.out.contains("import note:"));

        QCOMPARE(
            cli({"runs", "note", evalscopeId, "driver 550, before the upgrade", "--project", project}).exitCode, 0);
        QCOMPARE(cli({"runs", "tag", evalscopeId, "nightly", "h100", "--project", project}).exitCode, 0);
        r = cli({"runs", "show", evalscopeId, "--project", project});
        QVERIFY(r.out.contains("notes: driver 550, before the upgrade"));
        QVERIFY(r.out.contains("tags: h100, nightly"));

        // Every export format.
        const QString es = dir.filePath("es");
        r = cli({"runs", "export", evalscopeId, "--project", project, "--format", "evalscope", "--output", es});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(es + "/Qwen2.5-0.5B-Instruct/parallel_10_number_20/benchmark_data.db"));
        QVERIFY(QFile::exists(es + "/Qwen2.5-0.5B-Instruct/parallel_1_number_10/benchmark_summary.json"));
        const QString csv = dir.filePath("csv");
        QCOMPARE(
            cli({"runs", "export", evalscopeId, "--project", project, "--format", "csv", "--output", csv}).exitCode, 0);
        for (const char* file : {"points.csv", "requests.csv", "percentiles.csv"})
            QVERIFY2(QFile::exists(csv + u'/' + QLatin1String(file)), file);
        QCOMPARE(readAll(csv + "/requests.csv").count("\r\n"), 31); // header + 30 requests
        const QString json = dir.filePath("run.json");
        QCOMPARE(
            cli({"runs", "export", evalscopeId, "--project", project, "--format", "json", "--output", json}).exitCode,
            0);
        const QString html = dir.filePath("run.html");
        QCOMPARE(
            cli({"runs", "export", evalscopeId, "--project", project, "--format", "html", "--output", html}).exitCode,
            0);
        QVERIFY(readAll(html).contains("<svg"));

        r = cli({"report", "--project", project, "--run", evalscopeId, "--output", dir.filePath("report.html")});
        QCOMPARE(r.exitCode, 0);
        const QByteArray report = readAll(dir.filePath("report.html"));
        QVERIFY(report.contains("Qwen2.5-0.5B-Instruct"));
        QVERIFY(!report.contains("http://") && !report.contains("https://"));

        // The exported EvalScope tree and the run JSON import back as ordinary runs.
        QCOMPARE(cli({"runs", "import", es, "--project", project}).exitCode, 0);
        r = cli({"runs", "import", json, "--project", project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("import note: imported from run " + evalscopeId));
        runs = listJson(project);
        QCOMPARE(runs.size(), size_t(4));

        r = cli({"runs", "delete", evalscopeId, "--project", project});
        QCOMPARE(r.exitCode, 0);
        runs = listJson(project);
        QCOMPARE(runs.size(), size_t(3));
        for (const auto& run : runs)
            QVERIFY(run["id"] != evalscopeId.toStdString());
        QCOMPARE(cli({"runs", "show", evalscopeId, "--project", project}).exitCode, 1);
    }

    // A run exported as JSON runs again with `run --config` (the engine reads its "config" object).
    void exportedRunRunsAgain()
    {
        QProcess sim;
        sim.start(QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-sim"),
            {"--port", "0", "--ttft-ms", "5", "--itl-ms", "2"});
        QVERIFY(sim.waitForStarted());
        // Stopped however the test ends.
        const auto stopSim = qScopeGuard([&sim] {
            sim.terminate();
            sim.waitForFinished();
        });
        QString seen;
        const QString base = tl::test::simBaseUrl(sim, &seen);
        QVERIFY2(base.startsWith("http://127.0.0.1:"), qPrintable(seen));
        QTemporaryDir dir;
        const QString project = dir.filePath("rerun.tlproj");
        Result r = cli({"run", "--url", base + "/v1", "--model", "rerun-model", "--parallel", "2", "--number", "4",
            "--stream", "--max-tokens", "7", "--project", project, "--no-outputs"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString json = dir.filePath("run.json");
        QCOMPARE(
            cli({"runs", "export", "latest", "--project", project, "--format", "json", "--output", json}).exitCode, 0);
        r = cli({"run", "--config", json, "--project", project, "--no-outputs"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const nlohmann::json runs = listJson(project);
        QCOMPARE(runs.size(), size_t(2));
        QVERIFY(runs[0]["model"] == "rerun-model");
        QVERIFY(runs[0]["requests"] == 4);
        const QByteArray exported = readAll(json);
        const auto config = nlohmann::json::parse(exported.toStdString())["config"];
        QVERIFY(config["max_tokens"] == 7);
    }

    // `runs show` prints every table the live run printed, with the same numbers: the summary, the percentiles and
    // Throughline's metrics of each point, then the overview and the per-request table.
    void runsShowPrintsWhatTheRunPrinted()
    {
        QProcess sim;
        sim.start(QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-sim"),
            {"--port", "0", "--ttft-ms", "5", "--itl-ms", "2", "--fault-every", "http-500:5"});
        QVERIFY(sim.waitForStarted());
        const auto stopSim = qScopeGuard([&sim] {
            sim.terminate();
            sim.waitForFinished();
        });
        QString seen;
        const QString base = tl::test::simBaseUrl(sim, &seen);
        QVERIFY2(base.startsWith("http://127.0.0.1:"), qPrintable(seen));
        QTemporaryDir dir;
        const QString project = dir.filePath("show.tlproj");
        const Result run
            = cli({"run", "--url", base + "/v1", "--model", "show-model", "--parallel", "1", "2", "--number", "6", "8",
                "--warmup-num", "1", "--stream", "--max-tokens", "7", "--project", project, "--no-outputs"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const Result show = cli({"runs", "show", "latest", "--project", project});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));

        // Each table: its title line and the ruled lines under it.
        const QStringList lines = run.out.split(u'\n');
        QStringList tables;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).startsWith(u'+') || lines.at(i).startsWith(u'|') || i + 1 >= lines.size()
                || !lines.at(i + 1).startsWith(u'+'))
                continue;
            QString table = lines.at(i) + u'\n';
            for (qsizetype j = i + 1;
                 j < lines.size() && (lines.at(j).startsWith(u'+') || lines.at(j).startsWith(u'|')); ++j)
                table += lines.at(j) + u'\n';
            tables.append(table);
        }
        // Two points x (summary, percentiles, Throughline metrics) + overview + per-request.
        QCOMPARE(tables.size(), 8);
        QVERIFY2(run.out.contains("Failed: http_status"), qPrintable(run.out));
        for (const QString& table : std::as_const(tables))
            QVERIFY2(show.out.contains(table), qPrintable("runs show lacks:\n" + table + "\nit printed:\n" + show.out));
        // The failures' first message, kept by the file as the run printed it.
        const QRegularExpression example("^  http_status, e\\.g\\.: .+$", QRegularExpression::MultilineOption);
        const QRegularExpressionMatch printed = example.match(run.out);
        QVERIFY2(printed.hasMatch(), qPrintable(run.out));
        QVERIFY2(show.out.contains(printed.captured(0)), qPrintable(show.out));
    }

    // A trace replayed with --store-bodies: the run's own benchmark_data.db and `runs export --format evalscope` fill
    // EvalScope's request and request_id columns alike; the point is named by the trace's rate, not rate_-1.0.
    void replayWithStoredBodiesExportsThem()
    {
        QProcess sim;
        sim.start(QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-sim"),
            {"--port", "0", "--ttft-ms", "1", "--itl-ms", "1"});
        QVERIFY(sim.waitForStarted());
        const auto stopSim = qScopeGuard([&sim] {
            sim.terminate();
            sim.waitForFinished();
        });
        QString seen;
        const QString base = tl::test::simBaseUrl(sim, &seen);
        QVERIFY2(base.startsWith("http://127.0.0.1:"), qPrintable(seen));
        QTemporaryDir dir;
        const QString project = dir.filePath("replay.tlproj");
        const Result run = cli({"run", "--url", base + "/v1/chat/completions", "--dataset", "workload_trace",
            "--dataset-path", QFINDTESTDATA("data/datasets/workload_trace.jsonl"), "--open-loop", "--dataset-args",
            R"({"model_override": "throughline-sim", "speed": 10})", "--store-bodies", "--project", project,
            "--outputs-dir", dir.filePath("out"), "--no-timestamp", "--name", "replay"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains("Run point 1/1: trace replay, 60 req/s on average"), qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression(R"(\| Concurrency +\| +open loop \|)")), qPrintable(run.out));
        const QString pointDir = dir.filePath("out/replay/rate_60.0_number_4");
        QVERIFY2(QFile::exists(pointDir + "/benchmark_data.db"), qPrintable(run.out));
        const QString exported = dir.filePath("exported");
        const Result ex
            = cli({"runs", "export", "latest", "--project", project, "--format", "evalscope", "--output", exported});
        QVERIFY2(ex.exitCode == 0, qPrintable(ex.err));
        auto rows = [](const QString& db) {
            QStringList out;
            {
                QSqlDatabase c = QSqlDatabase::addDatabase("QSQLITE", "replay-check");
                c.setDatabaseName(db);
                if (c.open()) {
                    QSqlQuery q(c);
                    q.exec("SELECT request, coalesce(request_id, '') FROM result ORDER BY request_id, request");
                    while (q.next()) {
                        const auto body = nlohmann::json::parse(q.value(0).toString().toStdString(), nullptr, false);
                        out.append(QString::fromStdString(body.is_object() ? body["model"].get<std::string>() : "?")
                            + u'|' + q.value(1).toString());
                    }
                    c.close();
                }
            }
            QSqlDatabase::removeDatabase("replay-check");
            return out;
        };
        const QStringList expected{"throughline-sim|", "throughline-sim|req-0001", "throughline-sim|req-0002",
            "throughline-sim|req-0003"};
        QCOMPARE(rows(pointDir + "/benchmark_data.db"), expected);
        QCOMPARE(rows(exported + "/replay/rate_60.0_number_4/benchmark_data.db"), expected);
    }

    void readOnlyProjectStillLists()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("ro.tlproj");
        QCOMPARE(
            cli({"runs", "import", QFINDTESTDATA("data/import/vllm-append.jsonl"), "--project", project}).exitCode, 0);
        QFile::setPermissions(project, QFile::ReadOwner | QFile::ReadUser);
        const QByteArray before = readAll(project);
        QCOMPARE(cli({"runs", "list", "--project", project}).exitCode, 0);
        QCOMPARE(cli({"report", "--project", project, "--output", dir.filePath("r.html")}).exitCode, 0);
        const Result r = cli({"runs", "import", QFINDTESTDATA("data/import/vllm-detailed.json"), "--project", project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("read-only"), qPrintable(r.err));
        QCOMPARE(readAll(project), before);
    }

    // A project in a folder this user may not write (SQLite cannot create its -wal/-shm files there): browsing works
    // (list, show), a run or an import is refused with one line naming the folder, never "damaged", and nothing in
    // the folder changes. Run as an unprivileged user, since root may write anything.
    void readOnlyFolderIsBrowsable_data()
    {
        QTest::addColumn<bool>("fileWritable");
        QTest::addColumn<bool>("pendingWal"); // the newest changes sit in a -wal file, with no -shm beside it
        QTest::newRow("file read-only") << false << false;
        QTest::newRow("file writable") << true << false;
        QTest::newRow("-wal without -shm") << false << true;
    }
    void readOnlyFolderIsBrowsable()
    {
        QFETCH(bool, fileWritable);
        QFETCH(bool, pendingWal);
        const QStringList as = unprivilegedCli();
        if (as.isEmpty())
            QSKIP("running as root without setpriv or runuser: permissions cannot be tested");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source = dir.filePath("source.tlproj");
        QCOMPARE(
            cli({"runs", "import", QFINDTESTDATA("data/import/vllm-append.jsonl"), "--project", source}).exitCode, 0);
        const auto everyone = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser
            | QFile::WriteUser | QFile::ExeUser | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(dir.path(), everyone));
        const QString folder = dir.filePath("readonly");
        QVERIFY(QDir().mkdir(folder));
        const QString project = folder + "/p.tlproj";
        {
            // A second connection keeps the -wal alive while it is copied (the last one to close checkpoints it).
            const QString name = "wal-keeper";
            {
                QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
                db.setDatabaseName(source);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec("UPDATE runs SET name = 'renamed in the log'"));
                QVERIFY(QFile::copy(source, project));
                if (pendingWal) {
                    QVERIFY(QFileInfo(source + "-wal").size() > 0);
                    QVERIFY(QFile::copy(source + "-wal", project + "-wal"));
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        auto fileMode = QFile::ReadOwner | QFile::ReadUser | QFile::ReadGroup | QFile::ReadOther;
        if (fileWritable)
            fileMode |= QFile::WriteOwner | QFile::WriteUser | QFile::WriteGroup | QFile::WriteOther;
        for (const QString& f : QDir(folder).entryList(QDir::Files))
            QVERIFY(QFile::setPermissions(folder + "/" + f, fileMode));
        QVERIFY(QFile::setPermissions(folder,
            QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser | QFile::ReadGroup | QFile::ExeGroup
                | QFile::ReadOther | QFile::ExeOther));
        const auto restore = qScopeGuard([&] { QFile::setPermissions(folder, everyone); }); // so it can be removed
        const QStringList before = QDir(folder).entryList(QDir::Files);
        const QByteArray content = readAll(project);
        if (cliAs(as, {"--version"}).exitCode != 0)
            QSKIP("the CLI cannot be run as an unprivileged user here (its build folder is not readable to nobody)");

        const auto oneLine
            = [](const Result& r) { return r.err.trimmed().split(u'\n').size() == 1 && !r.err.contains("damaged"); };
        Result r = cliAs(as, {"runs", "list", "--project", project, "--json"});
        if (pendingWal) {
            // SQLite reads a -wal only through a -shm, which it cannot create here: a clear refusal, not stale data.
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(oneLine(r) && r.err.contains("-wal") && r.err.contains("read-only"), qPrintable(r.err));
        } else {
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const nlohmann::json runs = nlohmann::json::parse(r.out.toStdString(), nullptr, false);
            QVERIFY2(runs.is_array() && runs.size() == 1, qPrintable(r.out));
            QVERIFY(runs[0]["requests"].get<int>() > 0);
            const QString id = QString::fromStdString(runs[0]["id"].get<std::string>());
            r = cliAs(as, {"runs", "show", id, "--project", project});
            QVERIFY2(r.exitCode == 0 && r.out.contains(id.left(8)), qPrintable(r.out + r.err));
        }

        r = cliAs(as,
            {"run", "--url", QStringLiteral("http://127.0.0.1:%1/v1").arg(tl::test::closedPort()), "--model", "m",
                "--number", "1", "--no-outputs", "--project", project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            oneLine(r) && r.err.startsWith("error: --project: ") && r.err.contains("read-only"), qPrintable(r.err));
        r = cliAs(as, {"runs", "import", QFINDTESTDATA("data/import/vllm-detailed.json"), "--project", project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(oneLine(r) && r.err.contains("read-only"), qPrintable(r.err));

        QCOMPARE(QDir(folder).entryList(QDir::Files), before); // no -wal, -shm or journal left behind
        QCOMPARE(readAll(project), content);
    }
};

QTEST_GUILESS_MAIN(TestCliRunsCommand)
#include "tst_clirunscommand.moc"
