// throughline-sim: the emulated OpenAI-compatible model server as a stand-alone executable.

#include "sim/simcommandline.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("throughline-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THROUGHLINE_VERSION));
    return tl::SimCommandLine::run(QCoreApplication::arguments());
}
