#pragma once

#include "rest/restclient.h"

#include <QElapsedTimer>
#include <QTimer>
#include <nlohmann/json.hpp>

namespace rov::test {

// Sends and waits for the answer while the event loop runs. A reply that does not finish in time
// comes back as a transport error saying so, so the test fails on it.
rest::HttpResponse sendAndWait(rest::RestClient &client, rest::HttpRequest request,
                               int timeoutMs = 15000);

// The cluster rovd's real-Ray tests create: a head and one worker, n1-standard-4 each, in pools
// "head-node" and "worker-pool1".
nlohmann::json headPlusOneWorker();

// GETs the cluster (`get`, with its token) every 500 ms until its state is `state` or ERROR, or
// the time is up; the cluster as last read.
nlohmann::json waitForClusterState(rest::RestClient &client, const rest::HttpRequest &get,
                                   const char *state, int timeoutMs);

// GETs the long-running operation (`get`, with its token) every 500 ms until it is done or the
// time is up (wall-clock time, unlike QTRY_*'s count of waits); the operation as last read.
nlohmann::json waitForOperation(rest::RestClient &client, const rest::HttpRequest &get,
                                int timeoutMs);

// Ray's job API on a cluster's dashboard (http://host:port/api/jobs/), as the tests drive it.
// The submission's id, or empty with the reason in *error.
QString submitRayJob(rest::RestClient &client, const QString &dashboard,
                     const std::string &entrypoint, QString *error = nullptr);
// The job's final status (SUCCEEDED, FAILED, STOPPED), or its last one when the time is up.
std::string waitForRayJob(rest::RestClient &client, const QString &dashboard, const QString &id,
                          int timeoutMs);
// What the job printed.
QString rayJobLogs(rest::RestClient &client, const QString &dashboard, const QString &id);

// "ok" or the error in words, for failure messages.
QString describe(const rest::HttpResponse &response);

// One HTTP/1.1 exchange written byte for byte, for what a well-behaved client never sends (a POST
// without Content-Length, TRACE). The connection stays open while the answer is read, as a
// keep-alive client's would.
struct RawAnswer
{
    int status = 0; // 0: no complete answer within the time
    QByteArray head;
    QByteArray body;
    qint64 elapsedMs = 0;
    QByteArray header(const QByteArray &name) const;
};
RawAnswer rawHttp(quint16 port, const QByteArray &request, int timeoutMs = 10000);

// Measures how late a 5 ms timer fires while the event loop does other work.
class StallMeter : public QObject
{
public:
    explicit StallMeter(int intervalMs = 5);
    qint64 maxLateMs() const { return m_maxLateMs; }
    int ticks() const { return m_ticks; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxLateMs = 0;
    int m_intervalMs;
    int m_ticks = 0;
};

} // namespace rov::test
