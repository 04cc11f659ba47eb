#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace tl {

// One HTTP/1.x request as the emulated server's parser hands it over: header names lower-cased, the
// body already cut to Content-Length, and the keep-alive decision already made from version and headers.
struct SimHttpRequest {
    QByteArray method;
    QByteArray path; // request target without the query string
    QByteArray query; // after '?', without it
    int minorVersion = 1;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool keepAlive = true;

    // First value of a header (name in lower case), or an empty array.
    QByteArray header(QByteArrayView lowerName) const
    {
        for (const auto& [name, value] : headers) {
            if (name == lowerName)
                return value;
        }
        return {};
    }
};

} // namespace tl
