#include "config/parameterregistry.h"
#include "pages/runsetuppage.h"

#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSet>
#include <QTest>
#include <QTranslator>

using tl::Parameter;
using tl::ParameterRegistry;

// The setup form's labels come from the registry (Parameter::label), are marked for translation in the generated
// core/config/parameterlabels.cpp, and have a Simplified Chinese translation; double fields show no stray zeros.
class TestParameterLabels final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generatedListIsCurrent()
    {
        QSet<QString> wanted;
        for (const Parameter& p : ParameterRegistry::all())
            wanted.insert(p.label);
        const QStringList listed = ParameterRegistry::translatableLabels();
        const QSet<QString> have(listed.cbegin(), listed.cend());
        if (wanted != have) {
            QStringList sorted(wanted.cbegin(), wanted.cend());
            sorted.sort();
            QFile f(QStringLiteral("parameterlabels.cpp"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QFile source(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../core/config/parameterlabels.cpp"));
            QVERIFY(source.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(source.readAll());
            const auto begin = text.indexOf(QStringLiteral("labels[] = {\n")) + 13;
            const auto end = text.indexOf(QStringLiteral("    };"), begin);
            QString lines;
            for (const QString& label : sorted)
                lines += QStringLiteral("        QT_TRANSLATE_NOOP(\"ParameterLabel\", \"%1\"),\n").arg(label);
            f.write((text.left(begin) + lines + text.mid(end)).toUtf8());
            QFAIL(qPrintable(QStringLiteral("core/config/parameterlabels.cpp is out of date: copy %1 there, then "
                                            "run the update_translations target and translate the new labels")
                                 .arg(QFileInfo(f).absoluteFilePath())));
        }
    }

    void everyLabelHasAChineseTranslation()
    {
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(":/i18n/throughline_zh_CN.qm")));
        QStringList missing;
        for (const QString& label : ParameterRegistry::translatableLabels()) {
            const QString t = zh.translate("ParameterLabel", label.toUtf8().constData());
            if (t.isEmpty())
                missing << label;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void formShowsTranslatedLabels_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("label");
        QTest::newRow("en") << QString() << QStringLiteral("Total timeout:");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("总超时:");
    }

    void formShowsTranslatedLabels()
    {
        QFETCH(QString, language);
        QFETCH(QString, label);
        QTranslator zh;
        if (!language.isEmpty()) {
            QVERIFY(zh.load(QStringLiteral(":/i18n/throughline_%1.qm").arg(language)));
            QCoreApplication::installTranslator(&zh);
        }
        tl::RunSetupPage page;
        QCoreApplication::removeTranslator(&zh);
        QStringList texts;
        for (const QLabel* l : page.findChildren<QLabel*>())
            texts << l->text();
        QVERIFY2(texts.contains(label), qPrintable(label));
    }

    void doubleFieldsShowSensibleDecimals_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("whole") << 21600.0 << QStringLiteral("21600");
        QTest::newRow("fraction") << 0.95 << QStringLiteral("0.95");
        QTest::newRow("small") << 0.0001 << QStringLiteral("0.0001");
    }

    void doubleFieldsShowSensibleDecimals()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        tl::RunSetupPage page;
        auto* spin = page.findChild<QDoubleSpinBox*>(QStringLiteral("--total-timeout"));
        QVERIFY(spin);
        QCOMPARE(spin->text(), QStringLiteral("21600")); // the default
        spin->setValue(value);
        QCOMPARE(spin->text(), text);
        QCOMPARE(spin->value(), value);
    }
};

QTEST_MAIN(TestParameterLabels)
#include "tst_parameterlabels.moc"
