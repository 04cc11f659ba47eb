#pragma once

#include "tokenizer/jinjaast.h"

#include <map>
#include <string>
#include <vector>

namespace tl::jinja {

// How a statement list ended: normally, or by {% break %} / {% continue %} inside a loop.
enum class Flow { Normal, Break, Continue };

// One rendering of a statement tree against a context: the scope chain, the macros defined so far, and the
// evaluation of every statement and expression. Made afresh for each JinjaTemplate::render(), so the tree it
// walks is never mutated. Its members are defined in jinjarenderer.cpp (statements, names, operators),
// jinjacalls.cpp (global functions, macros, methods) and jinjafilters.cpp (filters and tests).
class Renderer final {
public:
    explicit Renderer(const Value& context, int64_t maxSteps = kMaxSteps);

    Flow run(const Body& body, std::string& out);

    // The sandbox's budget (a template is data from a tokenizer file, and the emulated server renders what its
    // clients send): statements and expressions evaluated, the size of any string made (the output included),
    // nested macro calls, and items a range() may make. Past any of them rendering fails with the reason.
    static constexpr int64_t kMaxSteps = 1'000'000; // real chat templates take ~100 per message
    static constexpr size_t kMaxStringBytes = size_t(16) << 20;
    static constexpr int kMaxCallDepth = 64;
    static constexpr int64_t kMaxRangeItems = 1'000'000;
    static constexpr int64_t kMaxIndent = 4096;
    static constexpr int kMaxEvalDepth = 500; // nested expressions: `1+1+1+...` parses flat but evaluates deep

private:
    void step(int line); // one statement or expression; fails past kMaxSteps
    static void checkSize(size_t bytes, int line); // a string about to be made; fails past kMaxStringBytes

    // Statements and names (jinjarenderer.cpp).
    Flow exec(const Stmt& s, std::string& out);
    Flow execFor(const Stmt& s, std::string& out);
    void bind(const Stmt& s, const Value& item);
    Value* lookupRef(const std::string& name);
    Value lookup(const std::string& name);

    // Expressions (jinjarenderer.cpp).
    Value eval(const Expr& e); // counts the step and the depth, then evalNode()
    Value evalNode(const Expr& e);
    // The items a for loop or a filter walks over: a list, a dict's keys, a string's code points.
    Value iterable(const Value& v, int line);
    Value getAttr(const Value& obj, const std::string& key);
    Value getItem(const Value& obj, const Value& key, int line);
    bool contains(const Value& container, const Value& item, int line);
    Value binary(const Expr& e);
    std::vector<Value> evalArgs(const Expr& e, size_t from);
    // Positional argument i, else keyword name, else fallback.
    Value arg(const Expr& e, const std::vector<Value>& args, size_t i, const char* name, Value fallback);

    // Calls (jinjacalls.cpp).
    Value call(const Expr& e);
    Value callMacro(const Stmt& macro, const Expr& e, const std::vector<Value>& args);
    Value method(const Expr& e, const Value& obj, const std::string& name, const std::vector<Value>& args);
    // str.replace(old, new[, count]), and the replace filter; `what` names the caller in the error.
    Value replace(const Expr& e, const std::string& s, const std::vector<Value>& args, const char* what);

    // Filters and tests (jinjafilters.cpp).
    Value filter(const Expr& e);
    Value applySimpleFilter(const Expr& e, const std::string& name, const Value& v);
    bool test(const Expr& e);
    bool applyTest(const Expr& e, const std::string& name, const Value& v, const std::vector<Value>& args);

    const Value& m_context;
    std::vector<std::map<std::string, Value>> m_scopes;
    std::map<std::string, const Stmt*> m_macros;
    int64_t m_steps = 0;
    int64_t m_maxSteps;
    int m_callDepth = 0;
    int m_evalDepth = 0;
};

} // namespace tl::jinja
