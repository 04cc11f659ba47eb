#include "tokenizer/jinjaparser.h"

#include <cctype>
#include <stdexcept>

namespace tl::jinja {

namespace {

[[noreturn]] void fail(int line, const std::string& message)
{
    throw std::runtime_error("line " + std::to_string(line) + ": " + message);
}

// Deepest nesting of expressions ((((, [[[[, - - - -) and of block tags the parser follows. Every level is a
// recursive call here and in the renderer, and a template is data from a tokenizer file: 100,000 levels would
// overflow the stack. Real chat templates nest a dozen levels.
constexpr int kMaxNesting = 200;

// Counts one level of nesting for the scope of a recursive call.
class NestingGuard {
public:
    NestingGuard(int& depth, int line)
        : m_depth(depth)
    {
        if (++m_depth > kMaxNesting)
            fail(line, "the template nests deeper than " + std::to_string(kMaxNesting) + " levels");
    }
    ~NestingGuard() { --m_depth; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

private:
    int& m_depth;
};

// A piece of template source: literal text, or the inside of a {{ }}, {% %} or {# #} tag.
struct Chunk {
    enum class Kind { Text, Var, Block, Comment } kind;
    std::string text;
    int line;
    bool stripBefore = false; // "{{-" / "{%-"
    bool stripAfter = false; // "-}}" / "-%}"
    bool keepIndent = false; // "{%+" disables lstrip_blocks
};

bool isSpaceOrTab(char c)
{
    return c == ' ' || c == '\t';
}

bool isJinjaSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<Chunk> splitChunks(const std::string& src)
{
    std::vector<Chunk> chunks;
    size_t pos = 0;
    int line = 1;
    const auto countLines = [&line](std::string_view s) {
        for (const char c : s)
            line += c == '\n' ? 1 : 0;
    };
    while (pos < src.size()) {
        size_t open = src.find('{', pos);
        while (open != std::string::npos && open + 1 < src.size() && src[open + 1] != '{' && src[open + 1] != '%'
            && src[open + 1] != '#')
            open = src.find('{', open + 1);
        if (open == std::string::npos || open + 1 >= src.size()) {
            chunks.push_back(Chunk{Chunk::Kind::Text, src.substr(pos), line});
            break;
        }
        if (open > pos) {
            chunks.push_back(Chunk{Chunk::Kind::Text, src.substr(pos, open - pos), line});
            countLines(std::string_view(src).substr(pos, open - pos));
        }
        const char type = src[open + 1];
        const std::string close = type == '{' ? "}}" : type == '%' ? "%}" : "#}";
        size_t end = src.find(close, open + 2);
        if (end == std::string::npos)
            fail(line, "unclosed tag, expected \"" + close + "\"");
        // A "}}" inside a string literal of an expression would end the tag early; skip over strings.
        if (type != '#') {
            char quote = 0;
            size_t i = open + 2;
            for (; i < src.size(); ++i) {
                const char c = src[i];
                if (quote) {
                    if (c == '\\')
                        ++i;
                    else if (c == quote)
                        quote = 0;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (src.compare(i, 2, close) == 0) {
                    break;
                }
            }
            if (i >= src.size())
                fail(line, "unclosed tag, expected \"" + close + "\"");
            end = i;
        }
        Chunk chunk{type == '{' ? Chunk::Kind::Var : type == '%' ? Chunk::Kind::Block : Chunk::Kind::Comment, {}, line};
        size_t innerBegin = open + 2;
        size_t innerEnd = end;
        if (innerBegin < innerEnd && src[innerBegin] == '-') {
            chunk.stripBefore = true;
            ++innerBegin;
        } else if (innerBegin < innerEnd && src[innerBegin] == '+') {
            chunk.keepIndent = true;
            ++innerBegin;
        }
        if (innerEnd > innerBegin && src[innerEnd - 1] == '-') {
            chunk.stripAfter = true;
            --innerEnd;
        } else if (innerEnd > innerBegin && src[innerEnd - 1] == '+') {
            --innerEnd;
        }
        chunk.text = src.substr(innerBegin, innerEnd - innerBegin);
        countLines(std::string_view(src).substr(open, end + 2 - open));
        chunks.push_back(std::move(chunk));
        pos = end + 2;
    }

    // Whitespace control: "-" strips all whitespace on that side; for block and comment tags
    // lstrip_blocks removes the indentation before the tag (decided on the original text, as Jinja's
    // lexer does) and trim_blocks the newline after it. Ends of text chunks are cut before starts so
    // that both cuts of one chunk keep their positions.
    std::vector<size_t> cutEnd(chunks.size(), std::string::npos);
    for (size_t i = 1; i < chunks.size(); ++i) {
        const Chunk& c = chunks[i];
        const Chunk& prev = chunks[i - 1];
        if (c.kind == Chunk::Kind::Text || prev.kind != Chunk::Kind::Text)
            continue;
        if (c.stripBefore) {
            size_t k = prev.text.size();
            while (k > 0 && isJinjaSpace(prev.text[k - 1]))
                --k;
            cutEnd[i - 1] = k;
        } else if (c.kind != Chunk::Kind::Var && !c.keepIndent) {
            size_t k = prev.text.size();
            while (k > 0 && isSpaceOrTab(prev.text[k - 1]))
                --k;
            if ((k > 0 && prev.text[k - 1] == '\n') || (k == 0 && i == 1))
                cutEnd[i - 1] = k;
        }
    }
    for (size_t i = 0; i < chunks.size(); ++i) {
        if (cutEnd[i] != std::string::npos)
            chunks[i].text.resize(cutEnd[i]);
    }
    for (size_t i = 0; i + 1 < chunks.size(); ++i) {
        const Chunk& c = chunks[i];
        if (c.kind == Chunk::Kind::Text || chunks[i + 1].kind != Chunk::Kind::Text)
            continue;
        std::string& next = chunks[i + 1].text;
        if (c.stripAfter) {
            size_t k = 0;
            while (k < next.size() && isJinjaSpace(next[k]))
                ++k;
            next.erase(0, k);
        } else if (c.kind != Chunk::Kind::Var) {
            if (next.starts_with("\r\n"))
                next.erase(0, 2);
            else if (next.starts_with('\n'))
                next.erase(0, 1);
        }
    }
    return chunks;
}

// Tokens of the expression language inside a tag.
struct Token {
    enum class Kind { Name, Int, Float, String, Op, End } kind;
    std::string text;
};

std::vector<Token> lex(const std::string& s, int line)
{
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (isJinjaSpace(c)) {
            ++i;
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            size_t j = i;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_'))
                ++j;
            tokens.push_back(Token{Token::Kind::Name, s.substr(i, j - i)});
            i = j;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            size_t j = i;
            bool isFloat = false;
            while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '_'))
                ++j;
            if (j + 1 < s.size() && s[j] == '.' && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
                isFloat = true;
                ++j;
                while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                    ++j;
            }
            if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
                size_t k = j + 1;
                if (k < s.size() && (s[k] == '+' || s[k] == '-'))
                    ++k;
                if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
                    isFloat = true;
                    j = k;
                    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                        ++j;
                }
            }
            std::string digits;
            for (size_t k = i; k < j; ++k) {
                if (s[k] != '_')
                    digits.push_back(s[k]);
            }
            tokens.push_back(Token{isFloat ? Token::Kind::Float : Token::Kind::Int, digits});
            i = j;
            continue;
        }
        if (c == '\'' || c == '"') {
            std::string value;
            size_t j = i + 1;
            for (; j < s.size() && s[j] != c; ++j) {
                if (s[j] != '\\' || j + 1 >= s.size()) {
                    value.push_back(s[j]);
                    continue;
                }
                const char e = s[++j];
                switch (e) {
                case 'n':
                    value.push_back('\n');
                    break;
                case 't':
                    value.push_back('\t');
                    break;
                case 'r':
                    value.push_back('\r');
                    break;
                case '\\':
                    value.push_back('\\');
                    break;
                case '\'':
                    value.push_back('\'');
                    break;
                case '"':
                    value.push_back('"');
                    break;
                case '0':
                    value.push_back('\0');
                    break;
                case 'u':
                case 'x': {
                    const size_t digits = e == 'u' ? 4 : 2;
                    if (j + digits >= s.size())
                        fail(line, "bad escape in string literal");
                    const unsigned long cp = std::stoul(s.substr(j + 1, digits), nullptr, 16);
                    j += digits;
                    // Encode as UTF-8.
                    if (cp < 0x80) {
                        value.push_back(static_cast<char>(cp));
                    } else if (cp < 0x800) {
                        value.push_back(static_cast<char>(0xC0 | (cp >> 6)));
                        value.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
                    } else {
                        value.push_back(static_cast<char>(0xE0 | (cp >> 12)));
                        value.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
                        value.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
                    }
                    break;
                }
                default: // Python keeps unknown escapes as written
                    value.push_back('\\');
                    value.push_back(e);
                }
            }
            if (j >= s.size())
                fail(line, "unterminated string literal");
            tokens.push_back(Token{Token::Kind::String, value});
            i = j + 1;
            continue;
        }
        static const char* const ops[] = {"//", "**", "==", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ".", ",",
            ":", "|", "~", "+", "-", "*", "/", "%", "<", ">", "="};
        bool matched = false;
        for (const char* op : ops) {
            const size_t len = std::char_traits<char>::length(op);
            if (s.compare(i, len, op) == 0) {
                tokens.push_back(Token{Token::Kind::Op, op});
                i += len;
                matched = true;
                break;
            }
        }
        if (!matched)
            fail(line, std::string("unexpected character '") + c + "'");
    }
    tokens.push_back(Token{Token::Kind::End, {}});
    return tokens;
}

