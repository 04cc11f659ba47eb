#pragma once

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace tl {

struct RunConfig;

// How a parameter's value is typed, on the command line and in benchmark_args.json.
enum class ParameterType {
    String,
    Int, // 32-bit whole number
    Int64,
    Double, // finite
    Bool, // a flag (and its --no- form where it has one)
    IntList, // several words: --parallel 1 4 16
    DoubleList,
    StringList,
    IntRange, // one value or a MIN MAX pair (--max-tokens)
    Json, // a JSON object given as text
    KeyValueList, // KEY=VALUE words (--headers)
};

// The groups of `run --help`, docs/PARAMETERS.md and the setup form, in display order.
enum class ParameterGroup { Target, Load, Dataset, Generation, MultiTurn, Sla, Output, Advanced };

// The widget a form shows for a parameter.
enum class WidgetKind {
    LineEdit,
    SpinBox,
    DoubleSpinBox,
    CheckBox,
    Combo, // one of `choices`
    IntList,
    DoubleList,
    StringList,
    FilePicker,
    FolderPicker,
    JsonEditor,
    Password,
    KeyValueList,
    None, // not shown (unsupported)
};

enum class ParameterSupport {
    Supported,
    NoEffect, // EvalScope's tuning knobs for its Python internals: accepted and saved, no effect here
    Unsupported, // an EvalScope flag Throughline refuses, with `reason`
};

// One run parameter, declared once in ParameterRegistry: its names (EvalScope's JSON key and CLI flags), type,
// documentation, validation rule, form widget and binding to the RunConfig field. Values travel as JSON values
// (null = unset) so that one description serves the CLI, benchmark_args.json, the diff and the form.
struct Parameter {
    const char* key = nullptr; // benchmark_args.json key; nullptr = not saved (a per-invocation choice)
    QStringList flags; // canonical first, then aliases (-n)
    QString negativeFlag; // Bool: the flag that sets the opposite (--no-stream)
    bool flagSets = true; // Bool: the value `flags` set (false for --no-outputs)
    ParameterType type = ParameterType::String;
    ParameterGroup group = ParameterGroup::Target;
    const char* metavar = nullptr;
    const char* unit = nullptr; // "s", "tokens", "requests/s"
    // The form's label in English, the source text of its translation in context "ParameterLabel" (see
    // ParameterRegistry::label()). Derived from the key or flag ("max_tokens" -> "Max tokens") unless an entry sets
    // one; the translatable list is generated into core/config/parameterlabels.cpp (tst_parameterlabels checks it).
    QString label;
    const char* help = ""; // one line
    const char* definition = ""; // the longer text of tooltips and docs/PARAMETERS.md
    QStringList choices; // Combo entries; values outside them are refused when `strictChoices`
    bool strictChoices = true;
    std::optional<double> minimum; // numbers and each element of number lists
    std::optional<double> maximum;
    bool minimumExclusive = false;
    bool nonEmpty = false; // lists need at least one value
    WidgetKind widget = WidgetKind::LineEdit;
    bool inBody = false; // sent in the request body
    bool secret = false; // masked in saved files and copied commands
    ParameterSupport support = ParameterSupport::Supported;
    const char* reason = nullptr; // why Unsupported or NoEffect
    QStringList example; // command-line words of a valid non-default value (docs and the registry test)
    QStringList badExample; // words validation refuses (empty: numbers get a non-number, choices a non-choice)

    // The field's value: JSON null when unset.
    std::function<nlohmann::json(const RunConfig&)> get;
    // Sets the field from a value of the shape `get` returns (or a saved file's shape); returns the problem, or an
    // empty string.
    std::function<QString(RunConfig&, const nlohmann::json&)> set;
    // The value written to benchmark_args.json when it differs from `get` (derived URL, masked secrets).
    std::function<nlohmann::json(const RunConfig&, bool includeSecrets)> save;
    // A rule of this field alone beyond range and choices (URL syntax, a file that must exist, JSON syntax).
    std::function<QString(const RunConfig&)> check;

    const QString& flag() const { return flags.first(); }
    bool isSupported() const { return support != ParameterSupport::Unsupported; }
    bool takesValue() const { return type != ParameterType::Bool; }
    bool isList() const
    {
        return type == ParameterType::IntList || type == ParameterType::DoubleList || type == ParameterType::StringList
            || type == ParameterType::IntRange || type == ParameterType::KeyValueList;
    }
};

} // namespace tl
