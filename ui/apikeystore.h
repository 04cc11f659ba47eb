#pragma once

#include <QObject>
#include <QString>

namespace tl {

// The API key the workbench remembers between launches: in the desktop keychain (Secret Service, KWallet, the macOS
// Keychain or the Windows Credential Manager, through QtKeychain) when Throughline was built with it, and nowhere
// otherwise: never in the settings file, a preset or the project. Every keychain call is asynchronous (the keychain
// may ask the user to unlock it), so nothing here blocks the GUI thread.
class ApiKeyStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeyStore)

public:
    // `enabled` false: nothing is read or written (a window without settings, as in tests).
    explicit ApiKeyStore(bool enabled, QObject* parent = nullptr);
    ~ApiKeyStore() override;

    // Whether this build can use a desktop keychain (QtKeychain was found when it was configured).
    static bool available();
    bool isEnabled() const { return m_enabled; }
    // One sentence for the key field's tooltip: where the key is kept, or that it is not.
    QString note() const;

    // Reads the stored key; keyLoaded() follows when there is one.
    void load();
    // Stores `key` unless it is empty, masked or what is stored already.
    void remember(const QString& key);

Q_SIGNALS:
    void keyLoaded(const QString& key);
    // The keychain refused or is not there (no Secret Service on this desktop...): said once, in a status line.
    void failed(const QString& message);

private:
    void reportFailure(const QString& message);

    bool m_enabled = false;
    bool m_failureReported = false;
    QString m_stored; // what the keychain holds, as far as this window knows
};

} // namespace tl
