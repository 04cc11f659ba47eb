// The setup form's model drop-down: ModelListFetcher against the emulated server in-process, and its parser on
// the answers real servers give.

#include "engine/modellistfetcher.h"
#include "sim/simserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace tl;

class TestModelListFetcher final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelsUrlBesideTheEndpoint_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("models");
        QTest::newRow("chat") << "http://h:8000/v1/chat/completions"
                              << "http://h:8000/v1/models";
        QTest::newRow("prefixed") << "https://h/api/v1/completions?x=1"
                                  << "https://h/api/v1/models";
        QTest::newRow("no v1") << "http://h:1/generate"
                               << "http://h:1/v1/models";
    }

    void modelsUrlBesideTheEndpoint()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, models);
        QCOMPARE(ModelListFetcher::modelsUrl(QUrl(endpoint)).toString(), models);
    }

    void parsesIdsInOrder()
    {
        QString error;
        QCOMPARE(ModelListFetcher::parseModelIds(
                     R"({"object":"list","data":[{"id":"b"},{"id":"a"},{"id":"b"},{"x":1},{"id":""}]})", &error),
            (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
        QVERIFY(error.isEmpty());
        QVERIFY(ModelListFetcher::parseModelIds("<html>", &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void fetchesFromTheEmulatedServer()
    {
        SimConfig sim;
        sim.modelName = QStringLiteral("qwen-sim");
        SimServer server(sim);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        ModelListFetcher fetcher;
        QSignalSpy fetched(&fetcher, &ModelListFetcher::modelsFetched);
        QSignalSpy failed(&fetcher, &ModelListFetcher::failed);
        fetcher.fetch(QUrl(server.baseUrl().toString() + QStringLiteral("/v1/chat/completions")), QStringLiteral("k"));
        QVERIFY(fetcher.isRunning()); // asynchronous: nothing waits in fetch()
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 10000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(fetched.first().first().toStringList(), QStringList{QStringLiteral("qwen-sim")});
        QVERIFY(!fetcher.isRunning());
    }

    void failsWhenNothingListens()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ModelListFetcher fetcher;
        QSignalSpy fetched(&fetcher, &ModelListFetcher::modelsFetched);
        QSignalSpy failed(&fetcher, &ModelListFetcher::failed);
        fetcher.fetch(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port)), QString());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(fetched.size(), 0);
        QVERIFY(failed.first().first().toString().contains(QString::number(port)));
    }
};

QTEST_GUILESS_MAIN(TestModelListFetcher)
#include "tst_modellistfetcher.moc"
