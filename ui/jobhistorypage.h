#pragma once

#include "core/historicjobmodel.h"
#include "core/logmodel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace rov::ui {

class DataTable;
class LogView;

// The Job history page: the jobs the console kept, by cluster, with their final logs, readable
// and searchable after the cluster is gone. Old records go after the retention period.
class JobHistoryPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDefaultRetentionDays = 30;

    explicit JobHistoryPage(core::JobHistoryStore *store, QWidget *parent = nullptr);

    void reload();
    // Shows the cluster's jobs; false when the history has none of it.
    bool selectCluster(const QString &cluster);
    bool selectJob(const QString &key);
    QListWidget *clusterList() const { return m_clusters; }
    DataTable *jobTable() const { return m_table; }
    LogView *logView() const { return m_logView; }
    core::LogModel *logModel() { return &m_log; }

    static int retentionDays();
    static void setRetentionDays(int days);
    // Drops what is older than the retention period; returns how many jobs went.
    static int applyRetention(core::JobHistoryStore *store);

private:
    void showCluster();
    void showLog();

    core::JobHistoryStore *m_store;
    core::HistoricJobModel m_jobs;
    core::LogModel m_log;
    QLineEdit *m_filter;
    QLabel *m_retentionLabel;
    QListWidget *m_clusters;
    DataTable *m_table;
    QLabel *m_logTitle;
    LogView *m_logView;
    QSpinBox *m_retention;
};

} // namespace rov::ui
