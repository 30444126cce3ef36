#include "wordcompleter.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>

namespace rov::ui {

WordCompleter::WordCompleter(QWidget *editor, std::function<QString()> wordBeforeCursor,
                             std::function<QRect()> cursorRect)
    : QCompleter(editor), m_words(new QStringListModel(this)),
      m_wordBeforeCursor(std::move(wordBeforeCursor)), m_cursorRect(std::move(cursorRect))
{
    setModel(m_words);
    setCaseSensitivity(Qt::CaseInsensitive);
    setCompletionMode(QCompleter::PopupCompletion);
    setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    setWidget(editor);
}

void WordCompleter::setWords(QStringList words)
{
    words.removeDuplicates();
    words.sort(Qt::CaseInsensitive);
    m_words->setStringList(words);
}

void WordCompleter::offer()
{
    const QString word = m_wordBeforeCursor();
    if (word.size() < 2) {
        popup()->hide();
        return;
    }
    setCompletionPrefix(word);
    if (completionCount() == 0 ||
        (completionCount() == 1 && currentCompletion().compare(word, Qt::CaseInsensitive) == 0)) {
        popup()->hide();
        return;
    }
    popup()->setCurrentIndex(completionModel()->index(0, 0));
    QRect at = m_cursorRect();
    at.setWidth(popup()->sizeHintForColumn(0) + popup()->verticalScrollBar()->sizeHint().width());
    complete(at);
}

bool WordCompleter::isListKey(const QKeyEvent *event) const
{
    if (!popup()->isVisible() || (event->modifiers() & Qt::ControlModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Enter:
    case Qt::Key_Return:
    case Qt::Key_Escape:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return true;
    default:
        return false;
    }
}

} // namespace rov::ui
