#include "dataset/promptsource.h"

#include "config/runconfig.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QFile>

namespace tl {

namespace {

bool readFile(const QString& path, const QString& field, QByteArray& out, ConfigError* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = ConfigError{field, Tr::tr("cannot read '%1': %2").arg(path, f.errorString())};
        return false;
    }
    out = f.readAll();
    return true;
}

} // namespace

QStringList PromptSource::builtinPrompts()
{
    return {
        QStringLiteral("What is the capital of Australia, and why was it chosen?"),
        QStringLiteral("Explain how a refrigerator keeps food cold."),
        QStringLiteral("Why is the sky blue during the day and red at sunset?"),
        QStringLiteral("Give three tips for writing clear technical documentation."),
        QStringLiteral("How does compound interest work? Give a short example."),
        QStringLiteral("What is the difference between a virus and a bacterium?"),
        QStringLiteral("Summarise the plot of Romeo and Juliet in two sentences."),
        QStringLiteral("How do vaccines train the immune system?"),
        QStringLiteral("What causes the seasons on Earth?"),
        QStringLiteral("Write a haiku about a quiet mountain lake."),
        QStringLiteral("What are the main differences between TCP and UDP?"),
        QStringLiteral("How should I prepare for a job interview as a software engineer?"),
        QStringLiteral("Explain recursion to a ten-year-old."),
        QStringLiteral("What is photosynthesis and why does it matter?"),
        QStringLiteral("List five healthy breakfast ideas that take under ten minutes."),
        QStringLiteral("How does a hash table handle collisions?"),
        QStringLiteral("Why do cats purr?"),
        QStringLiteral("What is the greenhouse effect?"),
        QStringLiteral("Translate 'good morning, how are you?' into French and Spanish."),
        QStringLiteral("What is the Pythagorean theorem? Show one use of it."),
        QStringLiteral("How do noise-cancelling headphones work?"),
        QStringLiteral("Describe the water cycle in simple terms."),
        QStringLiteral("What makes a good password?"),
        QStringLiteral("Explain the difference between weather and climate."),
        QStringLiteral("How does GPS determine your location?"),
        QStringLiteral("What are black holes made of?"),
        QStringLiteral("Suggest a name for a bakery that specialises in sourdough."),
        QStringLiteral("Why does bread go stale?"),
        QStringLiteral("What is the role of the mitochondria in a cell?"),
        QStringLiteral("How do I reverse a linked list? Describe the idea."),
        QStringLiteral("What were the main causes of the First World War?"),
        QStringLiteral("Explain what an API is with an everyday analogy."),
        QStringLiteral("How can I improve my sleep quality?"),
        QStringLiteral("What is inflation and how is it measured?"),
        QStringLiteral("Why do leaves change colour in autumn?"),
        QStringLiteral("Explain big-O notation briefly."),
        QStringLiteral("What is the tallest mountain in the solar system?"),
        QStringLiteral("How do airplanes stay in the air?"),
        QStringLiteral("Give a short definition of machine learning."),
        QStringLiteral("What is the best way to learn a new language as an adult?"),
    };
}

std::shared_ptr<const PromptSource> PromptSource::load(const RunConfig& config, ConfigError* error)
{
    auto source = std::make_shared<PromptSource>();
    if (!config.prompt.isEmpty()) {
        QString text = config.prompt;
        if (text.startsWith(u'@')) {
            QByteArray data;
            if (!readFile(text.mid(1), QStringLiteral("--prompt"), data, error))
                return nullptr;
            text = QString::fromUtf8(data);
        }
        source->m_items.append(PromptItem{text});
        return source;
    }
    if (config.dataset == u"builtin") {
        for (const QString& p : builtinPrompts())
            source->m_items.append(PromptItem{p});
        return source;
    }

    const QString field = QStringLiteral("--dataset-path");
    QByteArray data;
    if (!readFile(config.datasetPath, field, data, error))
        return nullptr;
    const bool openqa = config.dataset == u"openqa";
    int lineNo = 0;
    for (const QByteArray& line : data.split('\n')) {
        ++lineNo;
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (!openqa) {
            source->m_items.append(PromptItem{QString::fromUtf8(trimmed)});
            continue;
        }
        const auto j = nlohmann::json::parse(trimmed.begin(), trimmed.end(), nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("question") || !j["question"].is_string()) {
            if (error) {
                *error = ConfigError{field, Tr::tr("%1, line %2: expected a JSON object with a \"question\" string")
                                                .arg(config.datasetPath)
                                                .arg(lineNo)};
            }
            return nullptr;
        }
        source->m_items.append(PromptItem{jsonutil::toQString(j["question"]).trimmed()});
    }
    if (source->m_items.isEmpty()) {
        if (error)
            *error = ConfigError{field, Tr::tr("'%1' holds no prompts (every line is blank)").arg(config.datasetPath)};
        return nullptr;
    }
    return source;
}

} // namespace tl
