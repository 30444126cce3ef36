#include "logfilter.h"

#include "api/logging/logwire.h"

#include <QDateTime>
#include <array>
#include <utility>

namespace rov::localplane::logs {

namespace {

using Kind = FilterNode::Kind;
using Op = FilterNode::Op;

struct Token
{
    enum class Type
    {
        End,
        Open,
        Close,
        Word,   // bare text, or a field path
        String, // "quoted"
        Operator,
        And,
        Or,
        Not, // NOT, or '-' before a term
    };
    Type type = Type::End;
    int position = 0;
    QString text;      // Word: as written; String: unquoted
    QStringList path;  // Word: its segments, quoted ones unquoted
    Op op = Op::Equal; // Operator
};

struct Failure
{
    FilterError error;
};

bool isWordChar(QChar c)
{
    static const QString special = QStringLiteral("()\"=!<>:~");
    return !c.isSpace() && !special.contains(c);
}

class Lexer
{
public:
    explicit Lexer(const QString &text) : m_text(text) {}

    std::vector<Token> tokens()
    {
        std::vector<Token> out;
        while (true) {
            skipSpace();
            Token token;
            token.position = m_at;
            if (m_at >= m_text.size()) {
                out.push_back(token);
                return out;
            }
            const QChar c = m_text[m_at];
            if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
                token.type = c == QLatin1Char('(') ? Token::Type::Open : Token::Type::Close;
                ++m_at;
            } else if (c == QLatin1Char('"')) {
                token.type = Token::Type::String;
                token.text = quoted();
            } else if (const auto op = operatorHere()) {
                token.type = Token::Type::Operator;
                token.op = *op;
            } else if (c == QLatin1Char('-') && m_at + 1 < m_text.size() &&
                       !m_text[m_at + 1].isSpace()) {
                token.type = Token::Type::Not; // "-x" is NOT x
                ++m_at;
            } else {
                word(token);
            }
            out.push_back(token);
        }
    }

private:
    void skipSpace()
    {
        while (m_at < m_text.size() && m_text[m_at].isSpace())
            ++m_at;
    }

    std::optional<Op> operatorHere()
    {
        static const std::array<std::pair<const char *, Op>, 9> operators{
            {{"!=", Op::NotEqual},
             {"!~", Op::NotRegex},
             {"<=", Op::LessOrEqual},
             {">=", Op::GreaterOrEqual},
             {"=~", Op::Regex},
             {"=", Op::Equal},
             {"<", Op::Less},
             {">", Op::Greater},
             {":", Op::Has}}};
        for (const auto &[spelling, op] : operators) {
            const QLatin1String text(spelling);
            if (QStringView(m_text).mid(m_at).startsWith(text)) {
                m_at += int(text.size());
                return op;
            }
        }
        if (m_text[m_at] == QLatin1Char('!') || m_text[m_at] == QLatin1Char('~'))
            throw Failure{{m_at, QStringLiteral("expected an operator (= != < <= > >= : =~ !~)")}};
        return std::nullopt;
    }

    // A "quoted" value: \" and \\ stand for themselves.
    QString quoted()
    {
        const int start = m_at++;
        QString value;
        while (m_at < m_text.size()) {
            const QChar c = m_text[m_at++];
            if (c == QLatin1Char('"'))
                return value;
            if (c == QLatin1Char('\\') && m_at < m_text.size())
                value += m_text[m_at++];
            else
                value += c;
        }
        throw Failure{{start, QStringLiteral("a quoted value that is never closed")}};
    }

    // A bare word or a field path: labels."ml.googleapis.com/ray_cluster_id" is one.
    void word(Token &token)
    {
        token.type = Token::Type::Word;
        QString segment;
        while (m_at < m_text.size()) {
            const QChar c = m_text[m_at];
            if (c == QLatin1Char('"') && m_at > token.position &&
                m_text[m_at - 1] == QLatin1Char('.')) {
                const int start = m_at;
                token.path << quoted();
                token.text += m_text.mid(start, m_at - start);
                continue;
            }
            if (!isWordChar(c))
                break;
            token.text += c;
            if (c == QLatin1Char('.')) {
                if (!segment.isEmpty())
                    token.path << segment;
                segment.clear();
            } else {
                segment += c;
            }
            ++m_at;
        }
        if (!segment.isEmpty())
            token.path << segment;
        if (token.text == QLatin1String("AND"))
            token.type = Token::Type::And;
        else if (token.text == QLatin1String("OR"))
            token.type = Token::Type::Or;
        else if (token.text == QLatin1String("NOT"))
            token.type = Token::Type::Not;
    }

    const QString &m_text;
    int m_at = 0;
};

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    FilterNode filter()
    {
        if (peek().type == Token::Type::End)
            return FilterNode{Kind::And, {}, {}, Op::Equal, {}, 0};
        FilterNode node = expression();
        if (peek().type == Token::Type::Close)
            fail(peek().position, QStringLiteral("a ')' without its '('"));
        return node;
    }

private:
    const Token &peek() const { return m_tokens[m_next]; }
    const Token &take() { return m_tokens[m_next < m_tokens.size() - 1 ? m_next++ : m_next]; }

