#include "logqueryedit.h"

#include "core/palette.h"

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace rov::ui {

namespace {

class QueryHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat keyword;
        keyword.setForeground(QColor(QLatin1String(palette::kQueryKeyword)));
        keyword.setFontWeight(QFont::Bold);
        QTextCharFormat field;
        field.setForeground(QColor(QLatin1String(palette::kQueryField)));
        QTextCharFormat string;
        string.setForeground(QColor(QLatin1String(palette::kQueryString)));
        QTextCharFormat op;
        op.setForeground(QColor(QLatin1String(palette::kChartNeutral)));
        op.setFontWeight(QFont::Bold);

        static const QRegularExpression fields(QStringLiteral(
            "[A-Za-z_][\\w]*(?:\\.(?:\"[^\"]*\"|[\\w]+))*(?=\\s*(?:=~|!~|>=|<=|!=|[=<>:]))"));
        static const QRegularExpression operators(QStringLiteral("=~|!~|>=|<=|!=|[=<>:()]"));
        static const QRegularExpression keywords(
            QStringLiteral("\\b(?:AND|OR|NOT)\\b|(?<=^|\\s)-(?=\\S)"));
        static const QRegularExpression strings(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"?"));
        for (const auto &[pattern, format] : {std::pair{&fields, field}, std::pair{&operators, op},
                                              std::pair{&keywords, keyword}}) {
            for (auto it = pattern->globalMatch(text); it.hasNext();) {
                const auto match = it.next();
                setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
            }
        }
        // Strings last: what is quoted is a value, whatever it looks like.
        for (auto it = strings.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            if (match.capturedStart() > 0 && text[match.capturedStart() - 1] == u'.')
                continue; // a quoted key: labels."ml.googleapis.com/…"
            setFormat(int(match.capturedStart()), int(match.capturedLength()), string);
        }
    }
};

} // namespace

LogQueryEdit::LogQueryEdit(QWidget *parent) : QueryEdit(parent)
{
    setObjectName(QStringLiteral("logQuery"));
    new QueryHighlighter(document());
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    connect(this, &QPlainTextEdit::textChanged, this, [this] { markError(-1); });
}

QSize LogQueryEdit::sizeHint() const
{
    const int lines = 4;
    return {QPlainTextEdit::sizeHint().width(),
            fontMetrics().lineSpacing() * lines + 2 * frameWidth() + 8};
}

void LogQueryEdit::markError(int offset)
{
    if (offset < 0) {
        clearErrorMark();
        return;
    }
    QTextCursor cursor(document());
    cursor.setPosition(std::min(offset, document()->characterCount() - 1));
    markWordAt(cursor);
    const QSignalBlocker quiet(this);
    setTextCursor(cursor);
    setFocus(Qt::OtherFocusReason);
}

} // namespace rov::ui
