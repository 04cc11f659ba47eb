#include "storage/csv.h"

#include "util/tr.h"

namespace tl::Csv {

QByteArray row(const QStringList& fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append(',');
        const QByteArray f = fields.at(i).toUtf8();
        if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r')) {
            QByteArray quoted = f;
            quoted.replace("\"", "\"\"");
            out.append('"').append(quoted).append('"');
        } else {
            out.append(f);
        }
    }
    out.append("\r\n");
    return out;
}

bool parse(const QByteArray& data, QList<QStringList>* rows, QString* error)
{
    rows->clear();
    QStringList record;
    QByteArray field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    auto endField = [&] {
        record.append(QString::fromUtf8(field));
        field.clear();
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data.at(i + 1) == '"') {
                    field.append('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        switch (c) {
        case '"':
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
            break;
        case ',':
            endField();
            break;
        case '\r':
            break;
        case '\n':
            endField();
            rows->append(record);
            record.clear();
            ++line;
            break;
        default:
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted) {
        if (error)
            *error = Tr::tr("a quoted field opened on line %1 never ends").arg(quoteLine);
        return false;
    }
    if (fieldStarted || !record.isEmpty()) {
        endField();
        rows->append(record);
    }
    return true;
}

} // namespace tl::Csv
