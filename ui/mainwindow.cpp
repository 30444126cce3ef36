#include "mainwindow.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace rov::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(32, 32, 32, 32);
    m_heading = new QLabel(central);
    m_heading->setObjectName(QStringLiteral("heading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_summary = new QLabel(central);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addStretch();
    setCentralWidget(central);

    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::quit);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);

    statusBar();
    resize(1100, 720);
    retranslate();
}

QString MainWindow::productName()
{
    return tr("Ray on Vertex AI Console");
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(productName());
    m_heading->setText(productName());
    m_summary->setText(tr("Create Ray clusters, develop on them, watch them and delete them, on "
                          "this computer or on Google Cloud."));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About %1").arg(productName()),
                       tr("%1 %2\nA desktop console for Ray clusters on Vertex AI.")
                           .arg(productName(), QStringLiteral(ROV_VERSION)));
}

} // namespace rov::ui
