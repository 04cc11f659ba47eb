// Credentials given every way the CLI takes them (--api-key, a password in --url, key-carrying --headers, headers
// marked with --secret-headers, --api-key-env, OPENAI_API_KEY) reach the server and are written nowhere: not in the
// project file, the output tree, any export format, `runs show`, or the CLI's own output with --debug.
#undef QT_NO_CAST_FROM_ASCII

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString binary(const char* name)
{
    return QStringLiteral(THROUGHLINE_BINARY_DIR "/app/") + QLatin1String(name);
}

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// `env` entries are NAME=VALUE added to an environment that never holds OPENAI_API_KEY unless a row sets it.
Result runCli(const QStringList& args, const QStringList& env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("OPENAI_API_KEY"));
    for (const QString& kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    p.start(binary("throughline-cli"), args);
    Result r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Every file under `root` (or `root` itself) whose bytes contain `secret`.
QStringList filesContaining(const QString& root, const QByteArray& secret)
{
    QStringList hits;
    QStringList files;
    if (QFileInfo(root).isFile()) {
        files << root;
    } else {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    for (const QString& path : files) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(secret))
            hits << path;
    }
    return hits;
}

} // namespace

class TestCliSecrets final : public QObject {
    Q_OBJECT

private:
    QProcess m_sim;
    QString m_base; // http://127.0.0.1:PORT
    const QString m_serverKey = QStringLiteral("sk-server-Zq81xW");

private Q_SLOTS:
    void initTestCase()
    {
        // The emulated server answers 401 to any other bearer token, so a run that succeeds sent the key.
        m_sim.start(
            binary("throughline-sim"), {"--port", "0", "--ttft-ms", "5", "--itl-ms", "1", "--api-key", m_serverKey});
        QVERIFY(m_sim.waitForStarted());
        static const QRegularExpression line(QStringLiteral("listening on (http://\\S+)"));
        QString seen;
        while (m_base.isEmpty() && m_sim.waitForReadyRead(10000)) {
            seen += QString::fromUtf8(m_sim.readAllStandardOutput());
            if (const auto m = line.match(seen); m.hasMatch())
                m_base = m.captured(1);
        }
        QVERIFY2(!m_base.isEmpty(), qPrintable(seen));
    }

    void cleanupTestCase()
    {
        m_sim.terminate();
        m_sim.waitForFinished();
    }

