// Runs the real throughline-cli and throughline-sim executables as a user would, over loopback only.
// Command lines read best as plain string literals here.
#undef QT_NO_CAST_FROM_ASCII

#include "config/commandline.h"
#include "engine/localserver.h"
#include "storage/projectreader.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "testutil.h"

#include <sys/resource.h>

namespace {

QString binary(const char* name)
{
    return QStringLiteral(THROUGHLINE_BINARY_DIR "/app/") + QLatin1String(name);
}

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

// fileLimit > 0: the child starts with RLIMIT_NOFILE soft and hard both at it (as under `ulimit -n`), so that it
// cannot raise its own.
Result runCli(const QStringList& args, int timeoutMs = 120000, rlim_t fileLimit = 0)
{
    QProcess p;
    if (fileLimit > 0) {
        p.setChildProcessModifier([fileLimit] {
            const rlimit limit{fileLimit, fileLimit};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
    }
    p.start(binary("throughline-cli"), args);
    Result r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

nlohmann::json readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    return nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
}

} // namespace

class TestCli final : public QObject {
    Q_OBJECT

private:
    QProcess m_sim;
    QString m_base;

    bool startSim(QProcess& proc, QString& base, const QStringList& extra = {})
    {
        proc.start(binary("throughline-sim"),
            QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ttft-ms"),
                QStringLiteral("20"), QStringLiteral("--itl-ms"), QStringLiteral("5")}
                + extra);
        if (!proc.waitForStarted())
            return false;
        static const QRegularExpression line(QStringLiteral("listening on (http://\\S+)"));
        QString seen;
        while (proc.waitForReadyRead(10000)) {
            seen += QString::fromUtf8(proc.readAllStandardOutput());
            const auto m = line.match(seen);
            if (m.hasMatch()) {
                base = m.captured(1);
                return true;
            }
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startSim(m_sim, m_base)); }

    void cleanupTestCase()
    {
        m_sim.terminate();
        m_sim.waitForFinished();
    }

    void helpListsFlags()
    {
        const Result r = runCli({QStringLiteral("run"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* flag : {"--parallel", "--number", "--url", "--model", "--project", "--outputs-dir"})
            QVERIFY2(r.out.contains(QLatin1String(flag)), flag);
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("field");
        const QString closed = QStringLiteral("http://127.0.0.1:%1/v1").arg(tl::test::closedPort());
        QTest::newRow("malformed parallel list") << QStringList{"run", "--url", "http://127.0.0.1:9/v1", "--model", "m",
            "--parallel", "1", "x"} << 2 << "--parallel";
        QTest::newRow("mismatched number/parallel") << QStringList{"run", "--url", "http://127.0.0.1:9/v1", "--model",
            "m", "--parallel", "1", "4", "--number", "20"}
                                                    << 2 << "--number";
        QTest::newRow("not a url") << QStringList{"run", "--url", "127.0.0.1 8000", "--model", "m"} << 2 << "--url";
        QTest::newRow("nothing listening")
            << QStringList{"run", "--url", closed, "--model", "m", "--number", "2", "--total-timeout", "2"} << 3
            << "--url";
        QTest::newRow("missing model") << QStringList{"run", "--url", "http://127.0.0.1:9/v1"} << 2 << "--model";
        // 20,000 levels of nesting crashed the CLI (a recursive copy of the parsed value): refused before parsing.
        const QString deep = "{\"a\":" + QString(20000, u'[') + QString(20000, u']') + "}";
        QTest::newRow("deep extra-args") << QStringList{"run", "--url", "http://127.0.0.1:9/v1", "--model", "m",
            "--extra-args", deep} << 2 << "--extra-args";
        QTest::newRow("deep dataset-args") << QStringList{"run", "--url", "http://127.0.0.1:9/v1", "--model", "m",
            "--dataset", "openqa", "--dataset-args", deep} << 2 << "--dataset-args";
        // Values out of a field's range are refused at the boundary, naming the flag (not wrapped or truncated).
        const QStringList base{"run", "--url", "http://127.0.0.1:9/v1", "--model", "m"};
        QTest::newRow("warmup beyond int") << base + QStringList{"--warmup-num", "2147483648"} << 2 << "--warmup-num";
        QTest::newRow("min tokens beyond int") << base + QStringList{"--min-tokens", "99999999999"} << 2
                                               << "--min-tokens";
        QTest::newRow("infinite rate") << base + QStringList{"--rate", "inf"} << 2 << "--rate";
        QTest::newRow("infinite connect rate") << base + QStringList{"--connect-rate", "inf"} << 2 << "--connect-rate";
        QTest::newRow("nan temperature") << base + QStringList{"--temperature", "nan"} << 2 << "--temperature";
        QTest::newRow("header with a line break") << base + QStringList{"--headers", "X-A=1\r\nX-B: 2"} << 2
                                                  << "--headers";
        QTest::newRow("header name not a token") << base + QStringList{"--headers", "X A=1"} << 2 << "--headers";
        QTest::newRow("unsupported flag as given") << base + QStringList{"--swanlab-host", "https://sw.example"} << 2
                                                   << "--swanlab-host";
        QTest::newRow("alias as given") << base + QStringList{"-n", "0"} << 2 << "-n";
    }
    void badInputNamesTheField()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, field);
        const Result r = runCli(args);
        QCOMPARE(r.exitCode, exitCode);
        const QStringList lines = r.err.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 1); // one clear error
        QVERIFY2(lines.first().contains(field), qPrintable(r.err));
    }