    [[noreturn]] static void fail(int position, const QString &message)
    {
        throw Failure{{position, message}};
    }

    static FilterNode group(Kind kind, std::vector<FilterNode> items)
    {
        if (items.size() == 1)
            return std::move(items.front());
        const int position = items.front().position;
        return FilterNode{kind, std::move(items), {}, Op::Equal, {}, position};
    }

    // AND binds loosest, explicit or implied by a space.
    FilterNode expression()
    {
        std::vector<FilterNode> items{orGroup()};
        while (peek().type != Token::Type::End && peek().type != Token::Type::Close) {
            if (peek().type == Token::Type::And)
                take();
            items.push_back(orGroup());
        }
        return group(Kind::And, std::move(items));
    }

    FilterNode orGroup()
    {
        std::vector<FilterNode> items{unary()};
        while (peek().type == Token::Type::Or) {
            take();
            items.push_back(unary());
        }
        return group(Kind::Or, std::move(items));
    }

    FilterNode unary()
    {
        if (peek().type == Token::Type::Not) {
            const int position = take().position;
            const Nesting nested(*this, position);
            return FilterNode{Kind::Not, {unary()}, {}, Op::Equal, {}, position};
        }
        return primary();
    }

    // One level of NOT, '-' or parentheses, within the limit (kMaxFilterDepth): a deeper filter
    // is refused where it goes too deep, before the parser's stack or SQLite's would overflow.
    class Nesting
    {
    public:
        Nesting(Parser &parser, int position) : m_parser(parser)
        {
            if (++m_parser.m_depth > kMaxFilterDepth)
                fail(position, QStringLiteral("the filter nests NOT, '-' and parentheses more than "
                                              "%1 levels deep, which is as deep as rovd reads")
                                   .arg(kMaxFilterDepth));
        }
        ~Nesting() { --m_parser.m_depth; }
        Nesting(const Nesting &) = delete;
        Nesting &operator=(const Nesting &) = delete;

    private:
        Parser &m_parser;
    };

    // One more term (a comparison or a search word), within kMaxFilterTerms.
    void countTerm(int position)
    {
        if (++m_terms > kMaxFilterTerms)
            fail(position, QStringLiteral("the filter has more than %1 terms (comparisons and "
                                          "search words), which is as many as rovd reads")
                               .arg(kMaxFilterTerms));
    }

    FilterNode primary()
    {
        const Token &token = peek();
        switch (token.type) {
        case Token::Type::Open: {
            const Nesting nested(*this, take().position);
            FilterNode inner = expression();
            if (peek().type != Token::Type::Close)
                fail(peek().position, QStringLiteral("expected ')'"));
            take();
            return inner;
        }
        case Token::Type::Word:
            take();
            if (peek().type == Token::Type::Operator)
                return comparison(token);
            countTerm(token.position);
            return FilterNode{Kind::Text, {}, {}, Op::Has, token.text, token.position};
        case Token::Type::String:
            take();
            countTerm(token.position);
            if (peek().type == Token::Type::Operator)
                fail(token.position, QStringLiteral("a field name, not a quoted value, goes "
                                                    "before an operator"));
            return FilterNode{Kind::Text, {}, {}, Op::Has, token.text, token.position};
        case Token::Type::End:
            fail(token.position, QStringLiteral("expected a term at the end of the filter"));
        case Token::Type::Close:
            fail(token.position, QStringLiteral("expected a term before ')'"));
        case Token::Type::And:
        case Token::Type::Or:
            fail(token.position, QStringLiteral("expected a term before %1")
                                     .arg(token.type == Token::Type::And ? QStringLiteral("AND")
                                                                         : QStringLiteral("OR")));
        case Token::Type::Operator:
            fail(token.position, QStringLiteral("expected a field name before the operator"));
        case Token::Type::Not:
            break;
        }
        fail(token.position, QStringLiteral("expected a term"));
    }

    // field op value, or field op ("a" OR "b").
    FilterNode comparison(const Token &field)
    {
        checkField(field);
        const Token &operatorToken = take();
        const Op op = operatorToken.op;
        checkOperator(field, operatorToken);
        if (peek().type == Token::Type::Open) {
            take();
            std::vector<FilterNode> values{compared(field, op)};
            while (peek().type == Token::Type::Or) {
                take();
                values.push_back(compared(field, op));
            }
            if (peek().type != Token::Type::Close)
                fail(peek().position, QStringLiteral("expected OR or ')' in a list of values"));
            take();
            return group(Kind::Or, std::move(values));
        }
        return compared(field, op);
    }

