#include "jupyterlabwindow.h"

#include "texts.h"

#include <QLabel>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

namespace rov::ui {

namespace {

// JupyterLab's login form, filled and sent: the token goes in a POST body, as a person who types
// it there would send it.
QString signInScript(const QByteArray &token)
{
    return QStringLiteral("(function() {"
                          "  const field = document.querySelector('input[name=password]');"
                          "  if (!field) return false;"
                          "  field.value = '%1';"
                          "  field.form.submit();"
                          "  return true;"
                          "})()")
        .arg(QString::fromLatin1(token));
}

} // namespace

JupyterLabWindow::JupyterLabWindow(const QUrl &server, QByteArray token, const QString &profileName,
                                   QWidget *parent)
    : QWidget(parent, Qt::Window), m_server(server), m_token(std::move(token)),
      m_status(new QLabel(this)), m_profile(new QWebEngineProfile(this)),
      m_view(new QWebEngineView(this))
{
    setObjectName(QStringLiteral("jupyterLabWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1200, 800);
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle,
                [profileName] { return tr("JupyterLab — %1").arg(profileName); });
    m_status->setObjectName(QStringLiteral("jupyterLabStatus"));
    m_status->setContentsMargins(6, 4, 6, 4);
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_view->setObjectName(QStringLiteral("jupyterLabView"));
    m_view->setPage(new QWebEnginePage(m_profile, m_view));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    connect(m_view, &QWebEngineView::loadFinished, this, &JupyterLabWindow::onLoaded);
}

JupyterLabWindow::~JupyterLabWindow()
{
    // The page holds the profile: it goes first.
    delete m_view;
}

void JupyterLabWindow::open(const QString &notebook)
{
    m_notebook = notebook;
    const QString path =
        notebook.isEmpty() ? QStringLiteral("lab") : QStringLiteral("lab/tree/") + notebook;
    m_status->setText(tr("JupyterLab at %1").arg(m_server.toString()));
    if (m_signedIn) {
        m_view->load(m_server.resolved(QUrl(path)));
        return;
    }
    QUrl login = m_server.resolved(QUrl(QStringLiteral("login")));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("next"), QStringLiteral("/") + path);
    login.setQuery(query);
    m_view->load(login);
}

void JupyterLabWindow::onLoaded(bool ok)
{
    if (!ok) {
        m_status->setText(tr("JupyterLab at %1 did not answer. Open it again from a cluster.")
                              .arg(m_server.toString()));
        Q_EMIT loaded(false);
        return;
    }
    if (m_view->url().path() != QLatin1String("/login")) {
        m_signedIn = true;
        Q_EMIT loaded(true);
        return;
    }
    if (m_triedToken) {
        m_status->setText(tr("JupyterLab at %1 refused the console's token; it may have been "
                             "started again by another program. Stop JupyterLab and open it "
                             "again.")
                              .arg(m_server.toString()));
        Q_EMIT loaded(false);
        return;
    }
    m_triedToken = true;
    m_view->page()->runJavaScript(signInScript(m_token));
}

} // namespace rov::ui
