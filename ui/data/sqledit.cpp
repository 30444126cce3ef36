#include "sqledit.h"

#include "wordcompleter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
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

// GoogleSQL's words that a query is written with most: completed beside the data's names.
const QStringList &sqlWords()
{
    static const QStringList words = [] {
        QStringList list;
        for (const char *word : {"SELECT",
                                 "FROM",
                                 "WHERE",
                                 "GROUP BY",
                                 "ORDER BY",
                                 "HAVING",
                                 "QUALIFY",
                                 "LIMIT",
                                 "JOIN",
                                 "LEFT JOIN",
                                 "CROSS JOIN",
                                 "UNNEST",
                                 "DISTINCT",
                                 "UNION ALL",
                                 "WITH",
                                 "PARTITION BY",
                                 "OVER",
                                 "BETWEEN",
                                 "CASE",
                                 "WHEN",
                                 "THEN",
                                 "ELSE",
                                 "END",
                                 "COUNT",
                                 "SUM",
                                 "AVG",
                                 "MIN",
                                 "MAX",
                                 "ARRAY_AGG",
                                 "STRING_AGG",
                                 "APPROX_COUNT_DISTINCT",
                                 "COUNTIF",
                                 "ROW_NUMBER",
                                 "RANK",
                                 "DENSE_RANK",
                                 "LAG",
                                 "LEAD",
                                 "CAST",
                                 "SAFE_CAST",
                                 "COALESCE",
                                 "IFNULL",
                                 "CONCAT",
                                 "LOWER",
                                 "UPPER",
                                 "SUBSTR",
                                 "REGEXP_CONTAINS",
                                 "DATE_TRUNC",
                                 "TIMESTAMP_TRUNC",
                                 "EXTRACT",
                                 "CURRENT_DATE",
                                 "CURRENT_TIMESTAMP",
                                 "FORMAT_TIMESTAMP",
                                 "GENERATE_ARRAY",
                                 "STRUCT",
                                 "ARRAY",
                                 "INSERT INTO",
                                 "UPDATE",
                                 "DELETE FROM",
                                 "MERGE",
                                 "CREATE TABLE",
                                 "CREATE OR REPLACE TABLE",
                                 "CREATE VIEW"})
            list << QString::fromLatin1(word);
        return list;
    }();
    return words;
}

} // namespace

SqlEdit::SqlEdit(QWidget *parent)
    : QueryEdit(parent),
      m_completer(new WordCompleter(
          this, [this] { return wordBeforeCursor(); }, [this] { return cursorRect(); }))
{
    setObjectName(QStringLiteral("sqlEdit"));
    new SqlHighlighter(document());
    setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(this, &QPlainTextEdit::textChanged, this, [this] { markError(0, 0); });
    setCompletions({});
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &SqlEdit::insertCompletion);
    // Tab takes the offer too (the completer itself takes only Enter): this filter is asked
    // before the completer's own.
    m_completer->popup()->installEventFilter(this);
}

bool SqlEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Tab) {
        const QModelIndex chosen = m_completer->popup()->currentIndex();
        m_completer->popup()->hide();
        insertCompletion(chosen.isValid() ? chosen.data().toString()
                                          : m_completer->currentCompletion());
        return true;
    }
    return QueryEdit::eventFilter(watched, event);
}

void SqlEdit::setCompletions(const QStringList &names)
{
    m_completer->setWords(names + sqlWords());
}

QCompleter *SqlEdit::completer() const
{
    return m_completer;
}

QString SqlEdit::wordBeforeCursor() const
{
    // A name with its dots (dataset.table, t.column) and backquotes left out.
    static const QRegularExpression word(QStringLiteral("[A-Za-z_][\\w.-]*$"));
    const QTextCursor cursor = textCursor();
    return word.match(cursor.block().text().left(cursor.positionInBlock())).captured(0);
}

void SqlEdit::insertCompletion(const QString &word)
{
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(wordBeforeCursor().size()));
    cursor.insertText(word);
    setTextCursor(cursor);
}

void SqlEdit::keyPressEvent(QKeyEvent *event)
{
    // While the list is open, these keys are the list's (Ctrl+Enter still runs the query).
    if (m_completer->isListKey(event)) {
        event->ignore();
        return;
    }
    QueryEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (!typed.isEmpty() && !(event->modifiers() & Qt::ControlModifier) &&
        (typed.at(0).isLetterOrNumber() || typed.at(0) == QLatin1Char('_') ||
         typed.at(0) == QLatin1Char('.') || event->key() == Qt::Key_Backspace))
        m_completer->offer();
    else
        m_completer->popup()->hide();
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
