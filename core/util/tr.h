#pragma once

#include <QCoreApplication>

namespace tl {

// Translation context for user-visible strings produced by non-QObject core code.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Throughline)
};

} // namespace tl
