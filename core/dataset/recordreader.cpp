#include "dataset/recordreader.h"

#include "util/tr.h"

namespace tl {

namespace {

constexpr qint64 kChunk = 1 << 16;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

bool RecordReader::open(const QString& path, bool allowJsonArray, QString* error)
{
    m_path = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read '%1': %2").arg(path, m_file.errorString());
        return false;
    }
    m_format = Format::Lines;
    seek(Position{});
    // A UTF-8 byte order mark is not part of the first record.
    const QByteArray head = m_file.peek(4096);
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (i > 0)
        seek(Position{3, 1});
    while (i < head.size() && isSpace(head.at(i)))
        ++i;
    if (allowJsonArray && i < head.size() && head.at(i) == '[') {
        m_format = Format::JsonArray;
        seek(Position{i + 1, 1 + head.left(i).count('\n')});
    }
    return true;
}

void RecordReader::seek(const Position& pos)
{
    m_pos = pos;
    m_file.seek(pos.offset);
    m_buf.clear();
    m_bufPos = 0;
    m_arrayDone = false;
}

bool RecordReader::fill()
{
    if (m_bufPos > 0) {
        m_buf.remove(0, m_bufPos);
        m_bufPos = 0;
    }
    const QByteArray more = m_file.read(kChunk);
    if (more.isEmpty())
        return false;
    m_buf += more;
    return true;
}

std::optional<RecordReader::Record> RecordReader::next(QString* error)
{
    return m_format == Format::Lines ? nextLine() : nextElement(error);
}

std::optional<RecordReader::Record> RecordReader::nextLine()
{
    for (;;) {
        qsizetype nl = m_buf.indexOf('\n', m_bufPos);
        while (nl < 0) {
            const qsizetype scanned = m_buf.size() - m_bufPos;
            if (!fill()) {
                if (m_bufPos >= m_buf.size())
                    return std::nullopt;
                nl = m_buf.size(); // a last line without its end of line
                break;
            }
            nl = m_buf.indexOf('\n', m_bufPos + scanned);
        }
        Record r;
        r.line = m_pos.line;
        r.data = m_buf.mid(m_bufPos, nl - m_bufPos);
        const qsizetype consumed = std::min<qsizetype>(nl + 1, m_buf.size()) - m_bufPos;
        m_bufPos += consumed;
        m_pos.offset += consumed;
        ++m_pos.line;
        if (r.data.endsWith('\r'))
            r.data.chop(1);
        if (!r.data.trimmed().isEmpty())
            return r;
    }
}

std::optional<RecordReader::Record> RecordReader::nextElement(QString* error)
{
    if (m_arrayDone)
        return std::nullopt;
    // Skip blanks and the separating comma before the element.
    for (;;) {
        if (m_bufPos >= m_buf.size() && !fill()) {
            *error = Tr::tr("%1, line %2: the JSON array is not closed with ']'").arg(m_path).arg(m_pos.line);
            return std::nullopt;
        }
        const char c = m_buf.at(m_bufPos);
        if (!isSpace(c) && c != ',')
            break;
        if (c == '\n')
            ++m_pos.line;
        ++m_bufPos;
        ++m_pos.offset;
    }
    if (m_buf.at(m_bufPos) == ']') {
        m_arrayDone = true;
        return std::nullopt;
    }
    // Scan one value: track nesting and strings until depth returns to 0 at a ',' or ']'.
    Record r;
    r.line = m_pos.line;
    int depth = 0;
    bool inString = false;
    bool escape = false;
    qsizetype i = m_bufPos;
    qint64 lines = 0;
    for (;;) {
        if (i >= m_buf.size()) {
            const qsizetype rel = i - m_bufPos;
            if (!fill()) {
                *error = Tr::tr("%1, line %2: the JSON array ends inside an element").arg(m_path).arg(r.line);
                return std::nullopt;
            }
            i = m_bufPos + rel;
            continue;
        }
        const char c = m_buf.at(i);
        if (c == '\n')
            ++lines;
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                break; // the closing ']' of the array
            --depth;
        } else if (c == ',' && depth == 0) {
            break;
        }
        ++i;
    }
    r.data = m_buf.mid(m_bufPos, i - m_bufPos).trimmed();
    m_pos.offset += i - m_bufPos;
    m_pos.line += lines;
    m_bufPos = i;
    return r;
}

} // namespace tl
