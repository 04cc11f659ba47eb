#include "net/transport.h"

#include "net/transporttarget.h"
#include "net/leantransport.h"
#include "net/qnamtransport.h"
#include "util/tr.h"

#include <QNetworkProxyFactory>
#include <QUrl>

namespace tl {

std::unique_ptr<Transport> Transport::create(
    Kind kind, const TransportTarget& target, TransportListener& listener, QObject* parent)
{
    if (kind == Kind::Lean)
        return std::make_unique<LeanTransport>(target, listener, parent);
    return std::make_unique<QnamTransport>(target, listener, parent);
}

QString Transport::kindName(Kind kind)
{
    return kind == Kind::Lean ? QStringLiteral("lean") : QStringLiteral("qt");
}

std::optional<Transport::Kind> Transport::chooseKind(const QString& askedKind, const QUrl& url, bool noProxy, QString* why)
{
    const QString asked = askedKind.trimmed().toLower();
    if (asked == u"qt")
        return Kind::Qt;
    if (asked != u"lean" && asked != u"auto") {
        if (why)
            *why = Tr::tr("must be auto, lean or qt (got '%1')").arg(askedKind);
        return std::nullopt;
    }
    QString reason = LeanTransport::unsupportedReason(url);
    QString fix = Tr::tr("use --transport qt (or auto)");
    if (reason.isEmpty() && !noProxy) {
        const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
        if (!proxies.isEmpty() && proxies.first().type() != QNetworkProxy::NoProxy) {
            reason = Tr::tr("a proxy from the environment (http_proxy) applies to this URL");
            fix = Tr::tr("use --transport qt (or auto), or --no-proxy to go around the proxy");
        }
    }
    if (reason.isEmpty())
        return Kind::Lean;
    if (asked == u"auto")
        return Kind::Qt;
    if (why)
        *why = Tr::tr("lean cannot be used: %1; %2").arg(reason, fix);
    return std::nullopt;
}

} // namespace tl
