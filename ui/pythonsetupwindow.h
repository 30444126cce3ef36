#pragma once

#include <QDialog>
#include <functional>

class QLabel;
class QProgressBar;

namespace rov::install {
class PythonEnvironment;
}

namespace rov::ui {

// The window an installed console shows on its first start while the Python environment that
// holds Ray is made (pip: a few minutes): how far it is, the package under way, and Cancel. It
// closes itself when the making ends; a failure is said by the session (the connection banner),
// with Start rovd to try again.
class PythonSetupWindow : public QDialog
{
    Q_OBJECT
public:
    PythonSetupWindow(install::PythonEnvironment *environment, std::function<void()> cancel,
                      QWidget *parent = nullptr);

    QProgressBar *bar() const { return m_bar; }
    QLabel *detail() const { return m_detail; }

protected:
    void reject() override; // Esc and the window's close button cancel too

private:
    void showProgress(int done, int total, const QString &text);

    std::function<void()> m_cancel;
    QLabel *m_where;
    QProgressBar *m_bar;
    QLabel *m_detail;
};

} // namespace rov::ui
