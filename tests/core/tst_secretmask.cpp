// SecretMask and the places that use it in config: what is a credential, how it is masked, and that a masked value
// read back is dropped rather than sent.
#undef QT_NO_CAST_FROM_ASCII

#include "config/commandline.h"
#include "config/parameterregistry.h"
#include "config/runconfig.h"
#include "config/secretmask.h"

#include <QTest>

class TestSecretMask final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void secretHeaders_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("marked"); // --secret-headers
        QTest::addColumn<bool>("secret");
        for (const char* n : {"Authorization", "authorization", "Proxy-Authorization", "api-key", "X-Api-Key",
                 "X-Goog-Api-Key", "X-Gateway-Token", "X-Client-Secret", "Cookie", "X-Password"})
            QTest::newRow(n) << QString::fromLatin1(n) << QStringList{} << true;
        for (const char* n : {"X-Team", "Content-Type", "X-Trace", "Accept", "X-Tenant-Id"})
            QTest::newRow(n) << QString::fromLatin1(n) << QStringList{} << false;
        QTest::newRow("marked") << "X-Tenant-Id" << QStringList{"X-Tenant-Id"} << true;
        QTest::newRow("marked, other case") << "x-TENANT-id" << QStringList{"X-Org", "X-Tenant-Id"} << true;
        QTest::newRow("another marked") << "X-Team" << QStringList{"X-Tenant-Id"} << false;
        QTest::newRow("a prefix is not the name") << "X-Tenant" << QStringList{"X-Tenant-Id"} << false;
    }
    void secretHeaders()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, marked);
        QFETCH(bool, secret);
        QCOMPARE(tl::SecretMask::isSecretHeader(name, marked), secret);
    }

    // A header marked with --secret-headers is masked wherever a key-named one is: the saved configuration, the
    // copied command, the config diff, the stored-config masking, a query item of that name, and it counts among the
    // credentials masked in messages. Unmarked, the same header is kept as it is (so the checks can fail).
    void markedHeaderIsMasked_data()
    {
        QTest::addColumn<QStringList>("marked");
        QTest::addColumn<bool>("masked");
        QTest::newRow("marked") << QStringList{"X-Tenant-Id"} << true;
        QTest::newRow("marked in lower case") << QStringList{"x-tenant-id"} << true;
        QTest::newRow("not marked") << QStringList{} << false;
        QTest::newRow("another header marked") << QStringList{"X-Org"} << false;
    }
    void markedHeaderIsMasked()
    {
        QFETCH(QStringList, marked);
        QFETCH(bool, masked);
        const QString value = "tn-Sh-1";
        tl::RunConfig c;
        c.model = "m";
        c.url = "http://host:8000/v1/chat/completions?x-tenant-id=tn-Sh-2&x=1";
        c.headers = {{"X-Tenant-Id", value}, {"X-Team", "perf"}};
        c.secretHeaders = marked;
        const QByteArray saved = c.toJson(false);
        const QString command = tl::CommandLine::toCommandLine(c, false);
        tl::RunConfig other = c;
        other.headers.clear();
        QString diff;
        for (const auto& d : tl::ParameterRegistry::configDiff(c, other))
            diff += d.before + u' ' + d.after + u'\n';
        QVERIFY2(diff.contains("X-Team=perf"), qPrintable(diff));
        for (const char* secret : {"tn-Sh-1", "tn-Sh-2"}) {
            QCOMPARE(saved.contains(secret), !masked);
            QCOMPARE(command.contains(QLatin1String(secret)), !masked);
            QCOMPARE(tl::SecretMask::maskConfigJson(c.toJson(true)).contains(secret), !masked);
            QCOMPARE(c.maskedUrl().contains(QLatin1String(secret)), !masked && secret == QByteArray("tn-Sh-2"));
        }
        QCOMPARE(diff.contains(value), !masked);
        QCOMPARE(c.secretValues().contains(value), masked);
        QVERIFY(saved.contains("perf"));
        QVERIFY(c.toJson(true).contains(value.toUtf8())); // the in-memory copy keeps it

        // Read back, the names are kept and the masked value is dropped, not sent.
        tl::ConfigErrors errors;
        const tl::RunConfig back = tl::RunConfig::fromJson(saved, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        QCOMPARE(back.secretHeaders, marked);
        QCOMPARE(back.headers.size(), masked ? 1 : 2);
        QCOMPARE(tl::SecretMask::secretHeadersOf(saved), marked);
    }

    void maskUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("masked");
        QTest::newRow("plain unchanged") << "http://10.0.0.5:8000/v1/chat/completions"
                                         << "http://10.0.0.5:8000/v1/chat/completions";
        QTest::newRow("user only unchanged") << "http://bench@host/v1"
                                             << "http://bench@host/v1";
        QTest::newRow("password") << "http://bench:pw-1@host:8000/v1"
                                  << "http://bench:**********@host:8000/v1";
        QTest::newRow("query key") << "https://host/v1?api-key=k1&x=2"
                                   << "https://host/v1?api-key=**********&x=2";
        QTest::newRow("not a url") << "localhost"
                                   << "localhost";
        // URLs QUrl refuses are named in the refusal (--url: '...' is not an http(s) URL): their password too is masked.
        QTest::newRow("invalid port") << "http://u:pw-2@127.0.0.1:99999/v1"
                                      << "http://u:**********@127.0.0.1:99999/v1";
        QTest::newRow("space in host") << "http://u:pw-3@bad host/v1"
                                       << "http://u:**********@bad host/v1";
        QTest::newRow("open bracket") << "http://u:pw-4@[::1/v1"
                                      << "http://u:**********@[::1/v1";
    }
    void maskUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, masked);
        QCOMPARE(tl::SecretMask::maskUrl(url), masked);
        QCOMPARE(tl::SecretMask::dropMaskedPassword(tl::SecretMask::maskUrl(url)).contains("**********@"), false);
    }

    // Saved configuration, copied command and the stored-config masking hold no credential, and reading the saved
    // configuration back sends none.
    void savedConfigHoldsNoSecret()
    {
        tl::RunConfig c;
        c.model = "m";
        c.url = "http://bench:pw-Cf-1@host:8000/v1/chat/completions";
        c.apiKey = "sk-Cf-2";
        c.headers = {{"X-Api-Key", "xk-Cf-3"}, {"Proxy-Authorization", "pa-Cf-4"}, {"X-Team", "perf"}};
        const QByteArray saved = c.toJson(false);
        const QString command = tl::CommandLine::toCommandLine(c, false);
        for (const char* secret : {"pw-Cf-1", "sk-Cf-2", "xk-Cf-3", "pa-Cf-4"}) {
            QVERIFY2(!saved.contains(secret), secret);
            QVERIFY2(!command.contains(QLatin1String(secret)), secret);
            QVERIFY2(!tl::SecretMask::maskConfigJson(c.toJson(true)).contains(secret), secret);
        }
        QVERIFY(saved.contains("perf"));
        QVERIFY(c.toJson(true).contains("sk-Cf-2")); // the in-memory copy for the GUI's own use keeps it

        tl::ConfigErrors errors;
        const tl::RunConfig back = tl::RunConfig::fromJson(saved, &errors);
        QVERIFY(back.apiKey.isEmpty());
        QVERIFY(!back.url.contains("**********"));
        QCOMPARE(back.headers, (QList<QPair<QString, QString>>{{"X-Team", "perf"}}));
        QVERIFY(back.secretValues().isEmpty() || !back.secretValues().contains("**********"));
    }

    // Every credential of a configuration, however it came (EvalScope's benchmark_args.json keeps wandb_api_key and
    // swanlab_api_key in plain text; an import may nest deeper than the parser's limit or be cut short), is masked
    // before the project stores it.
    void maskConfigJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArrayList>("secrets");
        QTest::addColumn<QByteArrayList>("kept");
        QTest::newRow("api_key") << QByteArray(R"({"api_key":"sk-Mj-1","model":"m"})") << QByteArrayList{"sk-Mj-1"}
                                 << QByteArrayList{"\"m\""};
        QTest::newRow("trackers") << QByteArray(R"({"wandb_api_key":"wb-Mj-2","swanlab_api_key":"sl-Mj-3","max_tokens":9})")
                                  << QByteArrayList{"wb-Mj-2", "sl-Mj-3"} << QByteArrayList{"\"max_tokens\": 9"};
        QByteArray deep = "1";
        for (int i = 0; i < 200; ++i)
            deep = "[" + deep + "]";
        QTest::newRow("nested too deep")
            << QByteArray(R"({"api_key":"sk-Mj-4","url":"http://u:pw-Mj-5@h/v1","headers":{"X-Api-Key":"xk-Mj-6"},)"
                          R"("extra_args":{"deep":)" + deep + "}}")
            << QByteArrayList{"sk-Mj-4", "pw-Mj-5", "xk-Mj-6"} << QByteArrayList{"\"extra_args\""};
        QTest::newRow("cut short") << QByteArray(R"({"model":"m","api_key" : "sk-Mj-7","tokenizer_path":"t","wandb":1})").chopped(4)
                                   << QByteArrayList{"sk-Mj-7"} << QByteArrayList{"\"tokenizer_path\":\"t\""};
        // Literals cut after they are written: moc counts the braces in raw strings and misreads \" in them.
        // Normal literals, not raw ones: moc misreads braces in raw strings (see below).
        QTest::newRow("marked header")
            << QByteArray("{'headers':{'x-tenant-id':'tn-Mj-9','X-Team':'perf'},'secret_headers':['X-Tenant-Id']}")
                   .replace('\'', '"')
            << QByteArrayList{"tn-Mj-9"} << QByteArrayList{"perf", "X-Tenant-Id"};
        QTest::newRow("marked header, one name")
            << QByteArray("{'headers':{'X-Org':'or-Mj-10'},'secret_headers':'x-org'}").replace('\'', '"')
            << QByteArrayList{"or-Mj-10"} << QByteArrayList{"X-Org"};
        QTest::newRow("marked query item")
            << QByteArray("{'url':'http://h/v1?x-org=or-Mj-11&a=1','secret_headers':['X-Org']}").replace('\'', '"')
            << QByteArrayList{"or-Mj-11"} << QByteArrayList{"a=1"};
        QTest::newRow("headers as pairs")
            << QByteArray("{'headers':[['X-Api-Key','xk-Mj-12'],['X-Org','or-Mj-13'],['X-Team','perf']],"
                          "'secret_headers':['X-Org']}")
                   .replace('\'', '"')
            << QByteArrayList{"xk-Mj-12", "or-Mj-13"} << QByteArrayList{"perf"};
        QTest::newRow("headers as K=V")
            << QByteArray("{'headers':['X-Api-Key=xk-Mj-14','X-Org=or-Mj-15','X-Team=perf'],"
                          "'secret_headers':['X-Org']}")
                   .replace('\'', '"')
            << QByteArrayList{"xk-Mj-14", "or-Mj-15"} << QByteArrayList{"X-Team=perf", "X-Org=*"};
        QTest::newRow("marked, nested too deep")
            << QByteArray("{'secret_headers':['X-Org'],'headers':{'X-Org':'or-Mj-16','X-Team':'perf'},"
                          "'extra_args':{'deep':")
                       .replace('\'', '"')
                + deep + "}}"
            << QByteArrayList{"or-Mj-16"} << QByteArrayList{"perf"};
        QTest::newRow("escaped quote") << QByteArray("{\"api_key\":\"sk-\\\"Mj-8\", \"x\":1}").chopped(2)
                                       << QByteArrayList{"Mj-8"}
                                       << QByteArrayList{"\"x\":"};
    }
    void maskConfigJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArrayList, secrets);
        QFETCH(QByteArrayList, kept);
        const QByteArray masked = tl::SecretMask::maskConfigJson(json);
        for (const QByteArray& secret : secrets)
            QVERIFY2(!masked.contains(secret), masked.constData());
        for (const QByteArray& k : kept)
            QVERIFY2(masked.contains(k), masked.constData());
        QVERIFY2(masked.contains("**********"), masked.constData());
    }

    void keyPrecedence()
    {
        qputenv("OPENAI_API_KEY", "from-openai");
        qputenv("TL_SECRETMASK_KEY", "from-named");
        tl::RunConfig c;
        QCOMPARE(c.effectiveApiKey(), QStringLiteral("from-openai"));
        c.apiKeyEnv = "TL_SECRETMASK_KEY";
        QCOMPARE(c.effectiveApiKey(), QStringLiteral("from-named"));
        c.apiKey = "from-flag";
        QCOMPARE(c.effectiveApiKey(), QStringLiteral("from-flag"));
        c.apiKey.clear();
        QVERIFY(!c.toJson(false).contains("from-named")); // the value is never saved
        QVERIFY(!c.toJson(true).contains("from-named"));
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("TL_SECRETMASK_KEY");
    }

    // A stored run name (an import, an older file) is not checked like --name: on export it still names one folder.
    void storedNamesStayOneFolder_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("folder");
        QTest::newRow("..") << ".."
                            << "_";
        QTest::newRow(".") << "."
                           << "_";
        QTest::newRow("../../x") << "../../x"
                                 << ".._.._x";
        QTest::newRow("absolute") << "/etc/x"
                                  << "_etc_x";
        QTest::newRow("backslash") << "a\\..\\b"
                                   << "a_.._b";
    }
    void storedNamesStayOneFolder()
    {
        QFETCH(QString, name);
        QFETCH(QString, folder);
        tl::RunConfig c;
        c.name = name;
        QCOMPARE(c.effectiveName(), folder);
    }

    void maskText()
    {
        QCOMPARE(tl::SecretMask::maskText("connect to http://u:pw@h failed", {"pw", QString()}),
            QStringLiteral("connect to http://u:**********@h failed"));
    }
};

QTEST_GUILESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
