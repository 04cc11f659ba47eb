#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tl {

// The one place that decides what a credential is and how it is hidden. Everything that writes a run's
// configuration, URL or headers somewhere a person or another program can read (project file, EvalScope output
// tree, exports, "copy as command", `runs show`, logs) masks through here, and everything that reads such a file
// back drops a masked value instead of sending it.
class SecretMask final {
public:
    SecretMask() = delete;

    // The text that stands in for a credential: "**********".
    static QString mask();
    static bool isMask(QStringView value);

    // Authorization, Proxy-Authorization, api-key, X-Api-Key, by convention any header whose name contains "auth",
    // "key", "token", "secret", "password" or "cookie", and the headers the user marks secret (`marked`: the run's
    // --secret-headers, RunConfig::secretHeaders); names compare case-insensitively.
    static bool isSecretHeader(QStringView name, const QStringList& marked = {});

    // The URL with its password, and the values of query items named like secret headers (or `marked`), masked. A
    // URL without credentials comes back unchanged, character for character; one QUrl refuses still has its password
    // masked.
    static QString maskUrl(const QString& url, const QStringList& marked = {});
    // The URL with a masked password removed (a masked URL read back, valid or not), so the mask is never sent as a
    // password.
    static QString dropMaskedPassword(const QString& url);

    // A configuration in benchmark_args.json keys with api_key (and wandb_api_key, swanlab_api_key, any key named
    // like a credential), the URL's password and secret header values masked, the headers its own "secret_headers"
    // list marks included; other keys and their order are kept. Text that is not a JSON object the parser takes
    // (damaged, nested too deep) gets the same masks textually.
    // For configurations that arrive from elsewhere (imports of EvalScope's files, which keep the key in plain text).
    static QByteArray maskConfigJson(const QByteArray& json);
    // The header names a saved configuration marks secret (its "secret_headers"), for masking what is stored beside
    // it (the run's URL).
    static QStringList secretHeadersOf(const QByteArray& configJson);

    // `text` with every occurrence of each non-empty secret replaced by the mask (for error messages and logs).
    static QString maskText(QString text, const QStringList& secrets);
};

} // namespace tl
