#include "sim/simhttpparser.h"

#include <algorithm>
#include <utility>

namespace tl {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// Whether a comma-separated header value (Connection, Expect) lists `token`, case-insensitively.
bool listContains(QByteArrayView value, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype end = value.indexOf(',', start);
        if (end < 0)
            end = value.size();
        if (value.sliced(start, end - start).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

SimHttpParser::Result SimHttpParser::parse()
{
    if (m_errorStatus != 0)
        return Result::Error;

    if (!m_haveHead) {
        // RFC 9112 2.2: a server should ignore empty lines received before the request line.
        qsizetype skip = 0;
        while (skip + 1 < m_buffer.size() && m_buffer.at(skip) == '\r' && m_buffer.at(skip + 1) == '\n')
            skip += 2;
        if (skip > 0) {
            m_buffer.remove(0, skip);
            m_scanFrom = 0;
        }
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n", std::max<qsizetype>(0, m_scanFrom - 3));
        if (headEnd < 0) {
            m_scanFrom = m_buffer.size();
            if (m_buffer.size() > MaxHeadBytes)
                return fail(431, "request header fields too large");
            return Result::NeedMore;
        }
        if (headEnd + 4 > MaxHeadBytes)
            return fail(431, "request header fields too large");
        if (!parseHead(QByteArrayView(m_buffer).first(headEnd)))
            return Result::Error;
        m_buffer.remove(0, headEnd + 4);
        m_scanFrom = 0;
        m_haveHead = true;
    }

    if (m_buffer.size() < m_bodyLength)
        return Result::NeedMore;
    m_current.body = m_buffer.first(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    m_haveHead = false;
    m_expectContinue = false;
    m_bodyLength = 0;
    m_ready = std::exchange(m_current, SimHttpRequest{});
    return Result::Ready;
}

SimHttpRequest SimHttpParser::takeRequest()
{
    return std::exchange(m_ready, SimHttpRequest{});
}

bool SimHttpParser::parseHead(QByteArrayView head)
{
    SimHttpRequest request;
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);

    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        fail(400, "malformed request line");
        return false;
    }
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method) || !target.startsWith('/')) {
        fail(400, "malformed request line");
        return false;
    }
    if (version == "HTTP/1.1") {
        request.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        request.minorVersion = 0;
    } else if (version.startsWith("HTTP/")) {
        fail(505, "HTTP version not supported");
        return false;
    } else {
        fail(400, "malformed request line");
        return false;
    }
    request.method = method.toByteArray();
    const qsizetype question = target.indexOf('?');
    request.path = (question < 0 ? target : target.first(question)).toByteArray();
    if (question >= 0)
        request.query = target.sliced(question + 1).toByteArray();

    bool haveLength = false;
    qsizetype contentLength = 0;
    while (lineEnd >= 0) {
        const qsizetype start = lineEnd + 2;
        lineEnd = head.indexOf("\r\n", start);
        const QByteArrayView line = lineEnd < 0 ? head.sliced(start) : head.sliced(start, lineEnd - start);
        const qsizetype colon = line.indexOf(':');
        // A name must be a token with no whitespace before the colon (RFC 9112 5.1); folded lines are obsolete.
        if (colon <= 0 || !isToken(line.first(colon))) {
            fail(400, "malformed header line");
            return false;
        }
        QByteArray name = line.first(colon).toByteArray().toLower();
        QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
            const bool digitsOnly
                = std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; });
            if (!ok || !digitsOnly || value.isEmpty() || (haveLength && length != contentLength)) {
                fail(400, "invalid Content-Length");
                return false;
            }
            if (length > MaxBodyBytes) {
                fail(413, "request body too large");
                return false;
            }
            haveLength = true;
            contentLength = static_cast<qsizetype>(length);
        } else if (name == "transfer-encoding") {
            fail(411, "chunked request bodies are not supported; send Content-Length");
            return false;
        }
        request.headers.append({std::move(name), std::move(value)});
    }

    const QByteArray connection = request.header("connection");
    request.keepAlive
        = request.minorVersion >= 1 ? !listContains(connection, "close") : listContains(connection, "keep-alive");
    m_expectContinue = contentLength > 0 && listContains(request.header("expect"), "100-continue");
    m_bodyLength = contentLength;
    m_current = std::move(request);
    return true;
}

SimHttpParser::Result SimHttpParser::fail(int status, QByteArray message)
{
    m_errorStatus = status;
    m_errorMessage = std::move(message);
    return Result::Error;
}

} // namespace tl
