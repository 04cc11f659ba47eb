#pragma once

#include "tokenizer/jinjaast.h"

#include <string>

namespace tl::jinja {

// Turns Jinja2 template text into a statement tree, applying the whitespace rules Hugging Face's
// apply_chat_template uses (trim_blocks and lstrip_blocks on, plus "-" markers). Throws
// std::runtime_error with "line N: ..." on syntax it does not support.
class JinjaParser final {
public:
    static Body parse(const std::string& source);
};

} // namespace tl::jinja
