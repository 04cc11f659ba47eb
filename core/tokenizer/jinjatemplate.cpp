#include "tokenizer/jinjatemplate.h"

#include "tokenizer/jinjaparser.h"
#include "tokenizer/jinjarenderer.h"

namespace tl {

JinjaTemplate::JinjaTemplate(const std::string& source)
    : m_body(jinja::JinjaParser::parse(source))
{
}

std::string JinjaTemplate::render(const jinja::Value& context, int64_t maxSteps) const
{
    jinja::Renderer renderer(context, maxSteps);
    std::string out;
    renderer.run(m_body, out);
    return out;
}

} // namespace tl
