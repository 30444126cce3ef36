#pragma once

#include <QCompleter>
#include <functional>

class QKeyEvent;
class QStringListModel;

namespace rov::ui {

// The word completion the console's query editors share (PromQL in Add chart, GoogleSQL on the
// Data page): a popup of the words that start with the one before the cursor, from two
// letters on, case-insensitive, the first offered; nothing when the only offer is the word as
// typed. The editor says what its word and its cursor are, and inserts what activated() gives.
class WordCompleter : public QCompleter
{
    Q_OBJECT
public:
    WordCompleter(QWidget *editor, std::function<QString()> wordBeforeCursor,
                  std::function<QRect()> cursorRect);

    // The words to offer (sorted and without duplicates here).
    void setWords(QStringList words);
    // Shows the offers for the word before the cursor, or hides the list.
    void offer();
    // While the list is open, Enter, Escape and Tab are the list's: the editor leaves them.
    bool isListKey(const QKeyEvent *event) const;

private:
    QStringListModel *m_words;
    std::function<QString()> m_wordBeforeCursor;
    std::function<QRect()> m_cursorRect;
};

} // namespace rov::ui
