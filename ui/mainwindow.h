#pragma once

#include <QMainWindow>

class QLabel;
class QMenu;
class QAction;

namespace rov::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    static QString productName();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showAbout();

    QLabel *m_heading;
    QLabel *m_summary;
    QMenu *m_fileMenu;
    QMenu *m_helpMenu;
    QAction *m_quitAction;
    QAction *m_aboutAction;
};

} // namespace rov::ui
