#pragma once

#include <QWidget>
#include <map>

class QFormLayout;
class QGridLayout;
class QLabel;
class QProgressBar;

namespace rov::core {
class DashboardSession;
}

namespace rov::ui {

class MiniCharts;

// The cluster at a glance: Ray version, uptime, nodes, small live charts of CPU, memory and
// running tasks, logical resources used of total as bars, and the work waiting for resources.
class OverviewTab : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewTab(core::DashboardSession *session, QWidget *parent = nullptr);

    // The text beside a resource's bar ("2 of 4"), for tests.
    QString usageText(const QString &resource) const;
    QString pendingText() const;
    // CPU, memory and running tasks over the last 15 minutes, when metrics can be read.
    MiniCharts *charts() const { return m_charts; }

    static QString resourceTitle(const QString &resource);
    static QString amountText(const QString &resource, double amount);

private:
    struct ResourceRow
    {
        QLabel *title;
        QProgressBar *bar;
        QLabel *amounts;
    };
    void update();
    ResourceRow &rowFor(const QString &resource);

    core::DashboardSession *m_session;
    QLabel *m_version;
    QLabel *m_uptime;
    QLabel *m_nodes;
    QLabel *m_address;
    QLabel *m_jobs;
    QLabel *m_pending;
    QGridLayout *m_resources;
    MiniCharts *m_charts;
    std::map<QString, ResourceRow> m_rows;
};

} // namespace rov::ui