// Recursive descent over one tag's tokens, with Jinja2's precedence:
// ternary < or < and < not < comparisons < + - < ~ < * / // % < ** < unary, postfix, filters, tests.
class ExprParser {
public:
    ExprParser(std::vector<Token> tokens, int line)
        : m_tokens(std::move(tokens))
        , m_line(line)
    {
        // A binary chain (1+1+1+...) parses in a loop but builds a tree as deep as it is long, freed recursively.
        if (m_tokens.size() > kMaxTokens)
            fail(line, "a tag of more than " + std::to_string(kMaxTokens) + " tokens");
    }
    static constexpr size_t kMaxTokens = 10000;

    const Token& peek(size_t ahead = 0) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
    bool atEnd() const { return peek().kind == Token::Kind::End; }
    bool isOp(const char* op, size_t ahead = 0) const
    {
        return peek(ahead).kind == Token::Kind::Op && peek(ahead).text == op;
    }
    bool isName(const char* name, size_t ahead = 0) const
    {
        return peek(ahead).kind == Token::Kind::Name && peek(ahead).text == name;
    }
    bool acceptOp(const char* op)
    {
        if (!isOp(op))
            return false;
        ++m_pos;
        return true;
    }
    bool acceptName(const char* name)
    {
        if (!isName(name))
            return false;
        ++m_pos;
        return true;
    }
    void expectOp(const char* op)
    {
        if (!acceptOp(op))
            fail(m_line, std::string("expected '") + op + "' but found '" + peek().text + "'");
    }
    std::string expectName()
    {
        if (peek().kind != Token::Kind::Name)
            fail(m_line, "expected a name but found '" + peek().text + "'");
        return m_tokens[m_pos++].text;
    }
    void expectEnd()
    {
        if (!atEnd())
            fail(m_line, "unexpected '" + peek().text + "'");
    }

