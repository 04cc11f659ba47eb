// The project explorer's model and filter: grouping by day and by target/model, the columns a user scans (load from
// the stored configuration, failures), and filtering by name, tag and model through the QSortFilterProxyModel,
// every model under QAbstractItemModelTester while it is reset, regrouped and filtered.

#include "models/runlistmodel.h"
#include "pages/runsbrowserpage.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace tl;

namespace {

RunListEntry entry(const QString& id, const QString& name, const QString& model, const QString& day,
    const QByteArray& config, const QStringList& tags = {}, qint64 failures = 0)
{
    RunListEntry e;
    e.run.id = id;
    e.run.name = name;
    e.run.model = model;
    e.run.url = QStringLiteral("http://h/v1/chat/completions");
    e.run.status = QStringLiteral("completed");
    e.run.createdMs = QDateTime(QDate::fromString(day, Qt::ISODate), QTime(12, 0)).toMSecsSinceEpoch();
    e.run.pointCount = 2;
    e.run.requestCount = 30;
    e.run.configJson = config;
    e.run.tags = tags;
    e.failures = failures;
    return e;
}

QList<RunListEntry> sample()
{
    return {
        entry(QStringLiteral("a"), QStringLiteral("baseline"), QStringLiteral("qwen"), QStringLiteral("2026-01-02"),
            R"({"parallel": [1, 4, 16], "number": [10, 20, 40]})", {QStringLiteral("h100")}, 3),
        entry(QStringLiteral("b"), QStringLiteral("tuned"), QStringLiteral("qwen"), QStringLiteral("2026-01-03"),
            R"({"parallel": [20, 500]})"),
        entry(QStringLiteral("c"), QStringLiteral("open"), QStringLiteral("llama"), QStringLiteral("2026-01-03"),
            R"({"open_loop": true, "rate": [2, 5.5]})", {QStringLiteral("nightly")}),
    };
}

} // namespace

class TestRunListModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void flatListHasTheScannedColumns();
    void groupsByDateAndTarget();
    void filtersByNameTagAndModel_data();
    void filtersByNameTagAndModel();
    void contextMenuAsksForEachAction();
};

void TestRunListModel::flatListHasTheScannedColumns()
{
    RunListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(sample());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, RunListModel::Load).data().toString(), QStringLiteral("parallel 1, 4, 16"));
    QCOMPARE(model.index(1, RunListModel::Load).data().toString(), QStringLiteral("parallel 20, 500"));
    QCOMPARE(model.index(2, RunListModel::Load).data().toString(), QStringLiteral("rate 2, 5.5 req/s"));
    QCOMPARE(model.index(0, RunListModel::Failures).data(RunListModel::SortRole).toLongLong(), 3);
    QCOMPARE(model.index(0, RunListModel::Requests).data().toString(), QStringLiteral("30"));
    QCOMPARE(model.index(0, RunListModel::Status).data().toString(), QStringLiteral("completed"));
    QCOMPARE(model.headerData(RunListModel::Failures, Qt::Horizontal).toString(), QStringLiteral("Failures"));
    QCOMPARE(model.indexOf(QStringLiteral("c")).row(), 2);
    QVERIFY(!model.indexOf(QStringLiteral("zz")).isValid());
    QCOMPARE(model.run(QStringLiteral("b"))->name, QStringLiteral("tuned"));
    // A run with failed requests is marked (name, failures, status in vermillion, a swatch by the name); others not.
    for (int column : {int(RunListModel::Name), int(RunListModel::Failures), int(RunListModel::Status)})
        QCOMPARE(model.index(0, column).data(Qt::ForegroundRole).value<QColor>(), QColor(0xd5, 0x5e, 0x00));
    QVERIFY(model.index(0, RunListModel::Name).data(Qt::DecorationRole).isValid());
    QVERIFY(!model.index(1, RunListModel::Name).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(1, RunListModel::Name).data(Qt::DecorationRole).isValid());
}

