#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// RFC 4180 CSV: fields holding a comma, a quote, CR or LF are quoted and quotes doubled; records end with CRLF;
// UTF-8 without a byte-order mark.
namespace tl::Csv {

QByteArray row(const QStringList& fields);
// Parses a whole document; false with a message naming the line when a quoted field never ends.
bool parse(const QByteArray& data, QList<QStringList>* rows, QString* error);

} // namespace tl::Csv
