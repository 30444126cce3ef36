#pragma once

#include "queryedit.h"

class QCompleter;

namespace rov::ui {

class WordCompleter;

// The Data page's query editor: GoogleSQL highlighted (keywords, functions, strings, `names`,
// numbers, comments), Ctrl+Enter runs the query or the selection, a query error is marked at
// its [line:column] with the cursor put there, and names complete as they are typed (datasets,
// dataset.table, columns, GoogleSQL's keywords and functions; Enter or Tab takes one).
class SqlEdit : public QueryEdit
{
    Q_OBJECT
public:
    explicit SqlEdit(QWidget *parent = nullptr);

    // The selection when there is one, else the whole text: what Ctrl+Enter runs.
    QString queryToRun() const;
    // Underlines the word at `line`:`column` (1-based, as BigQuery counts); 0 clears the mark.
    void markError(int line, int column);
    // The names of the backend's data to complete, besides GoogleSQL's own words.
    void setCompletions(const QStringList &names);
    QCompleter *completer() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString wordBeforeCursor() const;
    void insertCompletion(const QString &word);

    WordCompleter *m_completer;
};

} // namespace rov::ui
