#include "createclusterwizard.h"

#include "clusternamepage.h"
#include "computepage.h"
#include "creationprogresspage.h"
#include "help/guidewindow.h"
#include "networkpage.h"
#include "reviewpage.h"
#include "texts.h"
#include "workerpoolspage.h"

namespace rov::ui {

CreateClusterWizard::CreateClusterWizard(Context context, QWidget *parent)
    : QWizard(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("createClusterWizard"));
    offerGuide(this, nullptr, QStringLiteral("clusters"));
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Create a Ray cluster"); });
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    m_draft.region = m_context.client ? m_context.client->endpoint().location : m_draft.region;
    if (!m_context.capabilities.rayVersions.isEmpty())
        m_draft.rayVersion = m_context.capabilities.rayVersions.first();
    if (!m_context.capabilities.pythonVersions.isEmpty())
        m_draft.pythonVersion = m_context.capabilities.pythonVersions.first();
    setPage(NameStep, new ClusterNamePage(this));
    setPage(ComputeStep, new ComputePage(this));
    setPage(PoolsStep, new WorkerPoolsPage(this));
    setPage(NetworkStep, new NetworkPage(this));
    setPage(ReviewStep, new ReviewPage(this));
    auto *progress = new CreationProgressPage(this);
    setPage(ProgressStep, progress);
    connect(this, &QWizard::customButtonClicked, this, [this, progress](int which) {
        if (which != QWizard::CustomButton1 || !progress->succeeded())
            return;
        Q_EMIT dashboardRequested(progress->created());
        close(); // not accepted: "Open details" is the other way on
    });
    resize(820, 640);
}

int CreateClusterWizard::maxNodes() const
{
    return m_context.capabilities.known
               ? std::min(m_context.capabilities.maxNodesPerCluster,
                          m_context.capabilities.maxNodesTotal - m_context.capabilities.nodesInUse)
               : 2000;
}

} // namespace rov::ui
