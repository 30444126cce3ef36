#include "sqledit.h"

#include "core/palette.h"

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextDocumentFragment>

namespace rov::ui {

namespace {

class SqlHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat keyword;
        keyword.setForeground(QColor(QLatin1String(palette::kQueryKeyword)));
        keyword.setFontWeight(QFont::Bold);
        QTextCharFormat function;
        function.setForeground(QColor(QLatin1String(palette::kQueryField)));
        QTextCharFormat string;
        string.setForeground(QColor(QLatin1String(palette::kQueryString)));
        QTextCharFormat number;
        number.setForeground(QColor(QLatin1String(palette::kChartNeutral)));
        QTextCharFormat comment;
        comment.setForeground(QColor(QLatin1String(palette::kChartNeutral)));
        comment.setFontItalic(true);

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
        for (const auto &[pattern, format] :
             {std::pair{&functions, function}, std::pair{&keywords, keyword},
              std::pair{&numbers, number}, std::pair{&quoted, string},
              std::pair{&comments, comment}}) {
            for (auto it = pattern->globalMatch(text); it.hasNext();) {
                const auto match = it.next();
                setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
            }
        }
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
