#pragma once

#include <QGroupBox>

class QPlainTextEdit;

namespace rov::ui {

// Read-only code in a fixed-width font under a title, with a button that copies it.
class CodeBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit CodeBox(const QString &title, QWidget *parent = nullptr);

    void setTitle(const QString &title); // also the editor's accessible name
    void setText(const QString &text);
    QString text() const;
    QPlainTextEdit *editor() const { return m_editor; }

private:
    QPlainTextEdit *m_editor;
};

} // namespace rov::ui
