#pragma once

#include "sim/simhttprequest.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tl {

// Incremental server-side HTTP/1.1 request parser: bytes may arrive split anywhere and several requests
// may arrive in one read (pipelining). Bodies are delimited by Content-Length only; a chunked request
// body is refused with 411 because no benchmark client sends one. Pure and I/O-free so it can be tested
// byte by byte. After Error the stream cannot be resynchronised and the connection must be closed.
class SimHttpParser final {
public:
    enum class Result { NeedMore, Ready, Error };

    static constexpr qsizetype MaxHeadBytes = qsizetype{64} * 1024;
    static constexpr qsizetype MaxBodyBytes = qsizetype{64} * 1024 * 1024;

    void append(QByteArrayView bytes) { m_buffer.append(bytes); }
    // Advances over the buffered bytes; on Ready the request is taken with takeRequest().
    Result parse();
    SimHttpRequest takeRequest();

    // True while the head of a request asking for "Expect: 100-continue" has been read but its body has not.
    bool expectsContinue() const { return m_haveHead && m_expectContinue; }
    int errorStatus() const { return m_errorStatus; }
    const QByteArray& errorMessage() const { return m_errorMessage; }
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    // No part of a request is buffered: the next bytes appended start a new one.
    bool idle() const { return !m_haveHead && m_buffer.isEmpty(); }

private:
    bool parseHead(QByteArrayView head);
    Result fail(int status, QByteArray message);

    QByteArray m_buffer;
    qsizetype m_scanFrom = 0; // where the search for the blank line resumes, so byte-wise input stays linear
    bool m_haveHead = false;
    bool m_expectContinue = false;
    qsizetype m_bodyLength = 0;
    SimHttpRequest m_current;
    SimHttpRequest m_ready;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
};

} // namespace tl
