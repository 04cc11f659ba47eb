#include "api/sseparser.h"

namespace tl {

qsizetype SseParser::feed(QByteArrayView bytes, QList<SseEvent>& out)
{
    qsizetype added = 0;
    qsizetype pos = 0;
    const qsizetype n = bytes.size();
    if (m_skipLf && n > 0 && bytes.at(0) == '\n')
        pos = 1;
    m_skipLf = false;
    while (pos < n) {
        qsizetype end = pos;
        while (end < n && bytes.at(end) != '\n' && bytes.at(end) != '\r')
            ++end;
        if (end == n) {
            m_line.append(bytes.sliced(pos));
            break;
        }
        if (m_line.isEmpty()) {
            processLine(bytes.sliced(pos, end - pos), out, added);
        } else {
            m_line.append(bytes.sliced(pos, end - pos));
            processLine(m_line, out, added);
            m_line.clear();
        }
        if (bytes.at(end) == '\r') {
            if (end + 1 < n) {
                if (bytes.at(end + 1) == '\n')
                    ++end;
            } else {
                m_skipLf = true;
            }
        }
        pos = end + 1;
    }
    return added;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent>& out, qsizetype& added)
{
    if (line.isEmpty()) {
        if (m_hasData) {
            out.append(std::move(m_current));
            ++added;
        }
        m_current = SseEvent();
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (!value.isEmpty() && value.front() == ' ')
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_current.data.append('\n');
        m_current.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value.toByteArray();
    }
    // id, retry and unknown fields carry nothing a benchmark needs.
}

bool SseParser::finish(SseEvent& out)
{
    if (!m_line.isEmpty()) {
        QList<SseEvent> sink;
        qsizetype added = 0;
        processLine(m_line, sink, added);
        m_line.clear();
    }
    const bool pending = m_hasData;
    if (pending)
        out = std::move(m_current);
    m_current = SseEvent();
    m_hasData = false;
    m_skipLf = false;
    return pending;
}

void SseParser::reset()
{
    m_line.clear();
    m_current = SseEvent();
    m_hasData = false;
    m_skipLf = false;
}

} // namespace tl