void TestRunListModel::groupsByDateAndTarget()
{
    RunListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(sample());
    model.setGrouping(RunListModel::Grouping::Date);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex newest = model.index(0, 0);
    QVERIFY(newest.data(RunListModel::IsGroupRole).toBool());
    QVERIFY2(newest.data().toString().startsWith(QStringLiteral("2026-01-03")), qPrintable(newest.data().toString()));
    QCOMPARE(model.rowCount(newest), 2);
    QCOMPARE(model.rowCount(model.index(1, 0)), 1);
    const QModelIndex c = model.indexOf(QStringLiteral("c"), RunListModel::Model);
    QCOMPARE(c.data().toString(), QStringLiteral("llama"));
    QCOMPARE(c.parent(), newest);

    model.setGrouping(RunListModel::Grouping::Target);
    QCOMPARE(model.rowCount(), 2); // llama at h, qwen at h
    QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("llama")));
    QCOMPARE(model.rowCount(model.index(1, 0)), 2);
    QCOMPARE(model.indexOf(QStringLiteral("b")).parent().row(), 1);

    model.setGrouping(RunListModel::Grouping::None);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.indexOf(QStringLiteral("b")).parent().isValid());
}

void TestRunListModel::filtersByNameTagAndModel_data()
{
    QTest::addColumn<int>("grouping");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("shown");
    for (const auto grouping : {RunListModel::Grouping::None, RunListModel::Grouping::Date}) {
        const QByteArray g = grouping == RunListModel::Grouping::None ? "flat" : "by date";
        QTest::newRow(QByteArray(g + " name").constData())
            << int(grouping) << QStringLiteral("TUNED") << QStringList{QStringLiteral("b")};
        QTest::newRow(QByteArray(g + " tag").constData())
            << int(grouping) << QStringLiteral("nightly") << QStringList{QStringLiteral("c")};
        QTest::newRow(QByteArray(g + " model").constData())
            << int(grouping) << QStringLiteral("qwen") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow(QByteArray(g + " none").constData())
            << int(grouping) << QStringLiteral("mistral") << QStringList{};
        QTest::newRow(QByteArray(g + " empty").constData())
            << int(grouping) << QString() << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    }
}

void TestRunListModel::filtersByNameTagAndModel()
{
    QFETCH(int, grouping);
    QFETCH(QString, filter);
    QFETCH(QStringList, shown);
    RunsBrowserPage page;
    QAbstractItemModelTester modelTester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setRuns(QStringLiteral("p.tlproj"), sample());
    page.setGrouping(RunListModel::Grouping(grouping));
    page.setFilterText(filter);
    QStringList visible;
    const QAbstractItemModel* proxy = page.proxy();
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QModelIndex top = proxy->index(r, 0);
        if (!top.data(RunListModel::IsGroupRole).toBool())
            visible.append(top.data(RunListModel::RunIdRole).toString());
        for (int c = 0; c < proxy->rowCount(top); ++c)
            visible.append(proxy->index(c, 0, top).data(RunListModel::RunIdRole).toString());
    }
    visible.sort();
    QCOMPARE(visible, shown);
}

void TestRunListModel::contextMenuAsksForEachAction()
{
    RunsBrowserPage page;
    page.setRuns(QStringLiteral("p.tlproj"), sample());
    QSignalSpy rename(&page, &RunsBrowserPage::renameRequested);
    QSignalSpy tags(&page, &RunsBrowserPage::tagsRequested);
    QSignalSpy notes(&page, &RunsBrowserPage::notesRequested);
    QSignalSpy rerun(&page, &RunsBrowserPage::rerunRequested);
    QSignalSpy duplicate(&page, &RunsBrowserPage::duplicateRequested);
    QSignalSpy remove(&page, &RunsBrowserPage::deleteRequested);
    QSignalSpy open(&page, &RunsBrowserPage::runSelected);
    QMenu* menu = page.contextMenuFor(QStringLiteral("b"));
    for (const char* name : {"openRunAction", "renameRunAction", "tagRunAction", "noteRunAction", "rerunAction",
             "duplicateRunAction", "deleteRunAction"}) {
        auto* action = menu->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        action->trigger();
    }
    for (QSignalSpy* spy : {&rename, &tags, &notes, &rerun, &duplicate, &remove, &open}) {
        QCOMPARE(spy->count(), 1);
        QCOMPARE(spy->first().first().toString(), QStringLiteral("b"));
    }
}

QTEST_MAIN(TestRunListModel)
#include "tst_runlistmodel.moc"
