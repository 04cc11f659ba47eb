#include "config/secretmask.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace tl {

namespace {

// The keys of a saved configuration that hold a credential: api_key, EvalScope's wandb_api_key and swanlab_api_key,
// and by the headers' convention anything named like a password, secret, token or auth field.
bool isSecretConfigKey(QStringView name)
{
    for (const char16_t* part : {u"auth", u"secret", u"password", u"cookie"}) {
        if (name.contains(QStringView(part), Qt::CaseInsensitive))
            return true;
    }
    return (name.contains(u"key", Qt::CaseInsensitive) && !name.endsWith(u"_env", Qt::CaseInsensitive))
        || name.endsWith(u"token", Qt::CaseInsensitive);
}

// "scheme://user:password@" anywhere in `text`, the password masked: for URLs QUrl refuses and for text that is not
// JSON the parser can read.
QString maskUserInfoText(QString text)
{
    static const QRegularExpression userInfo(QStringLiteral(R"re(([A-Za-z][A-Za-z0-9+.\-]*://[^/?#@\s":]*:)[^/?#@\s"]+@)re"));
    return text.replace(userInfo, QStringLiteral("\\1") + SecretMask::mask() + u'@');
}

bool isMarked(QStringView name, const QStringList& marked)
{
    for (const QString& m : marked) {
        if (name.compare(m, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The names a damaged configuration's "secret_headers" lists (strings in the first such array), so that its marked
// headers are masked textually too.
QStringList markedInText(const QString& text)
{
    static const QRegularExpression list(QStringLiteral(R"re("secret_headers"\s*+:\s*+\[([^\]]*+)\])re"));
    static const QRegularExpression item(QStringLiteral(R"re("([^"\\]*+)")re"));
    QStringList out;
    if (const QRegularExpressionMatch m = list.match(text); m.hasMatch()) {
        for (auto it = item.globalMatch(m.capturedView(1)); it.hasNext();)
            out.append(it.next().captured(1));
    }
    return out;
}

// --secret-headers as saved in a configuration: the names the user marked (strings only; anything else marks nothing).
QStringList markedIn(const nlohmann::ordered_json& config)
{
    QStringList marked;
    const auto it = config.find("secret_headers");
    if (it == config.end())
        return marked;
    const auto add = [&marked](const nlohmann::ordered_json& name) {
        if (name.is_string())
            marked.append(QString::fromStdString(name.get<std::string>()));
    };
    if (it->is_array()) {
        for (const auto& name : *it)
            add(name);
    } else {
        add(*it);
    }
    return marked;
}

// A configuration the JSON parser cannot take (damaged, nested too deep): every "key": "string" pair whose key names a
// credential or a header its "secret_headers" marks gets the mask, at any depth, and URL passwords are masked, so that
// no such text is stored as it came.
QByteArray maskConfigText(const QByteArray& json)
{
    static const QRegularExpression pair(
        QStringLiteral(R"re("((?:[^"\\]++|\\.)*+)"(\s*+:\s*+)"(?:[^"\\]++|\\.)*+")re"));
    const QString text = QString::fromUtf8(json);
    const QStringList marked = markedInText(text);
    QString out;
    out.reserve(text.size());
    qsizetype done = 0;
    for (auto it = pair.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!isSecretConfigKey(m.capturedView(1)) && !isMarked(m.capturedView(1), marked))
            continue;
        out += QStringView(text).mid(done, m.capturedStart(2) - done);
        out += m.capturedView(2) + u'"' + SecretMask::mask() + u'"';
        done = m.capturedEnd(0);
    }
    out += QStringView(text).mid(done);
    const QByteArray masked = maskUserInfoText(out).toUtf8();
    return masked == QString::fromUtf8(json).toUtf8() ? json : masked;
}

} // namespace

QString SecretMask::mask()
{
    return QStringLiteral("**********");
}

bool SecretMask::isMask(QStringView value)
{
    return value == mask();
}

bool SecretMask::isSecretHeader(QStringView name, const QStringList& marked)
{
    if (isMarked(name, marked))
        return true;
    // Substrings rather than a fixed list: a gateway's own key header (X-Portkey-Api-Key, X-Goog-Api-Key, ...) is
    // masked without the user having to know it must be declared.
    static const QStringList parts = {QStringLiteral("auth"), QStringLiteral("key"), QStringLiteral("token"),
        QStringLiteral("secret"), QStringLiteral("password"), QStringLiteral("cookie")};
    for (const QString& part : parts) {
        if (name.contains(part, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString SecretMask::maskUrl(const QString& url, const QStringList& marked)
{
    QUrl u(url);
    if (!u.isValid())
        return maskUserInfoText(url); // refused URLs are named in error messages: their password is still masked
    bool changed = false;
    if (!u.password().isEmpty()) {
        u.setPassword(mask());
        changed = true;
    }
    if (u.hasQuery()) {
        QUrlQuery query(u);
        auto items = query.queryItems(QUrl::FullyEncoded);
        for (auto& [key, value] : items) {
            if (isSecretHeader(key, marked) && !value.isEmpty()) {
                value = mask();
                changed = true;
            }
        }
        if (changed) {
            query.setQueryItems(items);
            u.setQuery(query);
        }
    }
    return changed ? u.toString() : url;
}

QString SecretMask::dropMaskedPassword(const QString& url)
{
    QUrl u(url);
    if (!u.isValid()) { // as maskUrl() masks it textually: "scheme://user:**********@" loses its mask
        static const QRegularExpression masked(
            QStringLiteral(R"re(([A-Za-z][A-Za-z0-9+.\-]*://[^/?#@\s":]*):\*{10}@)re"));
        return QString(url).replace(masked, QStringLiteral("\\1@"));
    }
    if (!isMask(u.password()))
        return url;
    u.setPassword(QString());
    return u.toString();
}

QByteArray SecretMask::maskConfigJson(const QByteArray& json)
{
    if (jsonutil::tooDeep(json))
        return maskConfigText(json);
    auto j = nlohmann::ordered_json::parse(json.cbegin(), json.cend(), nullptr, false);
    if (!j.is_object())
        return maskConfigText(json);
    const std::string masked = jsonutil::toStd(mask());
    bool changed = false;
    const auto maskString = [&](nlohmann::ordered_json& v, const std::string& to) {
        if (v.is_string() && v.get<std::string>() != to) {
            v = to;
            changed = true;
        }
    };
    const QStringList marked = markedIn(j);
    for (auto& [name, value] : j.items()) {
        if (isSecretConfigKey(QString::fromStdString(name)) && value.is_string() && !value.get<std::string>().empty())
            maskString(value, masked);
    }
    if (auto it = j.find("url"); it != j.end() && it->is_string())
        maskString(*it, jsonutil::toStd(maskUrl(QString::fromStdString(it->get<std::string>()), marked)));
    if (auto it = j.find("headers"); it != j.end() && it->is_object()) {
        for (auto& [name, value] : it->items()) {
            if (isSecretHeader(QString::fromStdString(name), marked))
                maskString(value, masked);
        }
    } else if (it != j.end() && it->is_array()) { // the other shapes --config reads: [[K, V], ...] and ["K=V", ...]
        for (auto& item : *it) {
            if (item.is_array() && item.size() == 2 && item[0].is_string()
                && isSecretHeader(QString::fromStdString(item[0].get<std::string>()), marked)) {
                maskString(item[1], masked);
            } else if (item.is_string()) {
                const std::string kv = item.get<std::string>();
                const size_t eq = kv.find('=');
                if (eq != std::string::npos && eq > 0
                    && isSecretHeader(QString::fromStdString(kv.substr(0, eq)), marked))
                    maskString(item, kv.substr(0, eq + 1) + masked);
            }
        }
    }
    // Unchanged text keeps its bytes (and its formatting).
    return changed ? jsonutil::dumpOrdered(j, 4) : json;
}

QStringList SecretMask::secretHeadersOf(const QByteArray& configJson)
{
    if (jsonutil::tooDeep(configJson))
        return markedInText(QString::fromUtf8(configJson));
    const auto j = nlohmann::ordered_json::parse(configJson.cbegin(), configJson.cend(), nullptr, false);
    return j.is_object() ? markedIn(j) : markedInText(QString::fromUtf8(configJson));
}

QString SecretMask::maskText(QString text, const QStringList& secrets)
{
    for (const QString& s : secrets) {
        if (!s.isEmpty())
            text.replace(s, mask());
    }
    return text;
}

} // namespace tl
