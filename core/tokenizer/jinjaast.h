#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tl::jinja {

// Values are JSON with insertion order kept (Python dicts keep it, and tojson shows it); a discarded
// JSON value stands for Jinja's Undefined.
using Value = nlohmann::ordered_json;

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// One node of an expression. Which fields are used depends on kind (see JinjaParser).
struct Expr {
    enum class Kind {
        Literal, // value
        Name, // name
        List, // args
        Tuple, // args
        Dict, // kwargs-like pairs in args: key, value, key, value...
        Attr, // args[0].name
        Index, // args[0][args[1]]
        Slice, // args[0][args[1]:args[2]:args[3]], null where omitted
        Call, // args[0](args[1..], kwargs)
        Filter, // args[0] | name(args[1..], kwargs)
        Test, // args[0] is [not] name(args[1..])
        Unary, // name: "not", "-", "+"
        Binary, // name: operator; "notin" for "not in"
        Ternary, // args[0] if args[1] else args[2] (args[2] may be null)
    };
    Kind kind = Kind::Literal;
    Value value;
    std::string name;
    std::vector<ExprPtr> args;
    std::vector<std::pair<std::string, ExprPtr>> kwargs;
    bool negated = false;
    int line = 0;
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

// One node of the template's statement tree.
struct Stmt {
    enum class Kind {
        Text, // text
        Output, // {{ exprs[0] }}
        If, // exprs: one condition per branch; bodies: one per branch, plus the else body if hasElse
        For, // targets in exprs[0] [if exprs[1]]; bodies[0] body, bodies[1] else
        Set, // text [= "." attr] = exprs[0]
        SetBlock, // {% set text %}bodies[0]{% endset %}
        Macro, // text(targets = exprs defaults, null where none) bodies[0]
        Break,
        Continue,
    };
    Kind kind = Kind::Text;
    std::string text;
    std::string attr;
    std::vector<std::string> targets;
    std::vector<ExprPtr> exprs;
    std::vector<Body> bodies;
    bool hasElse = false;
    int line = 0;
};

} // namespace tl::jinja
