#pragma once

#include "api/vertex/persistentresource.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QDialogButtonBox;
class QLabel;
class QTabWidget;
class QTableWidget;
class QPushButton;

namespace rov::api::vertex {
class VertexClient;
}
namespace rov::core {
class ClusterListModel;
}

namespace rov::ui {

class CodeBox;
class FailureReport;
class Texts;

// One cluster: state and its history, pools, how to connect, labels, cost; the actions on it.
class ClusterDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    ClusterDetailsDialog(const QString &name, api::vertex::VertexClient *client,
                         const core::ClusterListModel &clusters, bool localBackend,
                         QWidget *parent = nullptr);

    const api::vertex::PersistentResource &cluster() const { return m_cluster; }

Q_SIGNALS:
    void scaleRequested(const QString &name);
    void rebootRequested(const QString &name);
    void deleteRequested(const QString &name);
    void dashboardRequested(const QString &name);
    void jupyterLabRequested(const QString &name);
    void logsRequested(const QString &name);

private:
    QTabWidget *makeTabs(Texts *texts);
    QDialogButtonBox *makeButtons(Texts *texts);
    void refresh();
    void display(const api::vertex::PersistentResource &cluster);

    QString m_name;
    QPointer<api::vertex::VertexClient> m_client;
    const core::ClusterListModel &m_clusters; // its cost so far; the main window owns it
    bool m_local;
    api::vertex::PersistentResource m_cluster;
    QTimer m_timer;
    QLabel *m_heading;
    QLabel *m_summary;
    FailureReport *m_error;
    QTableWidget *m_pools;
    QTableWidget *m_history;
    CodeBox *m_rayInit;
    CodeBox *m_jobSubmit;
    CodeBox *m_restUrl;
    QPushButton *m_scale;
    QPushButton *m_reboot;
    QPushButton *m_delete;
    QPushButton *m_jupyterLab = nullptr;
    QPushButton *m_dashboard;
};

} // namespace rov::ui
