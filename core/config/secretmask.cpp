#include "config/secretmask.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QUrl>
#include <QUrlQuery>

namespace tl {

QString SecretMask::mask()
{
    return QStringLiteral("**********");
}

bool SecretMask::isMask(QStringView value)
{
    return value == mask();
}

bool SecretMask::isSecretHeader(QStringView name)
{
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

QString SecretMask::maskUrl(const QString& url)
{
    QUrl u(url);
    if (!u.isValid())
        return url;
    bool changed = false;
    if (!u.password().isEmpty()) {
        u.setPassword(mask());
        changed = true;
    }
    if (u.hasQuery()) {
        QUrlQuery query(u);
        auto items = query.queryItems(QUrl::FullyEncoded);
        for (auto& [key, value] : items) {
            if (isSecretHeader(key) && !value.isEmpty()) {
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
    if (!u.isValid() || !isMask(u.password()))
        return url;
    u.setPassword(QString());
    return u.toString();
}

QByteArray SecretMask::maskConfigJson(const QByteArray& json)
{
    if (jsonutil::tooDeep(json))
        return json;
    auto j = nlohmann::ordered_json::parse(json.cbegin(), json.cend(), nullptr, false);
    if (!j.is_object())
        return json;
    const std::string masked = jsonutil::toStd(mask());
    bool changed = false;
    const auto maskString = [&](nlohmann::ordered_json& v, const std::string& to) {
        if (v.is_string() && v.get<std::string>() != to) {
            v = to;
            changed = true;
        }
    };
    if (auto it = j.find("api_key"); it != j.end() && it->is_string() && !it->get<std::string>().empty())
        maskString(*it, masked);
    if (auto it = j.find("url"); it != j.end() && it->is_string())
        maskString(*it, jsonutil::toStd(maskUrl(QString::fromStdString(it->get<std::string>()))));
    if (auto it = j.find("headers"); it != j.end() && it->is_object()) {
        for (auto& [name, value] : it->items()) {
            if (isSecretHeader(QString::fromStdString(name)))
                maskString(value, masked);
        }
    }
    // Unchanged text keeps its bytes (and its formatting).
    return changed ? jsonutil::dumpOrdered(j, 4) : json;
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
