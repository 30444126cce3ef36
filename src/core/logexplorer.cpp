#include "logexplorer.h"

#include "api/logging/logwire.h"

namespace rov::core {

using api::logging::ListRequest;
using api::logging::LogEntry;

LogExplorer::LogExplorer(api::logging::LoggingClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_tailTimer.setInterval(kTailInterval);
    m_tailTimer.setSingleShot(true);
    connect(&m_tailTimer, &QTimer::timeout, this, &LogExplorer::tail);
}

LogExplorer::~LogExplorer()
{
    m_call.cancel();
    m_tailCall.cancel();
}

QString LogExplorer::tailFilter(const QString &filter, const QDateTime &since)
{
    const QString time =
        QStringLiteral("receiveTimestamp>=\"%1\"").arg(api::logging::formatTimestamp(since));
    return filter.trimmed().isEmpty() ? time : QStringLiteral("(%1)\n%2").arg(filter, time);
}

void LogExplorer::search(const QString &filter)
{
    cancel();
    m_filter = filter;
    m_olderToken.clear();
    m_collecting.clear();
    m_pages = 0;
    m_tailSince = QDateTime::currentDateTimeUtc();
    m_seenAtSince.clear();
    Q_EMIT started();
    askPage({}, false);
}

void LogExplorer::loadOlder()
{
    if (m_olderToken.isEmpty() || m_call.isRunning())
        return;
    m_collecting.clear();
    m_pages = 0;
    askPage(m_olderToken, true);
}

void LogExplorer::cancel()
{
    ++m_generation;
    if (m_call.isRunning()) {
        m_call.cancel();
        Q_EMIT finished(rest::ApiError::cancelled());
    }
}

void LogExplorer::askPage(const QString &token, bool older)
{
    if (!m_client) {
        Q_EMIT finished(rest::ApiError::cancelled());
        return;
    }
    ListRequest request;
    request.filter = m_filter;
    request.newestFirst = true;
    request.pageSize = kPage - int(m_collecting.size());
    request.pageToken = token;
    const quint64 generation = m_generation;
    m_call = m_client->list(request, this, [this, generation, older](auto result) {
        if (generation != m_generation)
            return; // a newer search or a cancel took its place
        if (!result.ok()) {
            if (!older)
                Q_EMIT replaced({});
            Q_EMIT finished(result.error);
            return;
        }
        ++m_pages;
        noteReceived(result.value.entries);
        for (auto &entry : result.value.entries)
            m_collecting.push_back(std::move(entry));
        m_olderToken = result.value.nextPageToken;
        Q_EMIT progressed(m_pages, int(m_collecting.size()));
        if (int(m_collecting.size()) < kPage && !m_olderToken.isEmpty()) {
            askPage(m_olderToken, older); // short or empty: there may be more
            return;
        }
        std::vector<LogEntry> shown(m_collecting.rbegin(), m_collecting.rend());
        m_collecting.clear();
        if (older)
            Q_EMIT olderArrived(shown);
        else
            Q_EMIT replaced(shown);
        Q_EMIT finished(std::nullopt);
    });
}

void LogExplorer::setTailing(bool on)
{
    if (!on) {
        m_tailTimer.stop();
        m_tailCall.cancel();
        return;
    }
    if (!isTailing())
        m_tailTimer.start(0);
}

void LogExplorer::noteReceived(const std::vector<LogEntry> &entries)
{
    for (const LogEntry &entry : entries) {
        if (!entry.receiveTimestamp.isValid() || entry.receiveTimestamp < m_tailSince)
            continue;
        if (entry.receiveTimestamp > m_tailSince) {
            m_tailSince = entry.receiveTimestamp;
            m_seenAtSince.clear();
        }
        m_seenAtSince.insert(entry.insertId);
    }
}

void LogExplorer::tail()
{
    if (!m_client)
        return;
    ListRequest request;
    request.filter = tailFilter(m_filter, m_tailSince);
    request.pageSize = api::logging::kMaxPageSize;
    const quint64 generation = m_generation;
    m_tailCall = m_client->list(request, this, [this, generation](auto result) {
        if (generation == m_generation) {
            if (!result.ok()) {
                if (result.error->status != QLatin1String("CANCELLED"))
                    Q_EMIT tailFailed(*result.error);
            } else {
                std::vector<LogEntry> fresh;
                for (auto &entry : result.value.entries)
                    if (!m_seenAtSince.contains(entry.insertId))
                        fresh.push_back(std::move(entry));
                noteReceived(fresh);
                if (!fresh.empty())
                    Q_EMIT newerArrived(fresh);
            }
        }
        // On, whatever came: a tail that failed tries again at the next turn.
        if (!result.error || result.error->status != QLatin1String("CANCELLED"))
            m_tailTimer.start(result.ok() && !result.value.nextPageToken.isEmpty()
                                  ? std::chrono::milliseconds(0)
                                  : std::chrono::milliseconds(kTailInterval));
    });
}

} // namespace rov::core
