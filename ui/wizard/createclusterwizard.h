#pragma once

#include "api/vertex/vertexclient.h"
#include "core/clusterdraft.h"

#include <QPointer>
#include <QWizard>

namespace rov::core {
class CostEstimator;
}

namespace rov::ui {

// Create a Ray cluster the way Google Cloud's console does: name and region, compute, worker
// pools, networking and security, review; then the operation is followed on a progress page.
class CreateClusterWizard : public QWizard
{
    Q_OBJECT
public:
    enum Step
    {
        NameStep,
        ComputeStep,
        PoolsStep,
        NetworkStep,
        ReviewStep,
        ProgressStep
    };
    struct Context
    {
        // The session's client: the wizard is bound to the session and closes with it; null
        // when it went first anyway.
        QPointer<api::vertex::VertexClient> client;
        api::vertex::BackendCapabilities capabilities;
        const core::CostEstimator *costs = nullptr;
        QStringList machineTypes; // what the pickers offer
    };

    CreateClusterWizard(Context context, QWidget *parent = nullptr);

    core::ClusterDraft &draft() { return m_draft; }
    const Context &context() const { return m_context; }
    int maxNodes() const;
    QString createdName() const { return m_createdName; }
    void setCreatedName(const QString &name) { m_createdName = name; }

Q_SIGNALS:
    // The cluster exists (its create operation may still run).
    void clusterCreated(const QString &name);
    // The finished page's "Open Ray dashboard": the cluster as its operation returned it.
    void dashboardRequested(const rov::api::vertex::PersistentResource &cluster);
    // A cluster that did not start: the ways on that the clusters page offers too.
    void rebootRequested(const QString &name);
    void deleteRequested(const QString &name);
    void logsRequested(const QString &name);

private:
    Context m_context;
    core::ClusterDraft m_draft;
    QString m_createdName;
};

} // namespace rov::ui
