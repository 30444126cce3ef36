#pragma once

#include "core/chartloader.h"

#include <QObject>
#include <QPointer>
#include <vector>

namespace rov::ui {

class ChartPanel;

// A page's charts fed by one core::ChartLoader: a round's answers go to the panels it was asked
// for (a panel removed meanwhile gets nothing; one added waits for the next round). A cancelled
// round leaves the panels as they were: a newer round follows, or the page is hidden.
class ChartFeed : public QObject
{
    Q_OBJECT
public:
    explicit ChartFeed(QObject *parent = nullptr);

    core::ChartLoader *loader() { return &m_loader; }
    void setClient(api::monitoring::MonitoringClient *client) { m_loader.setClient(client); }
    api::monitoring::MonitoringClient *client() const { return m_loader.client(); }
    // Without a client, every panel says it is not connected.
    void load(const std::vector<ChartPanel *> &panels, const QString &clusterId,
              const api::monitoring::RangeStep &range);
    void cancel() { m_loader.cancel(); }

private:
    ChartPanel *panel(int index) const;

    core::ChartLoader m_loader;
    std::vector<QPointer<ChartPanel>> m_panels; // of the round under way, by index
};

} // namespace rov::ui
