#include "pages/resultspage.h"
#include "pages/resultspage_p.h"

#include "models/requesttable.h"
#include "models/requesttablemodel.h"
#include "storage/projectreader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <optional>

namespace tl {

QWidget* ResultsPage::buildRequestsTab()
{
    auto* tab = new QWidget(this);
    m_failedOnly = new QCheckBox(tr("Failed only"), tab);
    m_failedOnly->setObjectName(QStringLiteral("failedOnly"));
    m_classFilter = new QComboBox(tab);
    m_classFilter->setObjectName(QStringLiteral("classFilter"));
    m_classFilter->addItem(tr("Any outcome"), -1);
    for (int c = int(ErrorClass::ConnectionRefused); c <= int(ErrorClass::MalformedResponse); ++c)
        m_classFilter->addItem(errorClassName(ErrorClass(c)), c);
    m_pointFilter = new QComboBox(tab);
    m_pointFilter->setObjectName(QStringLiteral("pointFilter"));
    m_slowest = new QSpinBox(tab);
    m_slowest->setObjectName(QStringLiteral("slowestN"));
    m_slowest->setRange(0, 1000000);
    m_slowest->setSpecialValueText(tr("all"));
    m_slowest->setPrefix(tr("slowest "));
    m_slowest->setToolTip(tr("Only the N requests with the longest latency (0: all)"));
    m_requestCount = new QLabel(tab);
    m_requestCount->setObjectName(QStringLiteral("requestCount"));
    auto* exportCsv = new QPushButton(tr("Export CSV…"), tab);
    exportCsv->setObjectName(QStringLiteral("exportRequestsButton"));
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_failedOnly);
    filters->addWidget(m_classFilter);
    filters->addWidget(m_pointFilter);
    filters->addWidget(m_slowest);
    filters->addWidget(m_requestCount, 1);
    filters->addWidget(exportCsv);

    m_requestView = new QTableView(tab);
    m_requestView->setObjectName(QStringLiteral("requestTable"));
    m_requestView->setModel(m_requests);
    m_requestView->setSortingEnabled(true);
    m_requestView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_requestView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_requestView->setAlternatingRowColors(true);
    m_requestView->setWordWrap(false);
    // Fixed row heights: the view never measures a row, so a million rows scroll like ten.
    m_requestView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_requestView->verticalHeader()->setDefaultSectionSize(m_requestView->fontMetrics().height() + 6);
    m_requestView->verticalHeader()->hide();
    m_requestView->horizontalHeader()->setStretchLastSection(true);
    m_requestView->horizontalHeader()->setSortIndicatorShown(true);
    addTableActions(m_requestView, tr("requests"));
    m_detail = new QTextBrowser(tab);
    m_detail->setObjectName(QStringLiteral("requestDetail"));
    m_detail->setPlaceholderText(tr("Pick a request to see its timings, events, tokens and error."));
    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->addWidget(m_requestView);
    splitter->addWidget(m_detail);
    splitter->setSizes({700, 320});
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_failedOnly, &QCheckBox::toggled, this, &ResultsPage::updateRequestFilter);
    connect(m_classFilter, &QComboBox::currentIndexChanged, this, &ResultsPage::updateRequestFilter);
    connect(m_pointFilter, &QComboBox::currentIndexChanged, this, &ResultsPage::updateRequestFilter);
    connect(m_slowest, &QSpinBox::valueChanged, this, &ResultsPage::updateRequestFilter);
    connect(m_requestView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ResultsPage::showRequestDetail);
    connect(m_requests, &QAbstractItemModel::modelReset, this, &ResultsPage::showRequestDetail);
    connect(exportCsv, &QPushButton::clicked, this, [this] { askExportTable(m_requests, tr("requests")); });
    return tab;
}

void ResultsPage::updateRequestFilter()
{
    RequestTableModel::Filter f;
    f.failedOnly = m_failedOnly->isChecked();
    f.errorClass = m_classFilter->currentData().toInt();
    f.point = m_pointFilter->currentIndex() >= 0 ? m_pointFilter->currentData().toInt() : -1;
    f.slowest = m_slowest->value();
    m_requests->setFilter(f);
    m_requestCount->setText(
        tr("%1 of %2 requests")
            .arg(QLocale().toString(m_requests->rowCount()), QLocale().toString(m_requests->totalCount())));
}

