#pragma once

#include "tokenizer/jinjaast.h"
#include "tokenizer/jinjarenderer.h"

#include <string>

namespace tl {

// A parsed Jinja2 template and its evaluator: the subset chat templates use (if/elif/else, for with
// loop.* and else, set and namespace(), macros, break/continue, Python-like operators, string and
// dict methods, the common filters and tests). Rendering never mutates the template, so one instance
// may render on many threads at once.
class JinjaTemplate final {
public:
    // Throws std::runtime_error("line N: ...") on syntax it cannot parse.
    explicit JinjaTemplate(const std::string& source);

    // Throws std::runtime_error on evaluation errors, including the template's raise_exception() and a render
    // past its budget of steps (see jinja::Renderer).
    std::string render(const jinja::Value& context, int64_t maxSteps = jinja::Renderer::kMaxSteps) const;

private:
    jinja::Body m_body;
};

} // namespace tl