    void secretsReachTheServerAndNoFile_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QStringList>("secrets");
        QTest::addColumn<QStringList>("kept"); // values that are no credential: found in the project and outputs
        const QString plain = QStringLiteral("%1/v1");
        const QString key = m_serverKey;
        QTest::newRow("--api-key") << plain << QStringList{"--api-key", key} << QStringList{} << QStringList{key}
                                   << QStringList{};
        QTest::newRow("password in --url")
            << QStringLiteral("http://bench:pw-Url-7Hq2@%1/v1") << QStringList{"--api-key", key} << QStringList{}
            << QStringList{"pw-Url-7Hq2", key} << QStringList{};
        QTest::newRow("--headers") << plain
                                   << QStringList{"--headers", "Authorization=Bearer " + key, "X-Api-Key=xk-Hd-41",
                                          "api-key=ak-Hd-42", "Proxy-Authorization=Basic pa-Hd-43",
                                          "X-Gateway-Token=gt-Hd-44", "X-Team=perf"}
                                   << QStringList{} << QStringList{key, "xk-Hd-41", "ak-Hd-42", "pa-Hd-43", "gt-Hd-44"}
                                   << QStringList{"perf"};
        QTest::newRow("--api-key-env") << plain << QStringList{"--api-key-env", "TL_TEST_SERVER_KEY"}
                                       << QStringList{"TL_TEST_SERVER_KEY=" + key} << QStringList{key} << QStringList{};
        QTest::newRow("OPENAI_API_KEY") << plain << QStringList{} << QStringList{"OPENAI_API_KEY=" + key}
                                        << QStringList{key} << QStringList{};
        // Headers the user marks secret (--secret-headers, any case), in the URL's query too. X-Tenant-Token is
        // masked by its name alone; X-Tenant-Id only when marked, and without the flag its value is written (the row
        // that shows this search finds a value that is there).
        QTest::newRow("X-Tenant-Token")
            << plain << QStringList{"--api-key", key, "--headers", "X-Tenant-Token=tt-Mk-51"} << QStringList{}
            << QStringList{key, "tt-Mk-51"} << QStringList{};
        QTest::newRow("X-Tenant-Token with --secret-headers")
            << plain
            << QStringList{"--api-key", key, "--headers", "X-Tenant-Token=tt-Mk-52", "--secret-headers",
                   "X-Tenant-Token"}
            << QStringList{} << QStringList{key, "tt-Mk-52"} << QStringList{};
        QTest::newRow("X-Tenant-Id with --secret-headers")
            << QStringLiteral("%1/v1/chat/completions?x-tenant-id=ti-Mk-54")
            << QStringList{"--api-key", key, "--headers", "X-Tenant-Id=ti-Mk-53", "X-Org=or-Mk-55", "X-Team=perf",
                   "--secret-headers", "x-tenant-id", "X-ORG"}
            << QStringList{} << QStringList{key, "ti-Mk-53", "ti-Mk-54", "or-Mk-55"} << QStringList{"perf"};
        QTest::newRow("X-Tenant-Id without --secret-headers")
            << QStringLiteral("%1/v1/chat/completions?x-tenant-id=ti-Mk-57")
            << QStringList{"--api-key", key, "--headers", "X-Tenant-Id=ti-Mk-56"} << QStringList{} << QStringList{key}
            << QStringList{"ti-Mk-56", "ti-Mk-57"};
    }
    void secretsReachTheServerAndNoFile()
    {
        QFETCH(QString, url);
        QFETCH(QStringList, args);
        QFETCH(QStringList, env);
        QFETCH(QStringList, secrets);
        QFETCH(QStringList, kept);
        QTemporaryDir dir;
        const QString project = dir.filePath("p.tlproj");
        const QString outputs = dir.filePath("out");
        const QString exports = dir.filePath("exports");
        QVERIFY(QDir().mkpath(exports));
        const QString hostPort = m_base.mid(QStringLiteral("http://").size());
        Result r = runCli(QStringList{"run", "--url", url.arg(url.startsWith("%1") ? m_base : hostPort), "--model", "m",
                              "--number", "3", "--max-tokens", "2", "--sleep-interval", "0", "--project", project,
                              "--outputs-dir", outputs, "--debug"}
                + args,
            env);
        QVERIFY2(r.exitCode == 0, r.err.constData()); // the server accepted the key
        QByteArray printed = QByteArray(r.out + r.err);

        for (const QString format : {"evalscope", "csv", "json", "html"}) {
            const bool folder = format == u"evalscope" || format == u"csv";
            const QString target = exports + u'/' + format + (folder ? QString() : u'.' + format);
            r = runCli({"runs", "export", "latest", "--project", project, "--format", format, "--output", target});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(QFileInfo::exists(target));
            printed += r.out + r.err;
        }
        r = runCli({"runs", "show", "latest", "--project", project});
        QCOMPARE(r.exitCode, 0);
        printed += r.out + r.err;

        for (const QString& secret : secrets) {
            const QByteArray s = secret.toUtf8();
            // The whole temporary folder: project file (and any -wal/-shm), output tree and every export.
            const QStringList hits = filesContaining(dir.path(), s);
            QVERIFY2(hits.isEmpty(), qPrintable(secret + " in " + hits.join(", ")));
            QVERIFY2(!printed.contains(s), qPrintable(secret + " printed: " + QString::fromUtf8(printed)));
        }
        for (const QString& value : kept) {
            const QByteArray v = value.toUtf8();
            QVERIFY2(!(filesContaining(project, v) + filesContaining(project + "-wal", v)).isEmpty(),
                qPrintable(value + " not in the project file"));
            QVERIFY2(!filesContaining(outputs, v).isEmpty(), qPrintable(value + " not in the output tree"));
            QVERIFY2(!filesContaining(exports, v).isEmpty(), qPrintable(value + " not in the exports"));
        }
    }

    // A masked key, header or password read back (run --config benchmark_args.json) is not sent: the run goes out
    // without credentials and the server refuses every request.
    void maskedValuesReadBackAreNotSent()
    {
        QTemporaryDir dir;
        const QString outputs = dir.filePath("out");
        Result r = runCli({"run", "--url", "http://u:pw-Rb-9@" + m_base.mid(7) + "/v1", "--model", "m", "--number", "1",
            "--max-tokens", "1", "--outputs-dir", outputs, "--no-timestamp", "--api-key", m_serverKey, "--headers",
            "X-Api-Key=xk-Rb-8"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString args = outputs + "/m/parallel_1_number_1/benchmark_args.json";
        QFile f(args);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray saved = f.readAll();
        QVERIFY(saved.contains("**********"));
        r = runCli({"run", "--config", args, "--no-outputs", "--no-test-connection"});
        QCOMPARE(r.exitCode, 4); // every request refused: the mask was not taken for the key
        QVERIFY2(!QByteArray(r.out + r.err).contains("pw-Rb-9"), r.err.constData());
    }

    // EvalScope writes the key in plain text: an imported run's configuration and URL are masked when stored, the
    // headers its secret_headers marks included.
    void importedKeysAreMasked()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath("evalscope/parallel_4_number_8");
        QVERIFY(QDir().mkpath(source));
        const QString fixture = QFINDTESTDATA("data/import/evalscope-summary-only/parallel_4_number_8");
        QVERIFY(!fixture.isEmpty());
        for (const QString& file : QDir(fixture).entryList(QDir::Files))
            QVERIFY(QFile::copy(fixture + u'/' + file, source + u'/' + file));
        QFile args(source + "/benchmark_args.json");
        QVERIFY(args.open(QIODevice::ReadOnly));
        QByteArray text = args.readAll();
        args.close();
        text.replace("\"url\": \"http://127.0.0.1", "\"url\": \"http://u:pw-Im-1@127.0.0.1");
        // A header marked secret by the file's own secret_headers (Throughline's key, kept in its output trees).
        text.replace("\"headers\": {}",
            "\"headers\": {\"X-Api-Key\": \"xk-Im-3\", \"X-Tenant-Id\": \"ti-Im-4\"}, "
            "\"secret_headers\": [\"X-Tenant-Id\"]");
        text.replace("\"api_key\": null", "\"api_key\": \"sk-Im-2\"");
        for (const char* value : {"pw-Im-1", "xk-Im-3", "sk-Im-2", "ti-Im-4"})
            QVERIFY(text.contains(value));
        QVERIFY(args.open(QIODevice::WriteOnly | QIODevice::Truncate));
        args.write(text);
        args.close();

        const QString work = dir.filePath("work");
        QVERIFY(QDir().mkpath(work));
        const QString project = work + "/p.tlproj";
        Result r = runCli({"runs", "import", dir.filePath("evalscope"), "--project", project, "--format", "evalscope"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QByteArray printed = QByteArray(r.out + r.err);
        for (const QString format : {"evalscope", "json", "html"}) {
            r = runCli({"runs", "export", "latest", "--project", project, "--format", format, "--output",
                work + u'/' + format + (format == u"evalscope" ? QString() : u'.' + format)});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            printed += r.out + r.err;
        }
        r = runCli({"runs", "show", "latest", "--project", project});
        printed += r.out + r.err;
        for (const char* secret : {"pw-Im-1", "xk-Im-3", "sk-Im-2", "ti-Im-4"}) {
            const QStringList hits = filesContaining(work, secret);
            QVERIFY2(hits.isEmpty(), qPrintable(QLatin1String(secret) + " in " + hits.join(", ")));
            QVERIFY2(!printed.contains(secret), secret);
        }
    }

    void unsetKeyVariableIsRefused()
    {
        const Result r = runCli({"run", "--url", m_base + "/v1", "--model", "m", "--number", "1", "--no-outputs",
            "--api-key-env", "TL_TEST_NOT_SET_ANYWHERE"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--api-key-env") && r.err.contains("TL_TEST_NOT_SET_ANYWHERE"), r.err.constData());
    }

    void nameCannotLeaveTheOutputsDir_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("..") << "..";
        QTest::newRow(".") << ".";
        QTest::newRow("../../x") << "../../x";
        QTest::newRow("absolute") << "/tmp/tl-escape";
        QTest::newRow("separator") << "a/b";
        QTest::newRow("backslash") << "a\\b";
    }
    void nameCannotLeaveTheOutputsDir()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString outputs = dir.filePath("deep/out");
        const Result r = runCli({"run", "--url", m_base + "/v1", "--model", "m", "--api-key", m_serverKey, "--number",
            "1", "--outputs-dir", outputs, "--name", name});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--name"), r.err.constData());
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_clisecrets.moc"
