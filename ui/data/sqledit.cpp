#include "sqledit.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocumentFragment>

namespace rov::ui {

namespace {

class SqlHighlighter : public QueryHighlighter
{
public:
    using QueryHighlighter::QueryHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression keywords(
            QStringLiteral("\\b(?:SELECT|FROM|WHERE|GROUP|BY|ORDER|HAVING|QUALIFY|LIMIT|OFFSET|"
                           "JOIN|LEFT|RIGHT|FULL|INNER|OUTER|CROSS|ON|USING|AS|WITH|UNION|ALL|"
                           "DISTINCT|INTERSECT|EXCEPT|AND|OR|NOT|IN|IS|NULL|TRUE|FALSE|CASE|WHEN|"
                           "THEN|ELSE|END|BETWEEN|LIKE|INSERT|INTO|VALUES|UPDATE|SET|DELETE|"
                           "MERGE|MATCHED|CREATE|REPLACE|TABLE|VIEW|DROP|ALTER|ADD|COLUMN|IF|"
                           "EXISTS|UNNEST|STRUCT|ARRAY|WINDOW|OVER|PARTITION|ROWS|RANGE|ASC|DESC|"
                           "CAST|SAFE_CAST|INTERVAL|DECLARE)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression functions(QStringLiteral("\\b[A-Za-z_][\\w]*(?=\\s*\\()"));
        static const QRegularExpression numbers(QStringLiteral("\\b\\d+(?:\\.\\d+)?\\b"));
        static const QRegularExpression quoted(
            QStringLiteral("'(?:[^'\\\\]|\\\\.)*'?|\"(?:[^\"\\\\]|\\\\.)*\"?|`[^`]*`?"));
        static const QRegularExpression comments(QStringLiteral("(?:--|#).*$"));
        const Formats &format = formats();
        paintMatches(text, functions, format.field);
        paintMatches(text, keywords, format.keyword);
        paintMatches(text, numbers, format.muted);
        paintMatches(text, quoted, format.string);
        paintMatches(text, comments, format.comment);
    }
};

} // namespace

SqlEdit::SqlEdit(QWidget *parent) : QueryEdit(parent)
{
    setObjectName(QStringLiteral("sqlEdit"));
    new SqlHighlighter(document());
    setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(this, &QPlainTextEdit::textChanged, this, [this] { markError(0, 0); });
}

QString SqlEdit::queryToRun() const
{
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return cursor.selection().toPlainText();
    return toPlainText();
}

void SqlEdit::markError(int line, int column)
{
    if (line <= 0) {
        clearErrorMark();
        return;
    }
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        std::clamp(column - 1, 0, std::max(0, block.length() - 1)));
    markWordAt(cursor);
}

} // namespace rov::ui
