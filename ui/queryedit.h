#pragma once

#include <QPlainTextEdit>

namespace rov::ui {

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
