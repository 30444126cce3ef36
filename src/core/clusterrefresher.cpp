#include "clusterrefresher.h"

#include "api/vertex/vertexclient.h"
#include "clusterlistmodel.h"

namespace rov::core {

RefreshSchedule::Millis RefreshSchedule::next(bool changed, bool changing)
{
    if (changed || changing)
        m_quiet = kFirstQuiet;
    else
        m_quiet = std::min(kMaxQuiet, Millis(m_quiet.count() * 3 / 2));
    return changing ? kChanging : m_quiet;
}

ClusterRefresher::ClusterRefresher(ClusterListModel *model, QObject *parent)
    : QObject(parent), m_model(model)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClusterRefresher::refreshNow);
}

void ClusterRefresher::setClient(api::vertex::VertexClient *client)
{
    m_client = client;
    ++m_generation; // answers of the previous backend are dropped
    m_inFlight = false;
    m_listed = false;
    m_recordsAsked.clear();
    m_timer.stop();
    m_model->setClusters({});
    if (client)
        refreshNow();
}

void ClusterRefresher::refreshNow()
{
    if (!m_client)
        return;
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    m_timer.stop();
    const int generation = m_generation;
    m_client->listClusters(this, [this, generation](auto result) {
        if (generation != m_generation)
            return;
        m_inFlight = false;
        if (!result.ok()) {
            m_nextInterval = m_schedule.next(false, false);
            m_timer.start(m_nextInterval);
            Q_EMIT failed(*result.error);
            return;
        }
        m_listed = true;
        onListed(m_model->setClusters(std::move(result.value)));
        askForEventRecords();
    });
}

void ClusterRefresher::askForEventRecords()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString name = m_model->cluster(row)->name;
        if (m_recordsAsked.contains(name))
            continue;
        m_recordsAsked.insert(name);
        const int generation = m_generation;
        // A backend without the record (Google Cloud answers 404): the console's own count stays.
        m_client->events(name, this, [this, generation, name](auto result) {
            if (generation == m_generation && result.ok())
                m_model->setEventRecord(name, result.value);
        });
    }
}

void ClusterRefresher::onListed(bool changed)
{
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_nextInterval = m_schedule.next(changed, m_model->anyChanging());
    if (m_again) {
        m_again = false;
        m_nextInterval = std::chrono::milliseconds(0);
    }
    m_timer.start(m_nextInterval);
    Q_EMIT refreshed();
}

} // namespace rov::core
