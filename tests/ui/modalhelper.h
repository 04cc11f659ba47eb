#pragma once

// Answers the next modal dialog (QInputDialog, QMessageBox) the code under test opens with exec(): a timer polls the
// event loop for the active modal widget and hands it to `answer`, so a test can drive a dialog without sleeping.

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>

inline void answerNextModal(std::function<void(QWidget*)> answer)
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer = std::move(answer)] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        timer->stop();
        timer->deleteLater();
        answer(modal);
    });
    timer->start();
}