    ExprPtr node(Expr::Kind kind, std::string name = {})
    {
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        e->name = std::move(name);
        e->line = m_line;
        return e;
    }

    ExprPtr parseExpression()
    {
        const NestingGuard guard(m_depth, m_line);
        ExprPtr value = parseOr();
        if (isName("if")) {
            ++m_pos;
            ExprPtr cond = parseOr();
            ExprPtr otherwise;
            if (acceptName("else"))
                otherwise = parseExpression();
            auto t = node(Expr::Kind::Ternary);
            t->args.push_back(std::move(value));
            t->args.push_back(std::move(cond));
            t->args.push_back(std::move(otherwise));
            return t;
        }
        return value;
    }

    // An expression without the trailing "if": for-loop iterables take "if" as their filter.
    ExprPtr parseOrOnly() { return parseOr(); }

    // A comma-separated tuple without parentheses ({% set a = 1, 2 %} is rare; used for for-targets).
    std::vector<std::string> parseTargets()
    {
        std::vector<std::string> names{expectName()};
        while (acceptOp(","))
            names.push_back(expectName());
        return names;
    }

private:
    ExprPtr binary(std::string op, ExprPtr left, ExprPtr right)
    {
        auto b = node(Expr::Kind::Binary, std::move(op));
        b->args.push_back(std::move(left));
        b->args.push_back(std::move(right));
        return b;
    }

