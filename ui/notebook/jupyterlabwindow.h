#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QWebEngineView;
class QWebEngineProfile;

namespace rov::ui {

// A profile's JupyterLab in a window of the console. It signs in through JupyterLab's own login
// form with the server's token, so the token is in no URL and its cookie in no file (the web
// profile is off the record). One window per profile, reused for every cluster opened.
class JupyterLabWindow : public QWidget
{
    Q_OBJECT
public:
    // `server`: http://127.0.0.1:<port>/; `notebook`: a path under the notebooks folder.
    JupyterLabWindow(const QUrl &server, QByteArray token, const QString &profileName,
                     QWidget *parent = nullptr);
    ~JupyterLabWindow() override;

    // Shows `notebook` (a path under the notebooks folder; empty: the file browser).
    void open(const QString &notebook);
    QWebEngineView *view() const { return m_view; }
    QUrl server() const { return m_server; }

Q_SIGNALS:
    // A page of JupyterLab has loaded (true), or the server did not answer or refused the token.
    void loaded(bool ok);

private:
    void onLoaded(bool ok);

    QUrl m_server;
    QByteArray m_token;
    QString m_notebook;
    QLabel *m_status;
    QWebEngineProfile *m_profile;
    QWebEngineView *m_view;
    bool m_signedIn = false;
    bool m_triedToken = false;
};

} // namespace rov::ui
