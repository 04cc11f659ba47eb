#include "model/goodput.h"

#include "util/tr.h"

#include <cmath>

namespace tl {

namespace {

QString ms(double v)
{
    return QString::number(v, 'g', 10);
}

} // namespace

QString SloSpec::toText() const
{
    QStringList words;
    if (ttftMs)
        words << QStringLiteral("ttft:") + ms(*ttftMs);
    if (tpotMs)
        words << QStringLiteral("tpot:") + ms(*tpotMs);
    if (e2elMs)
        words << QStringLiteral("e2el:") + ms(*e2elMs);
    return words.join(u' ');
}

std::optional<SloSpec> SloSpec::parse(const QStringList& words, QString* error)
{
    SloSpec spec;
    for (const QString& word : words) {
        const qsizetype colon = word.indexOf(u':');
        const QString key = word.left(colon).trimmed().toLower();
        bool ok = false;
        const double value = colon < 0 ? 0.0 : word.mid(colon + 1).trimmed().toDouble(&ok);
        std::optional<double>* slot = nullptr;
        if (key == u"ttft")
            slot = &spec.ttftMs;
        else if (key == u"tpot")
            slot = &spec.tpotMs;
        else if (key == u"e2el")
            slot = &spec.e2elMs;
        if (colon < 0 || !slot || !ok || !std::isfinite(value) || value <= 0) {
            *error = Tr::tr("'%1' is not an SLO; give METRIC:MS with METRIC ttft, tpot or e2el and a positive "
                            "number of milliseconds, e.g. ttft:300 tpot:50")
                         .arg(word);
            return std::nullopt;
        }
        if (slot->has_value()) {
            *error = Tr::tr("'%1' repeats the %2 SLO; give each metric once").arg(word, key);
            return std::nullopt;
        }
        *slot = value;
    }
    return spec;
}

} // namespace tl
