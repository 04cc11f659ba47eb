#pragma once

#include <QDialog>

class QAction;

namespace tl {

// Help ▸ Keyboard Shortcuts: every action of the window that has a shortcut, listed from the actions themselves
// so the list cannot drift from what the keys do.
class ShortcutsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    ~ShortcutsDialog() override;
};

} // namespace tl
