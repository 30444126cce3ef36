#include "failurereport.h"

#include "api/vertex/wire.h"
#include "core/ansifilter.h"
#include "core/palette.h"
#include "texts.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace rov::ui {

FailureReport::FailureReport(QWidget *parent)
    : QWidget(parent), m_reason(new QLabel(this)), m_fold(new QToolButton(this)),
      m_log(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("failureReport"));
    m_reason->setObjectName(QStringLiteral("failureReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason->setStyleSheet(palette::errorTextStyle());
    m_fold->setObjectName(QStringLiteral("failureLogFold"));
    m_fold->setCheckable(true);
    m_fold->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fold->setAutoRaise(true);
    m_log->setObjectName(QStringLiteral("failureLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // About twelve lines: enough to read the error, never the whole window.
    m_log->setFixedHeight(m_log->fontMetrics().lineSpacing() * 12 + 12);
    auto *texts = new Texts(this);
    texts->onChange([this] { showFold(); });
    connect(m_fold, &QToolButton::toggled, this, [this] { showFold(); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reason);
    layout->addWidget(m_fold, 0, Qt::AlignLeft);
    layout->addWidget(m_log);
    setMessage({});
}

void FailureReport::setMessage(const QString &message)
{
    if (message == m_message && !message.isEmpty())
        return; // a refresh with the same words keeps the fold and the scroll where they are
    m_message = message;
    const auto parts = api::vertex::wire::splitRayLog(message);
    m_reason->setText(parts.reason.trimmed());
    core::AnsiFilter filter;
    const QString log = QString::fromUtf8(filter.filter(parts.rayLog.toUtf8())).trimmed();
    m_log->setPlainText(log);
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum()); // the end: why
    setVisible(!message.isEmpty());
    showFold();
}

QString FailureReport::reason() const
{
    return m_reason->text();
}

QString FailureReport::log() const
{
    return m_log->toPlainText();
}

void FailureReport::showFold()
{
    const bool any = !m_log->toPlainText().isEmpty();
    m_fold->setVisible(any);
    m_fold->setArrowType(m_fold->isChecked() ? Qt::DownArrow : Qt::RightArrow);
    m_fold->setText(m_fold->isChecked() ? tr("Hide the node's Ray log")
                                        : tr("Show the node's Ray log"));
    m_log->setVisible(any && m_fold->isChecked());
}

} // namespace rov::ui
