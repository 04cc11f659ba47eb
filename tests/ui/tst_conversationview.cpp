// The Results page's Conversations tab: requests grouped by (point, conversation), turns in order, single-turn
// requests left out; the tree model under QAbstractItemModelTester; the view groups on a pool thread.

#include "engine/runcontroller.h"
#include "pages/conversationview.h"
#include "pages/resultspage.h"
#include "sim/simserver.h"
#include "storage/projectstore.h"

#include <QAbstractItemModelTester>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace tl;

namespace {

RequestRecord turn(int seq, qint64 conversation, int index, bool success = true)
{
    RequestRecord r;
    r.seq = seq;
    r.success = success;
    r.conversationId = conversation;
    r.turnIndex = index;
    r.sentNs = 1000000LL * seq;
    r.endNs = r.sentNs + 5000000;
    r.eventNs = {r.sentNs + 2000000};
    r.eventFlags = {quint8(EventHasChoices | EventHasContent)};
    r.promptTokens = 10 * (index + 1);
    return r;
}

std::shared_ptr<const RunData> sampleRun()
{
    RunData run;
    run.id = QStringLiteral("r");
    PointResult p0;
    p0.index = 0;
    p0.records = {turn(0, 0, 0), turn(2, 0, 2), turn(1, 0, 1), turn(3, 1, 0), turn(4, 1, 1, false)};
    PointResult p1; // the same conversation id in another point is another conversation
    p1.index = 1;
    RequestRecord single;
    single.seq = 9;
    p1.records = {turn(0, 0, 0), single};
    run.points = {p0, p1};
    return std::make_shared<const RunData>(std::move(run));
}

} // namespace

class TestConversationView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void groupsByConversationInTurnOrder()
    {
        const QList<ConversationTreeModel::Group> groups = ConversationTreeModel::group(*sampleRun());
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups.at(0).point, 0);
        QCOMPARE(groups.at(0).conversationId, 0);
        QList<int> order;
        for (const RequestRecord& r : groups.at(0).turns)
            order.append(r.turnIndex);
        QCOMPARE(order, (QList<int>{0, 1, 2}));
        QCOMPARE(groups.at(1).turns.size(), 2);
        QCOMPARE(groups.at(2).point, 1);
        QCOMPARE(groups.at(2).turns.size(), 1); // the single-turn request is left out
    }

    void treeModel()
    {
        ConversationTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGroups(ConversationTreeModel::group(*sampleRun()));
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(model.rowCount(first), 3);
        QCOMPARE(model.index(2, ConversationTreeModel::Seq, first).data().toInt(), 2);
        QCOMPARE(model.index(2, ConversationTreeModel::Turn, first).data().toInt(), 3); // shown from 1
        QCOMPARE(model.index(1, ConversationTreeModel::Status).data().toString(), QStringLiteral("abandoned"));
        // A turn's latency ends at its last event (EvalScope's), the conversation's at its last turn's end.
        QCOMPARE(model.index(0, ConversationTreeModel::Latency, first).data(ConversationTreeModel::SortRole).toDouble(),
            0.002);
        QCOMPARE(
            model.index(0, ConversationTreeModel::Latency).data(ConversationTreeModel::SortRole).toDouble(), 0.007);
        QCOMPARE(model.rowCount(model.index(0, 1)), 0); // only column 0 has children
    }

    void viewGroupsOffTheGuiThread()
    {
        ConversationView view;
        QSignalSpy shown(&view, &ConversationView::conversationsShown);
        view.setRun(sampleRun());
        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(shown.first().first().toInt(), 3);
        QCOMPARE(view.model()->rowCount(), 3);
        view.setRun(nullptr);
        QCOMPARE(view.model()->rowCount(), 0);
    }

    // A multi-turn run stored by a real run against the emulated server: the Results page reads it lazily (its
    // points hold no records) and its Conversations tab still shows every conversation with its turns in order.
    void resultsPageShowsAStoredRunsConversations()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SimConfig sim;
        sim.ttftMs = 2;
        sim.itlMs = 1;
        SimServer server(sim);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString path = dir.filePath(QStringLiteral("conversations.tlproj"));
        auto store = ProjectStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        RunConfig c;
        c.url = server.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
        c.model = QStringLiteral("throughline-sim");
        c.maxTokens = 4;
        c.extraArgs = R"({"ignore_eos": true})";
        c.sleepInterval = 0;
        c.writeOutputs = false;
        c.noTestConnection = true;
        c.multiTurn = true;
        c.dataset = QStringLiteral("custom_multi_turn");
        c.datasetPath = QFINDTESTDATA("data/datasets/custom_multi_turn.jsonl");
        QVERIFY(!c.datasetPath.isEmpty());
        c.parallel = {1};
        c.number = {6}; // turns: the dataset's conversations of 3, 2 and 1 turns
        RunController controller;
        QSignalSpy finished(&controller, &RunController::runFinished);
        const ConfigErrors errors = controller.start(c, store.get());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        QVERIFY(finished.wait(60000));
        QVERIFY2(store->flush(&error), qPrintable(error));

        ResultsPage page;
        auto* view = page.findChild<ConversationView*>();
        QVERIFY(view);
        QSignalSpy shown(view, &ConversationView::conversationsShown);
        QSignalSpy loaded(&page, &ResultsPage::runLoaded);
        page.showRun(path, controller.runId());
        QVERIFY(loaded.wait(20000));
        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(shown.first().first().toInt(), 3);
        QList<int> turns;
        for (const ConversationTreeModel::Group& g : view->model()->groups()) {
            turns.append(int(g.turns.size()));
            for (int i = 0; i < g.turns.size(); ++i)
                QCOMPARE(g.turns.at(i).turnIndex, i);
        }
        std::sort(turns.begin(), turns.end());
        QCOMPARE(turns, (QList<int>{1, 2, 3}));
    }
};

QTEST_MAIN(TestConversationView)
#include "tst_conversationview.moc"