    ExprPtr parseOr()
    {
        ExprPtr left = parseAnd();
        while (acceptName("or"))
            left = binary("or", std::move(left), parseAnd());
        return left;
    }
    ExprPtr parseAnd()
    {
        ExprPtr left = parseNot();
        while (acceptName("and"))
            left = binary("and", std::move(left), parseNot());
        return left;
    }
    ExprPtr parseNot()
    {
        if (acceptName("not")) {
            auto n = node(Expr::Kind::Unary, "not");
            n->args.push_back(parseNot());
            return n;
        }
        return parseCompare();
    }
    ExprPtr parseCompare()
    {
        ExprPtr left = parseMath1();
        while (true) {
            std::string op;
            if (isOp("==") || isOp("!=") || isOp("<") || isOp(">") || isOp("<=") || isOp(">=")) {
                op = m_tokens[m_pos++].text;
            } else if (isName("in")) {
                ++m_pos;
                op = "in";
            } else if (isName("not") && isName("in", 1)) {
                m_pos += 2;
                op = "notin";
            } else {
                return left;
            }
            left = binary(op, std::move(left), parseMath1());
        }
    }
    ExprPtr parseMath1()
    {
        ExprPtr left = parseConcat();
        while (isOp("+") || isOp("-")) {
            std::string op = m_tokens[m_pos++].text;
            left = binary(op, std::move(left), parseConcat());
        }
        return left;
    }
    ExprPtr parseConcat()
    {
        ExprPtr left = parseMath2();
        while (acceptOp("~"))
            left = binary("~", std::move(left), parseMath2());
        return left;
    }
    ExprPtr parseMath2()
    {
        ExprPtr left = parsePow();
        while (isOp("*") || isOp("/") || isOp("//") || isOp("%")) {
            std::string op = m_tokens[m_pos++].text;
            left = binary(op, std::move(left), parsePow());
        }
        return left;
    }
    ExprPtr parsePow()
    {
        ExprPtr left = parseUnary();
        while (acceptOp("**"))
            left = binary("**", std::move(left), parseUnary());
        return left;
    }
    ExprPtr parseUnary()
    {
        const NestingGuard guard(m_depth, m_line);
        if (isOp("-") || isOp("+")) {
            auto n = node(Expr::Kind::Unary, m_tokens[m_pos++].text);
            n->args.push_back(parseUnary());
            return n;
        }
        ExprPtr e = parsePostfix(parsePrimary());
        // Filters and tests bind tighter than any operator.
        while (true) {
            if (acceptOp("|")) {
                auto f = node(Expr::Kind::Filter, qualifiedName());
                f->args.push_back(std::move(e));
                if (isOp("("))
                    parseCallArgs(*f);
                e = parsePostfix(std::move(f));
            } else if (acceptName("is")) {
                auto t = node(Expr::Kind::Test);
                t->negated = acceptName("not");
                t->name = expectName();
                t->args.push_back(std::move(e));
                if (isOp("(")) {
                    parseCallArgs(*t);
                } else if (peek().kind == Token::Kind::String || peek().kind == Token::Kind::Int
                    || peek().kind == Token::Kind::Float
                    || (peek().kind == Token::Kind::Name && !isName("and") && !isName("or") && !isName("else")
                        && !isName("if") && !isName("in") && !isName("not") && !isName("is"))) {
                    t->args.push_back(parsePostfix(parsePrimary()));
                }
                e = std::move(t);
            } else {
                return e;
            }
        }
    }
    std::string qualifiedName()
    {
        std::string name = expectName();
        while (isOp(".") && peek(1).kind == Token::Kind::Name) {
            m_pos += 1;
            name += "." + expectName();
        }
        return name;
    }
    void parseCallArgs(Expr& call)
    {
        expectOp("(");
        while (!acceptOp(")")) {
            if (peek().kind == Token::Kind::Name && isOp("=", 1)) {
                std::string key = expectName();
                expectOp("=");
                call.kwargs.emplace_back(std::move(key), parseExpression());
            } else {
                call.args.push_back(parseExpression());
            }
            if (!isOp(")"))
                expectOp(",");
        }
    }
    ExprPtr parsePostfix(ExprPtr e)
    {
        while (true) {
            if (acceptOp(".")) {
                auto a = node(Expr::Kind::Attr);
                if (peek().kind == Token::Kind::Int)
                    a->name = m_tokens[m_pos++].text;
                else
                    a->name = expectName();
                a->args.push_back(std::move(e));
                e = std::move(a);
            } else if (acceptOp("[")) {
                ExprPtr parts[3];
                int colons = 0;
                if (!isOp(":"))
                    parts[0] = parseExpression();
                while (colons < 2 && acceptOp(":")) {
                    ++colons;
                    if (!isOp(":") && !isOp("]"))
                        parts[colons] = parseExpression();
                }
                expectOp("]");
                auto s = node(colons == 0 ? Expr::Kind::Index : Expr::Kind::Slice);
                s->args.push_back(std::move(e));
                if (colons == 0) {
                    s->args.push_back(std::move(parts[0]));
                } else {
                    for (auto& p : parts)
                        s->args.push_back(std::move(p));
                }
                e = std::move(s);
            } else if (isOp("(")) {
                auto c = node(Expr::Kind::Call);
                c->args.push_back(std::move(e));
                parseCallArgs(*c);
                e = std::move(c);
            } else {
                return e;
            }
        }
    }
    ExprPtr parsePrimary()
    {
        const Token& t = peek();
        switch (t.kind) {
        case Token::Kind::String: {
            // Adjacent string literals concatenate, as in Python.
            auto lit = node(Expr::Kind::Literal);
            std::string s;
            while (peek().kind == Token::Kind::String)
                s += m_tokens[m_pos++].text;
            lit->value = s;
            return lit;
        }
        case Token::Kind::Int: {
            auto lit = node(Expr::Kind::Literal);
            lit->value = std::stoll(t.text);
            ++m_pos;
            return lit;
        }
        case Token::Kind::Float: {
            auto lit = node(Expr::Kind::Literal);
            lit->value = std::stod(t.text);
            ++m_pos;
            return lit;
        }
        case Token::Kind::Name: {
            ++m_pos;
            auto lit = node(Expr::Kind::Literal);
            if (t.text == "true" || t.text == "True") {
                lit->value = true;
                return lit;
            }
            if (t.text == "false" || t.text == "False") {
                lit->value = false;
                return lit;
            }
            if (t.text == "none" || t.text == "None") {
                lit->value = nullptr;
                return lit;
            }
            return node(Expr::Kind::Name, t.text);
        }
        case Token::Kind::Op:
            if (acceptOp("(")) {
                if (acceptOp(")"))
                    return node(Expr::Kind::Tuple);
                ExprPtr first = parseExpression();
                if (acceptOp(")"))
                    return first;
                auto tuple = node(Expr::Kind::Tuple);
                tuple->args.push_back(std::move(first));
                while (acceptOp(",")) {
                    if (isOp(")"))
                        break;
                    tuple->args.push_back(parseExpression());
                }
                expectOp(")");
                return tuple;
            }
            if (acceptOp("[")) {
                auto list = node(Expr::Kind::List);
                while (!acceptOp("]")) {
                    list->args.push_back(parseExpression());
                    if (!isOp("]"))
                        expectOp(",");
                }
                return list;
            }
            if (acceptOp("{")) {
                auto dict = node(Expr::Kind::Dict);
                while (!acceptOp("}")) {
                    dict->args.push_back(parseExpression());
                    expectOp(":");
                    dict->args.push_back(parseExpression());
                    if (!isOp("}"))
                        expectOp(",");
                }
                return dict;
            }
            break;
        case Token::Kind::End:
            fail(m_line, "unexpected end of expression");
        }
        fail(m_line, "unexpected '" + t.text + "'");
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_line;
    int m_depth = 0; // nested expressions being parsed
};

class StmtParser {
public:
    explicit StmtParser(std::vector<Chunk> chunks)
        : m_chunks(std::move(chunks))
    {
    }

