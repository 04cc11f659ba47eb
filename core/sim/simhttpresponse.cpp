// SimProtocol's HTTP framing: status lines and headers as vLLM behind uvicorn writes them, and whole responses
// (JSON, error, empty, 100 Continue, plain text, the head of an SSE stream).

#include "sim/simprotocol.h"

#include <cstdio>
#include <ctime>

namespace tl {

namespace {

// RFC 9110 IMF-fixdate, rebuilt at most once a second per thread. Day and month names are spelled out
// because strftime would follow the locale that QCoreApplication installs.
QByteArray httpDate()
{
    thread_local std::time_t cachedSecond = -1;
    thread_local QByteArray cached;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        static constexpr const char* Days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
        static constexpr const char* Months[]
            = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        char text[40];
        std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", Days[tm.tm_wday], tm.tm_mday,
            Months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
        cached = text;
        cachedSecond = now;
    }
    return cached;
}

// contentLength < 0: no content-length (a chunked or close-delimited body follows).
QByteArray head(int status, QByteArrayView contentType, qsizetype contentLength, bool chunked, bool keepAlive,
    bool http10, QByteArrayView extraHeaders)
{
    QByteArray out;
    out.reserve(256);
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += SimProtocol::reasonPhrase(status);
    out += "\r\ndate: ";
    out += httpDate();
    out += "\r\nserver: throughline-sim\r\n";
    if (contentLength >= 0) {
        out += "content-length: ";
        out += QByteArray::number(contentLength);
        out += "\r\n";
    }
    if (!contentType.isEmpty()) {
        out += "content-type: ";
        out += contentType;
        out += "\r\n";
    }
    if (chunked)
        out += "transfer-encoding: chunked\r\n";
    if (!keepAlive)
        out += "connection: close\r\n";
    else if (http10)
        out += "connection: keep-alive\r\n";
    out += extraHeaders;
    out += "\r\n";
    return out;
}

} // namespace

QByteArray SimProtocol::jsonResponse(
    int status, QByteArrayView body, bool keepAlive, bool http10, QByteArrayView extraHeaders)
{
    QByteArray out = head(status, "application/json", body.size(), false, keepAlive, http10, extraHeaders);
    out += body;
    return out;
}

QByteArray SimProtocol::errorResponse(
    int status, QByteArrayView message, bool keepAlive, bool http10, QByteArrayView extraHeaders)
{
    return jsonResponse(status, errorBody(status, message), keepAlive, http10, extraHeaders);
}

QByteArray SimProtocol::emptyResponse(int status, bool keepAlive, bool http10)
{
    return head(status, {}, 0, false, keepAlive, http10, {});
}

QByteArray SimProtocol::continueResponse()
{
    return QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
}

QByteArray SimProtocol::streamHead(bool keepAlive, bool chunked)
{
    return head(200, "text/event-stream; charset=utf-8", -1, chunked, keepAlive, !chunked, {});
}

QByteArray SimProtocol::textResponse(
    int status, QByteArrayView contentType, QByteArrayView body, bool keepAlive, bool http10)
{
    QByteArray out = head(status, contentType, body.size(), false, keepAlive, http10, {});
    out += body;
    return out;
}

QByteArrayView SimProtocol::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

} // namespace tl
