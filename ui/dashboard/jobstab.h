#pragma once

#include <QWidget>

class QLabel;

namespace rov::core {
class DashboardSession;
}

namespace rov::ui {

class DataTable;
class LogView;

// The cluster's jobs, refreshed live, and the selected job's log as it is written.
class JobsTab : public QWidget
{
    Q_OBJECT
public:
    explicit JobsTab(core::DashboardSession *session, QWidget *parent = nullptr);

    DataTable *table() const { return m_table; }
    LogView *logView() const { return m_log; }
    QString selectedKey() const;
    void selectJob(const QString &key);

Q_SIGNALS:
    void selectionChanged();

private:
    void followSelected();
    void updateLogTitle();

    core::DashboardSession *m_session;
    DataTable *m_table;
    QLabel *m_logTitle;
    LogView *m_log;
    QString m_followed;
};

} // namespace rov::ui