    FilterNode compared(const Token &field, Op op)
    {
        const Token &value = peek();
        if (value.type != Token::Type::Word && value.type != Token::Type::String)
            fail(value.position, QStringLiteral("expected a value after the operator"));
        take();
        checkValue(field, value);
        countTerm(field.position);
        return FilterNode{Kind::Compare, {}, field.path, op, value.text, field.position};
    }

    static void checkField(const Token &field)
    {
        const QStringList &path = field.path;
        const QString first = path.value(0);
        static const QStringList single{
            QStringLiteral("severity"),         QStringLiteral("timestamp"),
            QStringLiteral("receiveTimestamp"), QStringLiteral("logName"),
            QStringLiteral("insertId"),         QStringLiteral("textPayload")};
        const bool known = (path.size() == 1 && single.contains(first)) ||
                           (first == QLatin1String("resource") &&
                            ((path.size() == 2 && path[1] == QLatin1String("type")) ||
                             (path.size() == 3 && path[1] == QLatin1String("labels")))) ||
                           (first == QLatin1String("labels") && path.size() == 2) ||
                           (first == QLatin1String("jsonPayload") && path.size() >= 2);
        if (!known)
            fail(field.position,
                 QStringLiteral("unknown field \"%1\"; a filter may name severity, timestamp, "
                                "receiveTimestamp, logName, insertId, resource.type, "
                                "resource.labels.KEY, labels.KEY, textPayload or "
                                "jsonPayload.FIELD")
                     .arg(field.text));
    }

    static bool ordered(const Token &field)
    {
        const QString &name = field.path.value(0);
        return field.path.size() == 1 &&
               (name == QLatin1String("severity") || name == QLatin1String("timestamp") ||
                name == QLatin1String("receiveTimestamp"));
    }

    static void checkOperator(const Token &field, const Token &op)
    {
        const bool regexOrHas = op.op == Op::Has || op.op == Op::Regex || op.op == Op::NotRegex;
        if (ordered(field) && regexOrHas)
            fail(op.position, QStringLiteral("%1 compares with = != < <= > >=").arg(field.text));
    }

    static void checkValue(const Token &field, const Token &value)
    {
        if (field.path == QStringList{QStringLiteral("severity")} && severityRank(value.text) < 0)
            fail(value.position,
                 QStringLiteral("unknown severity \"%1\"; one of DEFAULT, DEBUG, INFO, NOTICE, "
                                "WARNING, ERROR, CRITICAL, ALERT, EMERGENCY")
                     .arg(value.text));
        if (ordered(field) && field.path.value(0) != QLatin1String("severity") &&
            !QDateTime::fromString(value.text, Qt::ISODateWithMs).isValid())
            fail(value.position, QStringLiteral("\"%1\" is not a time; write it as RFC 3339, like "
                                                "\"2026-12-01T17:00:00Z\"")
                                     .arg(value.text));
    }

    std::vector<Token> m_tokens;
    size_t m_next = 0;
    int m_depth = 0;
    int m_terms = 0;
};

QString opText(Op op)
{
    switch (op) {
    case Op::Equal:
        return QStringLiteral("=");
    case Op::NotEqual:
        return QStringLiteral("!=");
    case Op::Less:
        return QStringLiteral("<");
    case Op::LessOrEqual:
        return QStringLiteral("<=");
    case Op::Greater:
        return QStringLiteral(">");
    case Op::GreaterOrEqual:
        return QStringLiteral(">=");
    case Op::Has:
        return QStringLiteral(":");
    case Op::Regex:
        return QStringLiteral("=~");
    case Op::NotRegex:
        return QStringLiteral("!~");
    }
    return {};
}

} // namespace

int severityRank(const QString &name)
{
    return api::logging::severityRank(name);
}

QString FilterNode::toString() const
{
    QStringList parts;
    for (const FilterNode &child : children)
        parts << child.toString();
    switch (kind) {
    case Kind::And:
        return QStringLiteral("AND(%1)").arg(parts.join(QStringLiteral(", ")));
    case Kind::Or:
        return QStringLiteral("OR(%1)").arg(parts.join(QStringLiteral(", ")));
    case Kind::Not:
        return QStringLiteral("NOT(%1)").arg(parts.join(QStringLiteral(", ")));
    case Kind::Compare: {
        QStringList path;
        for (const QString &segment : field)
            path << (segment.contains(QLatin1Char('.')) || segment.contains(QLatin1Char('/'))
                         ? QLatin1Char('"') + segment + QLatin1Char('"')
                         : segment);
        return path.join(QLatin1Char('.')) + opText(op) + QLatin1Char('"') + value +
               QLatin1Char('"');
    }
    case Kind::Text:
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return {};
}

std::variant<FilterNode, FilterError> parseLogFilter(const QString &filter)
{
    try {
        return Parser(Lexer(filter).tokens()).filter();
    } catch (const Failure &failure) {
        return failure.error;
    }
}

} // namespace rov::localplane::logs
