#include "contextbar.h"

#include "core/backendsession.h"
#include "icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QToolButton>

namespace rov::ui {

using core::Profile;

ContextBar::ContextBar(const core::ProfileStore *profiles, QAction *setupAction, QWidget *parent)
    : QWidget(parent), m_profiles(profiles), m_setupAction(setupAction),
      m_project(new QLabel(this)), m_region(new QLabel(this)), m_backend(new QLabel(this)),
      m_switcher(new QToolButton(this)), m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("contextBar"));
    m_project->setObjectName(QStringLiteral("contextProject"));
    m_region->setObjectName(QStringLiteral("contextRegion"));
    m_backend->setObjectName(QStringLiteral("contextBackend"));
    m_switcher->setObjectName(QStringLiteral("switchBackend"));
    m_switcher->setIcon(icons::icon(icons::Icon::SwitchBackend));
    m_switcher->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_switcher->setPopupMode(QToolButton::InstantPopup);
    m_switcher->setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &ContextBar::fillMenu);
    for (QLabel *label : {m_project, m_region, m_backend})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(18);
    layout->addWidget(m_project);
    layout->addWidget(m_region);
    layout->addWidget(m_backend);
    layout->addStretch(1);
    layout->addWidget(m_switcher);
    retranslate();
}

void ContextBar::showSession(const core::BackendSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    // The identity of Google credentials is known once the first token came.
    if (m_session)
        connect(m_session, &core::BackendSession::identityChanged, this, &ContextBar::retranslate);
    retranslate();
}

QString ContextBar::text() const
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    return QStringList{m_project->text(), m_region->text(), m_backend->text()}
        .join(QStringLiteral(" · "))
        .remove(tag);
}

void ContextBar::fillMenu()
{
    m_menu->clear();
    const QString current = m_session ? m_session->profile().id : QString();
    for (const Profile &profile : m_profiles->load()) {
        const bool local = profile.backend == Profile::Backend::ThisComputer;
        const QString name =
            profile.id == Profile::thisComputer().id ? tr("This computer") : profile.name;
        QAction *action =
            m_menu->addAction(tr("%1 — %2, %3").arg(name, profile.project, profile.region));
        action->setToolTip(local ? tr("rovd at %1").arg(profile.rovdUrl.toString())
                                 : profile.effectiveBaseUrl().toString());
        action->setCheckable(true);
        action->setChecked(profile.id == current);
        connect(action, &QAction::triggered, this,
                [this, profile] { Q_EMIT profileChosen(profile); });
    }
    m_menu->addSeparator();
    m_menu->addAction(m_setupAction);
}

void ContextBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ContextBar::retranslate()
{
    m_switcher->setText(tr("S&witch"));
    m_switcher->setToolTip(tr("Work on another project setup (its windows close; yours stay)"));
    if (!m_session) {
        m_project->setText(tr("Project: —"));
        m_region->setText(tr("Region: —"));
        m_backend->setText(tr("Backend: not connected"));
        return;
    }
    const Profile &profile = m_session->profile();
    const bool local = profile.backend == Profile::Backend::ThisComputer;
    m_project->setText(tr("Project: <b>%1</b>").arg(profile.project.toHtmlEscaped()));
    m_region->setText(tr("Region: <b>%1</b>").arg(profile.region.toHtmlEscaped()));
    m_backend->setText(local ? tr("Backend: <b>%1</b> (rovd at %2)")
                                   .arg(m_session->profileName().toHtmlEscaped(),
                                        profile.rovdUrl.authority().toHtmlEscaped())
                             : tr("Backend: <b>%1</b> (Google Cloud, %2)")
                                   .arg(m_session->profileName().toHtmlEscaped(),
                                        profile.effectiveBaseUrl().host().toHtmlEscaped()));
    QString tip = local ? tr("The local control plane runs Ray clusters on this computer")
                        : profile.effectiveBaseUrl().toString();
    if (const QString identity = m_session->identity(); !identity.isEmpty())
        tip += QLatin1Char('\n') +
               tr("Signed in as %1, with %2").arg(identity, m_session->credentialsOrigin());
    m_backend->setToolTip(tip);
}

} // namespace rov::ui
