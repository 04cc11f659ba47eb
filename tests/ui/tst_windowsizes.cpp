// The workbench from a 1024x640 screen to a 4K one (run a second time with QT_SCALE_FACTOR=2, as CTest does: a
// 3840x2160 grab of a 1920x1080 window): the setup form and the live page fit without horizontal clipping, Run and
// Stop stay in view, and every dock closed or floated comes back from the View menu. With THROUGHLINE_SCREENSHOT_DIR
// set it also writes the grabs (setup-WxH.png, live-WxH.png, in device pixels) to look at.
#include "demo/demo.h"
#include "mainwindow.h"
#include "sim/simserver.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tl;

class TestWindowSizes final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<SimServer>(Demo::simConfig());
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        const QString path = m_dir.filePath(QStringLiteral("sizes.tlproj"));
        m_window = std::make_unique<MainWindow>(Demo::runConfig(m_sim->baseUrl(), path), path);
        m_window->setDemoTarget(m_sim->baseUrl(), m_sim->config());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_sim.reset();
    }

    void pagesFit_data()
    {
        QTest::addColumn<QSize>("pixels"); // the screen, in device pixels
        QTest::newRow("1024x640") << QSize(1024, 640);
        QTest::newRow("4K") << QSize(3840, 2160);
    }

    void pagesFit()
    {
        QFETCH(QSize, pixels);
        const qreal dpr = m_window->devicePixelRatioF();
        if ((pixels.width() > 2000) != (dpr > 1.5))
            QSKIP("this size runs at the other scale factor (QT_SCALE_FACTOR=2 for 4K)");
        const QSize logical(qRound(pixels.width() / dpr), qRound(pixels.height() / dpr));
        QVERIFY2(m_window->minimumSizeHint().width() <= logical.width()
                && m_window->minimumSizeHint().height() <= logical.height(),
            qPrintable(QStringLiteral("the window needs at least %1x%2")
                           .arg(m_window->minimumSizeHint().width())
                           .arg(m_window->minimumSizeHint().height())));
        m_window->resize(logical);
        auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("pages"));
        QVERIFY(tabs);
        const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
        const QString suffix = QStringLiteral("-%1x%2.png").arg(pixels.width()).arg(pixels.height());
        for (int page : {0, 1}) {
            tabs->setCurrentIndex(page);
            QCoreApplication::sendPostedEvents();
            QCOMPARE(m_window->size(), logical);
            QWidget* current = tabs->currentWidget();
            // The page's scroll area scrolls down only: nothing is cut at the right edge.
            for (const QScrollArea* scroll : current->findChildren<QScrollArea*>()) {
                if (scroll->isVisible())
                    QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(scroll->objectName()));
            }
            const char* button = page == 0 ? "runButton" : "stopButton";
            auto* b = m_window->findChild<QPushButton*>(QString::fromLatin1(button));
            QVERIFY(b);
            const QRect inWindow(b->mapTo(m_window.get(), QPoint(0, 0)), b->size());
            QVERIFY2(m_window->rect().contains(inWindow), button);
            QVERIFY(!b->visibleRegion().isEmpty());
            if (!dir.isEmpty()) {
                QVERIFY(QDir().mkpath(dir));
                const QPixmap grab = m_window->grab();
                QCOMPARE(grab.size(), pixels); // in device pixels
                QVERIFY(grab.save(dir + (page == 0 ? QStringLiteral("/setup") : QStringLiteral("/live")) + suffix));
            }
        }
    }

    void viewMenuRestoresDocks()
    {
        QMenu* view = nullptr;
        for (QAction* a : m_window->menuBar()->actions()) {
            if (a->menu() && a->text().remove(u'&') == QStringLiteral("View"))
                view = a->menu();
        }
        QVERIFY(view);
        const QList<QDockWidget*> docks = m_window->findChildren<QDockWidget*>();
        QVERIFY(!docks.isEmpty());
        for (QDockWidget* dock : docks) {
            QVERIFY2(view->actions().contains(dock->toggleViewAction()), qPrintable(dock->objectName()));
            dock->close();
            QVERIFY(!dock->isVisible());
            dock->toggleViewAction()->trigger();
            QVERIFY(dock->isVisible());
            // A dock floated off a larger screen comes back docked onto this one.
            dock->setFloating(true);
            dock->move(5000, 5000);
            dock->close();
            dock->toggleViewAction()->trigger();
            QVERIFY(dock->isVisible());
            dock->setFloating(false);
            QVERIFY(m_window->rect().contains(QRect(dock->mapTo(m_window.get(), QPoint(0, 0)), QSize(1, 1))));
        }
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestWindowSizes)
#include "tst_windowsizes.moc"