    // Parses statements until one of the end keywords; returns which one ended the body ("" at the end).
    std::string parseBody(Body& body, const std::vector<std::string>& ends, std::unique_ptr<ExprParser>* endTag)
    {
        const NestingGuard guard(m_depth, m_pos < m_chunks.size() ? m_chunks[m_pos].line : 0);
        while (m_pos < m_chunks.size()) {
            const Chunk& chunk = m_chunks[m_pos++];
            switch (chunk.kind) {
            case Chunk::Kind::Comment:
                break;
            case Chunk::Kind::Text:
                if (!chunk.text.empty()) {
                    auto s = std::make_unique<Stmt>();
                    s->kind = Stmt::Kind::Text;
                    s->text = chunk.text;
                    body.push_back(std::move(s));
                }
                break;
            case Chunk::Kind::Var: {
                auto parser = std::make_unique<ExprParser>(lex(chunk.text, chunk.line), chunk.line);
                auto s = std::make_unique<Stmt>();
                s->kind = Stmt::Kind::Output;
                s->line = chunk.line;
                s->exprs.push_back(parser->parseExpression());
                parser->expectEnd();
                body.push_back(std::move(s));
                break;
            }
            case Chunk::Kind::Block: {
                auto parser = std::make_unique<ExprParser>(lex(chunk.text, chunk.line), chunk.line);
                const std::string keyword = parser->expectName();
                for (const std::string& end : ends) {
                    if (keyword == end) {
                        if (endTag)
                            *endTag = std::move(parser);
                        return keyword;
                    }
                }
                body.push_back(parseStatement(keyword, *parser, chunk.line));
            }
            }
        }
        if (!ends.empty())
            fail(m_chunks.empty() ? 1 : m_chunks.back().line, "missing {% " + ends.back() + " %}");
        return {};
    }

private:
    StmtPtr parseStatement(const std::string& keyword, ExprParser& p, int line)
    {
        auto s = std::make_unique<Stmt>();
        s->line = line;
        if (keyword == "if") {
            s->kind = Stmt::Kind::If;
            s->exprs.push_back(p.parseExpression());
            p.expectEnd();
            while (true) {
                Body branch;
                std::unique_ptr<ExprParser> tag;
                const std::string end = parseBody(branch, {"elif", "else", "endif"}, &tag);
                s->bodies.push_back(std::move(branch));
                if (end == "elif") {
                    s->exprs.push_back(tag->parseExpression());
                    tag->expectEnd();
                } else if (end == "else") {
                    tag->expectEnd();
                    Body elseBody;
                    std::unique_ptr<ExprParser> endTag;
                    parseBody(elseBody, {"endif"}, &endTag);
                    endTag->expectEnd();
                    s->bodies.push_back(std::move(elseBody));
                    s->hasElse = true;
                    break;
                } else {
                    tag->expectEnd();
                    break;
                }
            }
            return s;
        }
        if (keyword == "for") {
            s->kind = Stmt::Kind::For;
            s->targets = p.parseTargets();
            if (!p.acceptName("in"))
                fail(line, "expected 'in' in for loop");
            s->exprs.push_back(p.parseOrOnly());
            if (p.acceptName("if"))
                s->exprs.push_back(p.parseOrOnly());
            else
                s->exprs.push_back(nullptr);
            if (p.acceptName("recursive"))
                fail(line, "recursive loops are not supported");
            p.expectEnd();
            Body body;
            std::unique_ptr<ExprParser> tag;
            const std::string end = parseBody(body, {"else", "endfor"}, &tag);
            tag->expectEnd();
            s->bodies.push_back(std::move(body));
            Body elseBody;
            if (end == "else") {
                std::unique_ptr<ExprParser> endTag;
                parseBody(elseBody, {"endfor"}, &endTag);
                endTag->expectEnd();
            }
            s->bodies.push_back(std::move(elseBody));
            return s;
        }
        if (keyword == "set") {
            s->text = p.expectName();
            if (p.acceptOp("."))
                s->attr = p.expectName();
            if (p.acceptOp("=")) {
                s->kind = Stmt::Kind::Set;
                s->exprs.push_back(p.parseExpression());
                p.expectEnd();
                return s;
            }
            if (!s->attr.empty())
                fail(line, "expected '=' after set target");
            p.expectEnd();
            s->kind = Stmt::Kind::SetBlock;
            Body body;
            std::unique_ptr<ExprParser> tag;
            parseBody(body, {"endset"}, &tag);
            s->bodies.push_back(std::move(body));
            return s;
        }
        if (keyword == "macro") {
            s->kind = Stmt::Kind::Macro;
            s->text = p.expectName();
            p.expectOp("(");
            while (!p.acceptOp(")")) {
                s->targets.push_back(p.expectName());
                s->exprs.push_back(p.acceptOp("=") ? p.parseExpression() : nullptr);
                if (!p.isOp(")"))
                    p.expectOp(",");
            }
            p.expectEnd();
            Body body;
            std::unique_ptr<ExprParser> tag;
            parseBody(body, {"endmacro"}, &tag);
            s->bodies.push_back(std::move(body));
            return s;
        }
        if (keyword == "break" || keyword == "continue") {
            p.expectEnd();
            s->kind = keyword == "break" ? Stmt::Kind::Break : Stmt::Kind::Continue;
            return s;
        }
        fail(line, "unsupported tag {% " + keyword + " %}");
    }

    std::vector<Chunk> m_chunks;
    size_t m_pos = 0;
    int m_depth = 0; // block tags open
};

} // namespace

Body JinjaParser::parse(const std::string& source)
{
    StmtParser parser(splitChunks(source));
    Body body;
    parser.parseBody(body, {}, nullptr);
    return body;
}

} // namespace tl::jinja