void ResultsPage::showRequestDetail()
{
    const QModelIndex current = m_requestView->currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    const int t = m_requests->tableRow(row);
    m_requestCount->setText(
        tr("%1 of %2 requests")
            .arg(QLocale().toString(m_requests->rowCount()), QLocale().toString(m_requests->totalCount())));
    ++m_detailGeneration;
    const QString pointLabel
        = row >= 0 ? m_requests->index(row, RequestTableModel::Point).data().toString() : QString();
    if (const RequestRecord* kept = m_requests->record(row)) {
        showRecordDetail(*kept, pointLabel);
        return;
    }
    const int p = t >= 0 && m_requestTable ? m_requestTable->point.at(t) : -1;
    if (t < 0 || !m_run || p < 0 || p >= m_points.size() || m_projectPath.isEmpty()) {
        m_detail->clear();
        Q_EMIT requestDetailShown();
        return;
    }
    // The request in full (every event) from the project file, on a pool thread.
    const int generation = m_detailGeneration;
    const QString path = m_projectPath;
    const QString runId = m_run->id;
    const int stored = m_points.at(p).index;
    const int seq = m_requestTable->seq.at(t);
    auto* watcher = new QFutureWatcher<std::optional<RequestRecord>>(this);
    connect(watcher, &QFutureWatcher<std::optional<RequestRecord>>::finished, this,
        [this, watcher, generation, pointLabel] {
            watcher->deleteLater();
            if (generation != m_detailGeneration)
                return;
            const std::optional<RequestRecord> r = watcher->result();
            if (r) {
                showRecordDetail(*r, pointLabel);
                return;
            }
            m_detail->setPlainText(tr("The request could not be read from the project file."));
            Q_EMIT requestDetailShown();
        });
    watcher->setFuture(QtConcurrent::run([path, runId, stored, seq]() -> std::optional<RequestRecord> {
        ProjectReader reader;
        QString error;
        if (!reader.open(path, &error))
            return std::nullopt;
        return reader.request(runId, stored, seq);
    }));
}

void ResultsPage::showRecordDetail(const RequestRecord& record, const QString& pointLabel)
{
    const RequestRecord* r = &record;
    const auto ms = [r](qint64 ns) {
        return ns > 0 ? QStringLiteral("%1 ms").arg(double(ns - r->sentNs) / 1e6, 0, 'f', 3) : QStringLiteral("—");
    };
    QString html = QStringLiteral("<h3>%1</h3><table>")
                       .arg(tr("Request %1 of point %2").arg(r->seq).arg(pointLabel).toHtmlEscaped());
    const auto rowHtml = [&html](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    rowHtml(tr("Outcome"), r->success ? tr("succeeded") : errorClassName(r->errorClass));
    rowHtml(tr("HTTP status"), r->httpStatus > 0 ? QString::number(r->httpStatus) : tr("none"));
    rowHtml(tr("Stream"), r->stream ? tr("yes") : tr("no"));
    rowHtml(tr("Sent"), tr("%1 s after the run started").arg(double(r->sentNs) / 1e9, 0, 'f', 6));
    rowHtml(tr("Scheduled"), r->scheduledNs > 0 ? ms(r->scheduledNs) : QStringLiteral("—"));
    rowHtml(tr("Headers"), ms(r->headersNs));
    rowHtml(tr("First token"), ms(r->firstChoicesNs()));
    rowHtml(tr("Last token"), ms(r->completedNs()));
    rowHtml(tr("End"), ms(r->endNs));
    if (r->success) {
        rowHtml(tr("TTFT"), QStringLiteral("%1 ms").arg(r->ttftS() * 1000, 0, 'f', 3));
        rowHtml(tr("Latency"), QStringLiteral("%1 ms").arg(r->latencyS() * 1000, 0, 'f', 3));
        rowHtml(tr("TPOT"), QStringLiteral("%1 ms").arg(r->tpotS() * 1000, 0, 'f', 3));
    }
    rowHtml(tr("Prompt tokens"), r->promptTokens >= 0 ? QString::number(r->promptTokens) : tr("unknown"));
    rowHtml(tr("Output tokens"), r->completionTokens >= 0 ? QString::number(r->completionTokens) : tr("unknown"));
    rowHtml(tr("Cached tokens"), r->cachedTokens >= 0 ? QString::number(r->cachedTokens) : tr("unknown"));
    rowHtml(tr("Token counts from"), tokenSourceName(r->tokenSource));
    rowHtml(tr("Bytes received"), QLocale().toString(r->bytesReceived));
    rowHtml(tr("Resends"), QString::number(r->retries));
    if (!r->responseId.isEmpty())
        rowHtml(tr("Response id"), QString::fromUtf8(r->responseId));
    if (!r->requestId.isEmpty())
        rowHtml(tr("Trace request id"), r->requestId);
    html += QStringLiteral("</table>");
    if (!r->requestBody.isEmpty())
        html += QStringLiteral("<h4>%1</h4><pre>%2</pre>")
                    .arg(tr("Request body"), QString::fromUtf8(r->requestBody.left(4000)).toHtmlEscaped());
    if (!r->success)
        html += QStringLiteral("<h4>%1</h4><pre>%2</pre>").arg(tr("Error"), r->errorMessage.left(4000).toHtmlEscaped());
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("Response text"),
                    tr("Throughline stores timings and token counts, not the generated text.").toHtmlEscaped());
    constexpr int kShownEvents = 200;
    QStringList events;
    for (int i = 0; i < r->eventNs.size() && i < kShownEvents; ++i) {
        const quint8 f = i < r->eventFlags.size() ? r->eventFlags.at(i) : 0;
        events << QStringLiteral("%1 ms%2")
                      .arg(double(r->eventNs.at(i) - r->sentNs) / 1e6, 0, 'f', 3)
                      .arg((f & EventHasContent) ? QString() : QStringLiteral(" (no text)"));
    }
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("%n data events, ms after the send", nullptr, int(r->eventNs.size())),
                    QString(events.join(QStringLiteral(", "))
                        + (r->eventNs.size() > kShownEvents ? QStringLiteral(", …") : QString()))
                        .toHtmlEscaped());
    m_detail->setHtml(html);
    Q_EMIT requestDetailShown();
}

} // namespace tl
