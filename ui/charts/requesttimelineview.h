#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

namespace tl {

// One bar per request of a point, from its send to its last token (or its end), the first token marked and failures
// coloured by class; requests stacked by send time. Painted directly (QtCharts would need one item per bar): past
// a few pixels per bar the requests are drawn as 1-pixel lines, and past kMaxDrawn successful requests only every
// k-th is drawn (failures always), so a point of a million requests paints in a few milliseconds.
class RequestTimelineView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestTimelineView)

public:
    static constexpr int kMaxDrawn = 20000;
    struct Bar {
        float startS = 0; // send, seconds since the point's first send
        float firstS = -1; // first token; < 0: none
        float endS = 0;
        quint8 errorClass = 0; // ErrorClass; 0 = success
    };

    explicit RequestTimelineView(QWidget* parent = nullptr);
    ~RequestTimelineView() override;

    void setTitle(const QString& title);
    QString title() const { return m_title; }
    // `bars` sorted by startS.
    void setBars(const QVector<Bar>& bars);
    int barCount() const { return int(m_bars.size()); }
    int lastDrawnCount() const { return m_lastDrawn; }
    QSize sizeHint() const override { return {560, 320}; }

protected:
    void paintEvent(class QPaintEvent* event) override;

private:
    QString m_title;
    QVector<Bar> m_bars;
    float m_maxEndS = 0;
    QList<quint8> m_classes; // failure classes present, for the legend
    int m_lastDrawn = 0;
};

} // namespace tl
