#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QWebEngineView;

namespace rov::ui {

// Ray's own web dashboard inside the console. Chromium is started only when the tab is first
// shown: it costs a few hundred megabytes that a user who never opens the tab should not pay.
class WebDashboardTab : public QWidget
{
    Q_OBJECT
public:
    WebDashboardTab(const QUrl &url, QWidget *parent = nullptr);

    QWebEngineView *view() const { return m_view; } // null until first shown

Q_SIGNALS:
    void loaded(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QUrl m_url;
    QLabel *m_status;
    QWebEngineView *m_view = nullptr;
};

} // namespace rov::ui
