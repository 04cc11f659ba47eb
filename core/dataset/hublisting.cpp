#include "dataset/hublisting.h"

#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace tl::hublisting {

namespace {

// The body as JSON, or a discarded value + *error: too large, too deep or not JSON.
nlohmann::json parseBody(QByteArrayView body, QString* error)
{
    if (body.size() > kMaxPageBytes) {
        *error = Tr::tr("the listing is larger than %1 MiB").arg(kMaxPageBytes / (1024 * 1024));
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    if (jsonutil::tooDeep(body, kMaxJsonDepth)) {
        *error = Tr::tr("the listing nests deeper than %1 levels").arg(kMaxJsonDepth);
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    nlohmann::json doc = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (doc.is_discarded())
        *error = Tr::tr("the listing is not JSON");
    return doc;
}

// Adds one entry of a listing to `page`: a file with a safe path, a folder (counted only), or a skipped entry.
void addEntry(const nlohmann::json& entry, const char* pathKey, const char* typeKey, const char* fileType,
    const char* altFileType, Page* page)
{
    ++page->entries;
    const std::string type = jsonutil::stringOf(entry, typeKey);
    const std::string path = jsonutil::stringOf(entry, pathKey);
    if (!entry.is_object() || path.empty() || type.empty()) {
        ++page->skipped;
        return;
    }
    if (type != fileType && (!altFileType || type != altFileType))
        return; // a folder, or an entry kind the hub may add later: never a file to download
    const QString p = QString::fromStdString(path.size() > size_t(kMaxPathChars) * 4 ? std::string() : path);
    if (!isSafePath(p)) {
        ++page->skipped;
        return;
    }
    page->files.append(p);
}

bool hiddenOrSpecial(const QString& path)
{
    const QList<QStringView> segments = QStringView(path).split(u'/');
    return std::any_of(
        segments.cbegin(), segments.cend(), [](QStringView s) { return s.startsWith(u'.') || s.startsWith(u"__"); });
}

} // namespace

bool parseHuggingFace(QByteArrayView body, Page* page, QString* error)
{
    *page = Page();
    const nlohmann::json doc = parseBody(body, error);
    if (doc.is_discarded())
        return false;
    if (!doc.is_array()) {
        *error = Tr::tr("the listing is not a JSON array of files");
        return false;
    }
    if (doc.size() > size_t(kMaxEntries)) {
        *error = Tr::tr("the listing has more than %1 entries").arg(kMaxEntries);
        return false;
    }
    for (const nlohmann::json& entry : doc)
        addEntry(entry, "path", "type", "file", nullptr, page);
    return true;
}

bool parseModelScope(QByteArrayView body, Page* page, QString* error)
{
    *page = Page();
    const nlohmann::json doc = parseBody(body, error);
    if (doc.is_discarded())
        return false;
    const nlohmann::json& data = jsonutil::member(doc, "Data");
    const nlohmann::json& files = jsonutil::member(data, "Files");
    if (!files.is_array()) {
        const std::string message = jsonutil::stringOf(doc, "Message");
        *error = message.empty() ? Tr::tr("the listing has no Data.Files array")
                                 : Tr::tr("the listing has no Data.Files array (the hub says: %1)")
                                       .arg(QString::fromStdString(message.substr(0, 200)));
        return false;
    }
    if (files.size() > size_t(kMaxEntries)) {
        *error = Tr::tr("the listing has more than %1 entries").arg(kMaxEntries);
        return false;
    }
    for (const nlohmann::json& entry : files)
        addEntry(entry, "Path", "Type", "blob", "file", page);
    return true;
}

QString parseModelScopeId(QByteArrayView body, QString* error)
{
    const nlohmann::json doc = parseBody(body, error);
    if (doc.is_discarded())
        return {};
    const nlohmann::json& id = jsonutil::member(jsonutil::member(doc, "Data"), "Id");
    if (id.is_number_unsigned() || (id.is_number_integer() && id.get<qint64>() > 0)) {
        const qint64 n = id.is_number_unsigned()
            ? qint64(std::min<quint64>(id.get<quint64>(), quint64(std::numeric_limits<qint64>::max())))
            : id.get<qint64>();
        if (n > 0)
            return QString::number(n);
    }
    if (id.is_string()) {
        const QString s = QString::fromStdString(id.get<std::string>());
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
        if (valid.match(s).hasMatch())
            return s;
    }
    const std::string message = jsonutil::stringOf(doc, "Message");
    *error = message.empty() ? Tr::tr("the dataset's information has no Data.Id")
                             : Tr::tr("the dataset's information has no Data.Id (the hub says: %1)")
                                   .arg(QString::fromStdString(message.substr(0, 200)));
    return {};
}

QString nextLink(QByteArrayView header)
{
    // Link: <https://…?cursor=…>; rel="next", <…>; rel="prev"
    const QString text = QString::fromLatin1(header.first(std::min<qsizetype>(header.size(), 16384)));
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype open = text.indexOf(u'<', from);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(u'>', open + 1);
        if (close < 0)
            break;
        const qsizetype next = text.indexOf(u'<', close + 1);
        const QStringView params = QStringView(text).mid(close + 1, next < 0 ? -1 : next - close - 1);
        for (QStringView param : params.split(u';')) {
            param = param.trimmed();
            if (param.endsWith(u',')) // the separator before the next link
                param.chop(1);
            if (!param.startsWith(u"rel", Qt::CaseInsensitive))
                continue;
            QStringView value = param.mid(3).trimmed();
            if (!value.startsWith(u'='))
                continue;
            value = value.mid(1).trimmed();
            if (value.startsWith(u'"') && value.endsWith(u'"') && value.size() >= 2)
                value = value.mid(1, value.size() - 2);
            for (QStringView rel : value.split(u' ', Qt::SkipEmptyParts)) {
                if (rel.compare(u"next", Qt::CaseInsensitive) == 0)
                    return text.mid(open + 1, close - open - 1).trimmed();
            }
        }
        if (next < 0)
            break;
        from = next;
    }
    return {};
}

bool isSafePath(const QString& path)
{
    if (path.isEmpty() || path.size() > kMaxPathChars || path.startsWith(u'/'))
        return false;
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == u'\\' || c == u':')
            return false;
    }
    const QList<QStringView> segments = QStringView(path).split(u'/');
    if (segments.size() > kMaxPathDepth)
        return false;
    return std::none_of(
        segments.cbegin(), segments.cend(), [](QStringView s) { return s.isEmpty() || s == u"." || s == u".."; });
}

