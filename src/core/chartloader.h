#pragma once

#include "api/monitoring/monitoringclient.h"
#include "core/monitoringpanels.h"
#include "rest/call.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>
#include <vector>

namespace rov::core {

// One panel's answers: a list of series per query of the panel, in order.
using PanelSeries = std::vector<std::vector<api::monitoring::Series>>;

// What the charts of a page ask PromQL (the Monitoring page, the dashboard's overview, an
// endpoint's charts). A round asks every panel's queries over one range for one cluster, and
// each panel of the round ends exactly once: loaded() when its last query is in, or failed()
// with the first error (CANCELLED when cancel() stops the round, "not connected" without a
// client). A new round cancels the one under way, whose answers are dropped. The charts only
// draw what they are handed, so this runs, and is tested, without a window.
class ChartLoader : public QObject
{
    Q_OBJECT
public:
    explicit ChartLoader(QObject *parent = nullptr);
    ~ChartLoader() override;

    void setClient(api::monitoring::MonitoringClient *client);
    api::monitoring::MonitoringClient *client() const { return m_client; }

    // `clusterId` "" asks for every cluster.
    void load(const std::vector<PanelSpec> &panels, const QString &clusterId,
              const api::monitoring::RangeStep &range);
    void cancel();
    bool isLoading() const { return m_left > 0; }
    // The PromQL panel `panel` of the last round sent, one line a query ("Copy PromQL").
    QStringList queries(int panel) const;

Q_SIGNALS:
    void loaded(int panel, std::shared_ptr<const rov::core::PanelSeries> series,
                qint64 stepSeconds);
    void failed(int panel, const rov::rest::ApiError &error);
    void finished(); // the round's last panel has ended

private:
    struct Round;
    void answer(const std::shared_ptr<Round> &round, size_t panel, size_t query,
                api::Result<api::monitoring::QueryResult> result);
    void end(const std::shared_ptr<Round> &round, size_t panel);

    QPointer<api::monitoring::MonitoringClient> m_client;
    std::shared_ptr<Round> m_round;
    std::vector<rest::Call> m_calls;
    std::vector<QStringList> m_queries;
    int m_left = 0; // panels of the round still waiting
};

} // namespace rov::core
