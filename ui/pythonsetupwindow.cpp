#include "pythonsetupwindow.h"

#include "help/guidewindow.h"
#include "install/pythonenvironment.h"
#include "texts.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace rov::ui {

PythonSetupWindow::PythonSetupWindow(install::PythonEnvironment *environment,
                                     std::function<void()> cancel, QWidget *parent)
    : QDialog(parent), m_cancel(std::move(cancel)), m_where(new QLabel(this)),
      m_bar(new QProgressBar(this)), m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("pythonSetupWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_bar->setObjectName(QStringLiteral("pythonSetupProgress"));
    m_detail->setObjectName(QStringLiteral("pythonSetupDetail"));
    m_where->setObjectName(QStringLiteral("pythonSetupWhere"));
    m_where->setWordWrap(true);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar->setRange(0, 0); // busy until pip says how many
    auto *title = new QLabel(this);
    title->setStyleSheet(QStringLiteral("font-size: 15px; font-weight: 600;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    offerGuide(this, buttons, QStringLiteral("first-start"));
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Setting up Python for Ray"); });
    texts->bind(title, &QLabel::setText,
                [] { return tr("The first start sets up what rovd needs to run Ray"); });
    const QString dir = environment->dir();
    texts->bind(m_where, &QLabel::setText, [dir] {
        return tr("Ray and the packages it works with are installed from PyPI into %1, for you "
                  "alone and without administrator rights. It takes a few minutes and happens "
                  "once; the clusters page opens when it is done.")
            .arg(dir);
    });
    texts->bind(buttons->button(QDialogButtonBox::Cancel), &QAbstractButton::setText,
                [] { return tr("Cancel"); });
    connect(buttons, &QDialogButtonBox::rejected, this, &PythonSetupWindow::reject);
    connect(environment, &install::PythonEnvironment::progress, this,
            &PythonSetupWindow::showProgress);
    connect(environment, &install::PythonEnvironment::finished, this, &QWidget::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_where);
    layout->addSpacing(6);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, 240);
}

void PythonSetupWindow::showProgress(int done, int total, const QString &text)
{
    if (total > 0) {
        m_bar->setRange(0, total);
        m_bar->setValue(done);
    }
    m_detail->setText(text);
}

void PythonSetupWindow::reject()
{
    if (auto cancel = std::exchange(m_cancel, {}))
        cancel(); // the making ends (its finished() says Cancelled), and so does the window
    QDialog::reject();
}

} // namespace rov::ui
