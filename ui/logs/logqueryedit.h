#pragma once

#include "queryedit.h"

namespace rov::ui {

// The Logs page's query editor: Cloud Logging's query language highlighted (AND, OR, NOT,
// fields, operators, strings), Ctrl+Enter runs it, and the backend's error is marked where it
// points, with the cursor put there.
class LogQueryEdit : public QueryEdit
{
    Q_OBJECT
public:
    explicit LogQueryEdit(QWidget *parent = nullptr);

    // Underlines the text from `offset` to the end of its word; -1 clears the mark.
    void markError(int offset);

protected:
    QSize sizeHint() const override;
};

} // namespace rov::ui
