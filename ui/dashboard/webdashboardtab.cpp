#include "webdashboardtab.h"

#include "texts.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWebEngineView>

namespace rov::ui {

WebDashboardTab::WebDashboardTab(const QUrl &url, QWidget *parent)
    : QWidget(parent), m_url(url), m_status(new QLabel(this))
{
    m_status->setObjectName(QStringLiteral("webDashboardStatus"));
    m_status->setContentsMargins(6, 4, 6, 4);
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    (new Texts(this))->bind(m_status, &QLabel::setText, [url] {
        return tr("Ray's web dashboard at %1").arg(url.toString());
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
}

void WebDashboardTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_view)
        return;
    m_view = new QWebEngineView(this);
    m_view->setObjectName(QStringLiteral("webDashboard"));
    static_cast<QVBoxLayout *>(layout())->addWidget(m_view, 1);
    connect(m_view, &QWebEngineView::loadStarted, this,
            [this] { m_status->setText(tr("Loading %1…").arg(m_url.toString())); });
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        m_status->setText(
            ok ? tr("Ray's web dashboard at %1").arg(m_url.toString())
               : tr("Could not load %1. Is the cluster still running?").arg(m_url.toString()));
        Q_EMIT loaded(ok);
    });
    m_view->load(m_url);
}

} // namespace rov::ui
