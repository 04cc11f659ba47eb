#include "pages/resultspage.h"
#include "pages/resultspage_p.h"

#include "config/commandline.h"
#include "config/parameterregistry.h"
#include "config/runconfig.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QTreeWidget>

namespace tl {

QWidget* ResultsPage::buildConfigTab()
{
    m_config = new QTreeWidget(this);
    m_config->setObjectName(QStringLiteral("configTree"));
    m_config->setColumnCount(3);
    m_config->setHeaderLabels({tr("Parameter"), tr("Value"), tr("Flag")});
    m_config->setRootIsDecorated(true);
    m_config->setAlternatingRowColors(true);
    m_config->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return m_config;
}

void ResultsPage::fillConfig()
{
    m_config->clear();
    if (!m_run)
        return;
    ConfigErrors errors;
    const RunConfig config = RunConfig::fromJson(m_run->configJson, &errors);
    QHash<int, QTreeWidgetItem*> groups;
    for (const Parameter& p : ParameterRegistry::all()) {
        if (!p.key || !p.get)
            continue;
        QTreeWidgetItem*& group = groups[int(p.group)];
        if (!group) {
            group = new QTreeWidgetItem(m_config, {ParameterRegistry::groupName(p.group)});
            group->setFirstColumnSpanned(true);
        }
        const nlohmann::json value = p.get(config);
        const QString shown = p.secret
            ? (value.is_string() && !value.get<std::string>().empty() ? QStringLiteral("***")
                                                                      : ParameterRegistry::displayValue(p, value))
            : ParameterRegistry::displayValue(p, value, config.secretHeaders);
        auto* item = new QTreeWidgetItem(group, {QString::fromUtf8(p.key), shown, p.flags.value(0)});
        if (value != ParameterRegistry::defaultValue(p)) {
            QFont f = item->font(1);
            f.setBold(true);
            item->setFont(1, f);
            item->setToolTip(1, tr("Differs from the default"));
        }
    }
    m_config->expandAll();
    m_config->resizeColumnToContents(0);
}

void ResultsPage::copyCommand()
{
    if (!m_run)
        return;
    ConfigErrors errors;
    const RunConfig config = RunConfig::fromJson(m_run->configJson, &errors);
    QApplication::clipboard()->setText(CommandLine::toCommandLine(config));
    m_message->setText(tr("The command line was copied to the clipboard (without the API key)."));
}

} // namespace tl