    void sweepWritesOutputsAndProject()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("cli.tlproj"));
        const QString outputs = dir.filePath(QStringLiteral("out"));
        const Result r = runCli({"run", "--url", m_base + "/v1", "--model", "demo-model", "--parallel", "1", "4",
            "--number", "4", "8", "--stream", "--max-tokens", "6", "--extra-args", R"({"ignore_eos": true})",
            "--sleep-interval", "0", "--project", project, "--outputs-dir", outputs, "--no-timestamp"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* label : {"Avg TTFT (ms)", "Avg ITL (ms)", "Avg TPOT (ms)", "Req Throughput (req/s)",
                 "Output Throughput (tok/s)", "TTFT (ms)", "50%", "99%", "Performance Overview"})
            QVERIFY2(r.out.contains(QLatin1String(label)), label);
        QVERIFY(r.out.contains(QStringLiteral("Project file: ")));

        const QString pointDir = outputs + QStringLiteral("/demo-model/parallel_4_number_8");
        const auto summary = readJson(pointDir + QStringLiteral("/benchmark_summary.json"));
        QVERIFY(summary.is_object());
        QCOMPARE(summary["Success Requests"].get<int>(), 8);
        QCOMPARE(summary["Concurrency"].get<int>(), 4);
        QCOMPARE(summary["Avg Output Tokens"].get<double>(), 6.0);
        QVERIFY(summary["Avg TTFT (ms)"].get<double>() >= 20.0);
        const auto percentiles = readJson(pointDir + QStringLiteral("/benchmark_percentile.json"));
        QVERIFY(percentiles.is_array());
        QCOMPARE(percentiles.size(), size_t(11));
        const auto args = readJson(pointDir + QStringLiteral("/benchmark_args.json"));
        // As EvalScope writes it per point: scalar load, the point's folder, EvalScope's keys and int types.
        QVERIFY(args["parallel"] == 4);
        QVERIFY(args["number"] == 8);
        QVERIFY(args["parallel"].is_number_integer() && args["number"].is_number_integer());
        QVERIFY(args["rate"].is_number_float() && args["rate"].get<double>() == -1.0);
        QCOMPARE(QDir::cleanPath(QString::fromStdString(args["outputs_dir"].get<std::string>())), QDir::cleanPath(pointDir));
        QVERIFY(args["model_id"] == "demo-model");
        for (const char* key : {"sla_auto_tune", "visualizer", "wandb_api_key", "swanlab_api_key", "multi_turn",
                 "min_turns", "max_turns", "image_width", "attn_implementation"})
            QVERIFY2(args.contains(key), key);
        QVERIFY(QFile::exists(outputs + QStringLiteral("/demo-model/parallel_1_number_4/benchmark_summary.json")));
        // The run's own files in the output root, as EvalScope writes them: the summary tables and the HTML report
        // (self-contained: nothing loaded from the network).
        QFile tables(outputs + QStringLiteral("/demo-model/performance_summary.txt"));
        QVERIFY(tables.open(QIODevice::ReadOnly));
        const QString tablesText = QString::fromUtf8(tables.readAll());
        QVERIFY2(tablesText.contains(QStringLiteral("Performance Overview")), qPrintable(tablesText));
        QFile report(outputs + QStringLiteral("/demo-model/perf_report.html"));
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray html = report.readAll();
        QVERIFY(html.startsWith("<!DOCTYPE html>") || html.contains("<html"));
        QVERIFY(html.contains("demo-model"));
        QVERIFY(!html.contains("<script src=") && !html.contains("<link rel=\"stylesheet\" href=\"http"));
        // benchmark.log in the output root: what was printed, as EvalScope's log lines.
        QFile log(outputs + QStringLiteral("/demo-model/benchmark.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString logText = QString::fromUtf8(log.readAll());
        static const QRegularExpression logLine(
            QStringLiteral(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - throughline - INFO - Run point 2/2: )"),
            QRegularExpression::MultilineOption);
        QVERIFY2(logText.contains(logLine), qPrintable(logText.left(2000)));
        QVERIFY(logText.contains(QStringLiteral(" - INFO - Output files: ")));
        // Every run gets the workload throughput and timeline (EvalScope §5.5); trace_summary.json is multi-turn's.
        const auto throughput = readJson(pointDir + QStringLiteral("/workload_throughput.json"));
        QCOMPARE(throughput["n_samples"].get<int>(), 8);
        QCOMPARE(throughput["rows"].size(), size_t(4));
        QCOMPARE(readJson(pointDir + QStringLiteral("/workload_timeline.json"))["points"].size(), size_t(8));
        QVERIFY(!QFile::exists(pointDir + QStringLiteral("/trace_summary.json")));
        // EvalScope's benchmark_data.db of each point, written during the run: one `result` row per request.
        for (const auto& [point, rows] : {std::pair{"parallel_1_number_4", 4}, std::pair{"parallel_4_number_8", 8}}) {
            const QString connection = QStringLiteral("db-") + QLatin1String(point);
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(outputs + QStringLiteral("/demo-model/") + QLatin1String(point)
                    + QStringLiteral("/benchmark_data.db"));
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(success), sum(completion_tokens), "
                                              "count(DISTINCT response_messages), min(latency) FROM result")));
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toInt(), rows);
                QCOMPARE(q.value(1).toInt(), rows);
                QCOMPARE(q.value(2).toInt(), 6 * rows);
                QCOMPARE(q.value(3).toInt(), 1);
                QVERIFY(q.value(4).toDouble() > 0);
            }
            QSqlDatabase::removeDatabase(connection);
        }

        tl::ProjectReader reader;
        QString error;
        QVERIFY2(reader.open(project, &error), qPrintable(error));
        const auto runs = reader.runs();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().requestCount, 12);
        QCOMPARE(runs.first().pointCount, 2);
    }

    // --parallel 1 1 --number 2 2 runs the same point twice: each keeps a folder of its own (EvalScope's second
    // overwrites the first).
    void repeatedPointsGetTheirOwnFolders()
    {
        QTemporaryDir dir;
        const QString outputs = dir.filePath(QStringLiteral("out"));
        const Result r = runCli({"run", "--url", m_base + "/v1", "--model", "demo-model", "--parallel", "1", "1", "2",
            "--number", "2", "2", "3", "--max-tokens", "2", "--sleep-interval", "0", "--outputs-dir", outputs,
            "--no-timestamp", "--no-test-connection"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString root = outputs + QStringLiteral("/demo-model/");
        QCOMPARE(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
            QStringList({QStringLiteral("parallel_1_number_2"), QStringLiteral("parallel_1_number_2_2"),
                QStringLiteral("parallel_2_number_3")}));
        for (const char* point : {"parallel_1_number_2", "parallel_1_number_2_2"}) {
            const auto summary = readJson(root + QLatin1String(point) + QStringLiteral("/benchmark_summary.json"));
            QCOMPARE(summary["Total Requests"].get<int>(), 2);
        }
    }

    // --api local_vllm starts the server as a child process (here a stand-in: the emulated server), waits for it with
    // the retrying connection test, benchmarks it on --port, and stops it at the end; its output goes to
    // local_server.log in the output folder.
    void localApiStartsAndStopsTheServer()
    {
        QTemporaryDir dir;
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const QString outputs = dir.filePath(QStringLiteral("out"));
        const QString command = tl::CommandLine::quote(binary("throughline-sim")) + QStringLiteral(" --ttft-ms 5 --itl-ms 1");
        const Result r = runCli({"run", "--api", "local_vllm", "--model", "demo-model", "--port", QString::number(port),
            "--local-server-command", command, "--number", "3", "--max-tokens", "2", "--outputs-dir", outputs,
            "--no-timestamp"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        static const QRegularExpression started(QStringLiteral("Started the local server \\(pid (\\d+)\\)"));
        const auto m = started.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(!QFile::exists(QStringLiteral("/proc/") + m.captured(1))); // stopped, and reaped
        QVERIFY(r.out.contains(QStringLiteral("Stopping the local server")));
        const auto summary = readJson(outputs + QStringLiteral("/demo-model/parallel_1_number_3/benchmark_summary.json"));
        QCOMPARE(summary["Success Requests"].get<int>(), 3);
        QFile log(outputs + QStringLiteral("/demo-model/local_server.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("listening on"));
    }

    void localServerCommandPassesPortAndAttention_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("attn");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("port appended") << "srv --x 1" << "" << QStringList{"srv", "--x", "1", "--port", "9001"};
        QTest::newRow("placeholders") << "srv -p {port} -m {model} -a {attn_implementation}" << "sdpa"
                                      << QStringList{"srv", "-p", "9001", "-m", "org/m", "-a", "sdpa"};
        QTest::newRow("attention appended") << "srv" << "eager"
                                            << QStringList{"srv", "--port", "9001", "--attn-implementation", "eager"};
        QTest::newRow("quoted words") << "'my srv' --name 'a b'" << ""
                                      << QStringList{"my srv", "--name", "a b", "--port", "9001"};
    }
    void localServerCommandPassesPortAndAttention()
    {
        QFETCH(QString, command);
        QFETCH(QString, attn);
        QFETCH(QStringList, words);
        tl::RunConfig c;
        c.model = QStringLiteral("org/m");
        c.api = QStringLiteral("local_vllm");
        c.port = 9001;
        c.localServerCommand = command;
        c.attnImplementation = attn;
        QCOMPARE(tl::LocalServer::command(c), words);
        // The default is vLLM's OpenAI server on the port, serving the model under its name.
        c.localServerCommand.clear();
        QStringList warnings;
        const QStringList vllm = tl::LocalServer::command(c, &warnings);
        QCOMPARE(vllm.mid(0, 3), (QStringList{"python3", "-m", "vllm.entrypoints.openai.api_server"}));
        QVERIFY(vllm.join(u' ').contains(QStringLiteral("--model org/m --served-model-name org/m")));
        QVERIFY(vllm.join(u' ').contains(QStringLiteral("--port 9001")));
        QCOMPARE(warnings.size(), attn.isEmpty() ? 0 : 1);
    }

    void everyRequestFailingExitsNonZero()
    {
        QProcess locked;
        QString base;
        QVERIFY(startSim(locked, base, {QStringLiteral("--api-key"), QStringLiteral("secret")}));
        const Result r = runCli(
            {"run", "--url", base + "/v1", "--model", "m", "--number", "3", "--no-test-connection", "--no-outputs"});
        locked.terminate();
        locked.waitForFinished();
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("every request failed")), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Failed: http_status")));
    }

    // Out of file descriptors is the client's fault: the CLI warns that --parallel cannot fit, the requests whose
    // socket() failed with EMFILE are classed client_resources (not a server failure), and the run exits 5.
    void outOfFileDescriptorsIsAClientError()
    {
        // The lean transport keeps the last descriptors below the limit free (leantransport.cpp,
        // kReservedDescriptors): the process itself never runs out, which the sanitizer build checks too (UBSan's
        // vptr check needs a pipe, and reported a spurious invalid vptr when none was left).
        const Result r = runCli({"run", "--url", m_base + "/v1", "--model", "m", "--parallel", "120", "--number", "240",
                                    "--max-tokens", "2", "--no-outputs", "--transport", "lean"},
            120000, 60);
        QVERIFY2(r.err.contains(QStringLiteral("warning: --parallel 120 needs about 184 file descriptors but this "
                                               "process may open 60")),
            qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("client_resources")), qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("failed in this client")), qPrintable(r.err));
        QCOMPARE(r.exitCode, 5);
    }

    // Qt's HTTP threads abort the process when they get no file descriptor: the qt transport refuses to start.
    void outOfFileDescriptorsRefusedOnQt()
    {
        const Result r = runCli({"run", "--url", m_base + "/v1", "--model", "m", "--parallel", "120", "--number", "240",
                                    "--max-tokens", "2", "--no-outputs", "--transport", "qt"},
            120000, 60);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: --parallel: 120 needs about 184 file descriptors")),
            qPrintable(r.err));
    }

    // Under a soft limit below the hard one, the CLI raises its own: the same run fits and exits 0.
    void softFileLimitIsRaised()
    {
        QProcess p;
        p.setChildProcessModifier([] {
            rlimit limit{};
            ::getrlimit(RLIMIT_NOFILE, &limit);
            limit.rlim_cur = 60;
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
        p.start(binary("throughline-cli"),
            {"run", "--url", m_base + "/v1", "--model", "m", "--parallel", "120", "--number", "240", "--max-tokens", "2",
                "--no-outputs"});
        QVERIFY(p.waitForFinished(120000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("warning: --parallel")), qPrintable(err));
    }

    // A malformed dataset line met during the run (past the records checked at the start): one error line with the
    // file, the line and the fix, exit code 1, and the requests measured before it are still reported and stored.
    void malformedDatasetLineDuringTheRunFails()
    {
        QTemporaryDir dir;
        const QString dataset = dir.filePath(QStringLiteral("questions.jsonl"));
        QVERIFY(tl::test::writeQuestions(dataset, 1000, 700));
        const QString project = dir.filePath(QStringLiteral("bad.tlproj"));
        const Result r
            = runCli({"run", "--url", m_base + "/v1", "--model", "m", "--dataset", "openqa", "--dataset-path", dataset,
                "--number", "900", "--parallel", "32", "--max-tokens", "1", "--no-outputs", "--project", project});
        QCOMPARE(r.exitCode, 1);
        const QStringList errors = r.err.split(u'\n').filter(QStringLiteral("error:"));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(
                     QStringLiteral("error: --dataset-path: ") + dataset + QStringLiteral(", line 700: "))
                && errors.first().endsWith(QStringLiteral("fix or delete that line")),
            qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Project file: ")), qPrintable(r.out)); // what was measured is kept
        QVERIFY(QFile::exists(project));
    }

    void simSubcommandServes()
    {
        QProcess sim;
        sim.start(binary("throughline-cli"), {"sim", "--port", "0", "--ttft-ms", "5", "--itl-ms", "1"});
        QVERIFY(sim.waitForStarted());
        QString seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += QString::fromUtf8(sim.readAllStandardOutput())).contains("listening on http://"), 10000);
        const QString base = seen.section(QStringLiteral("listening on "), 1).trimmed();
        const Result r = runCli({"run", "--url", base + "/v1", "--model", "m", "--number", "2", "--no-outputs"});
        sim.terminate();
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitCode(), 0); // SIGTERM is a clean stop
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("2 / 2 / 0"));
    }

    void demoRunsHeadless()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("demo.tlproj"));
        const Result r = runCli({QStringLiteral("demo"), QStringLiteral("--project"), project}, 180000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY(r.out.contains(QStringLiteral("listening on http://127.0.0.1:")));
        QVERIFY(r.out.contains(project));
        tl::ProjectReader reader;
        QString error;
        QVERIFY(reader.open(project, &error));
        QCOMPARE(reader.runs().size(), 1);
        QCOMPARE(reader.runs().first().status, QStringLiteral("completed"));
    }

    void multiTurnWritesTheConversationTable()
    {
        QTemporaryDir dir;
        const QString outputs = dir.filePath(QStringLiteral("out"));
        const Result r = runCli({"run", "--url", m_base + "/v1", "--model", "demo-model", "--multi-turn", "--dataset",
            "custom_multi_turn", "--dataset-path", QFINDTESTDATA("data/datasets/custom_multi_turn.jsonl"),
            "--parallel", "2", "--number", "6", "--max-tokens", "4", "--outputs-dir", outputs, "--no-timestamp"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Conversations: ")));
        QVERIFY(r.out.contains(QStringLiteral("TTFAT (s)")));
        const auto trace = readJson(outputs + QStringLiteral("/demo-model/parallel_2_number_6/trace_summary.json"));
        QVERIFY(trace["n_traces"].get<int>() >= 2);
        QCOMPARE(trace["rows"][0]["metric"].get<std::string>(), std::string("Latency (s)"));
    }

    void registryCommands()
    {
        // convert: the equivalent command on stdout, the flags left out on stderr, exit 0; garbage exits 2.
        Result r = runCli({"convert",
            "evalscope perf --url http://127.0.0.1:8000/v1/chat/completions --model Qwen --parallel 1 10 "
            "--number 10 100 --extra-args '{\"ignore_eos\": true}' --wandb-api-key secret --swanlab-host https://sw.example "
            "--max-turns 3"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("throughline-cli run --model Qwen")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--parallel 1 10 --number 10 100")));
        QVERIFY(r.out.contains(QStringLiteral("--extra-args '{\"ignore_eos\":true}'")));
        QVERIFY(!r.out.contains(QStringLiteral("secret")));
        QVERIFY(r.err.contains(QStringLiteral("--wandb-api-key")));
        QVERIFY(r.err.contains(QStringLiteral("--swanlab-host")));
        QVERIFY(r.out.contains(QStringLiteral("--max-turns 3"))); // multi-turn flags map
        QCOMPARE(runCli({"convert", "rm -rf /"}).exitCode, 2);
        QCOMPARE(runCli({"convert", "evalscope perf --parallel many"}).exitCode, 2);
        QCOMPARE(runCli({"convert", "evalscope perf --model 'unterminated"}).exitCode, 2);
        for (const char* shell : {"bash", "zsh", "fish"}) {
            r = runCli({"completion", shell});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains(QStringLiteral("max-tokens")));
        }
        QCOMPARE(runCli({"completion", "tcsh"}).exitCode, 2);
        r = runCli({"docs", "parameters"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("# Run parameters")));
    }

    void tokenizeCommand()
    {
        const QString fixtures = QFINDTESTDATA("data/tokenizers");
        QVERIFY(!fixtures.isEmpty());
        Result r = runCli({"tokenize", "--tokenizer-path", fixtures + "/qwen3", "Hello, world!"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("{\"n\": 4, \"ids\": [9707, 11, 1879, 0]}\n"));

        QTemporaryDir dir;
        QFile lines(dir.filePath("prompts.txt"));
        QVERIFY(lines.open(QIODevice::WriteOnly));
        lines.write("Hello world\r\n\nHello world");
        lines.close();
        r = runCli({"tokenize", "--tokenizer-path=" + fixtures + "/mistral7b/tokenizer.json", "--special", "--file", lines.fileName()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("{\"n\": 3, \"ids\": [1, 22557, 1526]}\n{\"n\": 1, \"ids\": [1]}\n"
                                       "{\"n\": 3, \"ids\": [1, 22557, 1526]}\n"));

        QFile array(dir.filePath("prompts.json"));
        QVERIFY(array.open(QIODevice::WriteOnly));
        array.write(R"(["Hello world", "", "<|endoftext|>"])");
        array.close();
        r = runCli({"tokenize", "--tokenizer-path", fixtures + "/gpt2", "--json", array.fileName()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("{\"n\": 2, \"ids\": [15496, 995]}\n{\"n\": 0, \"ids\": []}\n{\"n\": 1, \"ids\": [50256]}\n"));

        r = runCli({"tokenize", "--tokenizer-path", dir.filePath("nowhere"), "x"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: --tokenizer-path: ") && r.err.count('\n') == 1, qPrintable(r.err));
        r = runCli({"tokenize", "--tokenizer-path", fixtures + "/gpt2", "--json", lines.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--json") && r.err.contains("invalid JSON"), qPrintable(r.err));
        r = runCli({"tokenize", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--tokenizer-path") && r.out.contains("--special") && r.out.contains("--json"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
