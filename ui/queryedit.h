#pragma once

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>

class QRegularExpression;

namespace rov::ui {

// What the query editors' highlighters share: the colours of a query's parts (core/palette.h)
// and painting every match of a pattern.
class QueryHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    struct Formats
    {
        QTextCharFormat keyword; // bold
        QTextCharFormat field;   // a field, or a function's name
        QTextCharFormat string;
        QTextCharFormat muted;     // numbers
        QTextCharFormat operators; // muted, bold
        QTextCharFormat comment;   // muted, italic
    };
    static const Formats &formats();
    // Paints every match of `pattern` in `text` with `format`, over what was painted before.
    void paintMatches(const QString &text, const QRegularExpression &pattern,
                      const QTextCharFormat &format);
};

// What the console's query editors share (the Logs page's, the Data page's): a monospace font,
// Tab moves on, Ctrl+Enter asks to run, and an error marked with a wavy underline on the word
// it points at.
class QueryEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit QueryEdit(QWidget *parent = nullptr);

    bool hasErrorMark() const { return !extraSelections().isEmpty(); }
    void clearErrorMark();

Q_SIGNALS:
    void runRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    // Underlines the word that starts at `at` (or the character before it at the end).
    void markWordAt(const QTextCursor &at);
};

} // namespace rov::ui
