#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace rov::ui {

// Why a cluster did not start, as a person reads it: the reason first (in the user's language
// when the backend said it so), and the tail of Ray's log folded below it, without the terminal's
// colour codes, in a box of its own height so that it never squeezes what comes after it.
class FailureReport : public QWidget
{
    Q_OBJECT
public:
    explicit FailureReport(QWidget *parent = nullptr);

    // rovd's error message: a reason, maybe followed by wire::kRayLogMarker and Ray's log. Empty
    // hides the report.
    void setMessage(const QString &message);
    QString reason() const;
    QString log() const; // cleaned; empty when the message carried none

private:
    void showFold();

    QLabel *m_reason;
    QToolButton *m_fold;
    QPlainTextEdit *m_log;
    QString m_message;
};

} // namespace rov::ui
