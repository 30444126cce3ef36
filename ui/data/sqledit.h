#pragma once

#include "queryedit.h"

namespace rov::ui {

// The Data page's query editor: GoogleSQL highlighted (keywords, functions, strings, `names`,
// numbers, comments), Ctrl+Enter runs the query or the selection, and a query error is marked at
// its [line:column] with the cursor put there.
class SqlEdit : public QueryEdit
{
    Q_OBJECT
public:
    explicit SqlEdit(QWidget *parent = nullptr);

    // The selection when there is one, else the whole text: what Ctrl+Enter runs.
    QString queryToRun() const;
    // Underlines the word at `line`:`column` (1-based, as BigQuery counts); 0 clears the mark.
    void markError(int line, int column);
};

} // namespace rov::ui