QStringList splitFiles(const QStringList& paths, const QString& split)
{
    if (split.isEmpty())
        return {};
    const QString s = QRegularExpression::escape(split);
    const QString shard = QStringLiteral("-[0-9]{5}-of-[0-9]{5}[^/]*\\.parquet$");
    const QRegularExpression pushed(QStringLiteral("^data/") + s + shard);
    const QRegularExpression config(QStringLiteral("^([^/]+)/") + s + shard);
    const QRegularExpression folder(QStringLiteral("(^|/)") + s + QStringLiteral("/([^/]+/)*[^/]+\\.parquet$"));
    const QRegularExpression name(QStringLiteral("(^|/)") + s + QStringLiteral("([-._ 0-9][^/]*)?\\.parquet$"));

    QStringList candidates;
    for (const QString& p : paths) {
        if (isSafePath(p) && !hiddenOrSpecial(p) && p.endsWith(QLatin1String(".parquet")))
            candidates.append(p);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    QStringList chosen;
    for (const QString& p : candidates) {
        if (pushed.match(p).hasMatch())
            chosen.append(p);
    }
    if (!chosen.isEmpty())
        return chosen;
    QString firstConfig;
    for (const QString& p : candidates) {
        const QRegularExpressionMatch m = config.match(p);
        if (!m.hasMatch())
            continue;
        if (firstConfig.isEmpty())
            firstConfig = m.captured(1); // candidates are sorted: the first configuration in sorted order
        if (m.captured(1) == firstConfig)
            chosen.append(p);
    }
    if (!chosen.isEmpty())
        return chosen;
    for (const QString& p : candidates) {
        if (folder.match(p).hasMatch())
            chosen.append(p);
    }
    if (!chosen.isEmpty())
        return chosen;
    for (const QString& p : candidates) {
        if (name.match(p).hasMatch())
            chosen.append(p);
    }
    return chosen;
}

int shardCount(const QString& path)
{
    static const QRegularExpression counted(QStringLiteral("-[0-9]{5}-of-([0-9]{5})[^/]*$"));
    const QRegularExpressionMatch m = counted.match(path);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace tl::hublisting
