#include "logqueryedit.h"

#include <QRegularExpression>

namespace rov::ui {

namespace {

class LogHighlighter : public QueryHighlighter
{
public:
    using QueryHighlighter::QueryHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression fields(QStringLiteral(
            "[A-Za-z_][\\w]*(?:\\.(?:\"[^\"]*\"|[\\w]+))*(?=\\s*(?:=~|!~|>=|<=|!=|[=<>:]))"));
        static const QRegularExpression operators(QStringLiteral("=~|!~|>=|<=|!=|[=<>:()]"));
        static const QRegularExpression keywords(
            QStringLiteral("\\b(?:AND|OR|NOT)\\b|(?<=^|\\s)-(?=\\S)"));
        static const QRegularExpression strings(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"?"));
        const Formats &format = formats();
        paintMatches(text, fields, format.field);
        paintMatches(text, operators, format.operators);
        paintMatches(text, keywords, format.keyword);
        // Strings last: what is quoted is a value, whatever it looks like.
        for (auto it = strings.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            if (match.capturedStart() > 0 && text[match.capturedStart() - 1] == u'.')
                continue; // a quoted key: labels."ml.googleapis.com/…"
            setFormat(int(match.capturedStart()), int(match.capturedLength()), format.string);
        }
    }
};

} // namespace

LogQueryEdit::LogQueryEdit(QWidget *parent) : QueryEdit(parent)
{
    setObjectName(QStringLiteral("logQuery"));
    new LogHighlighter(document());
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
