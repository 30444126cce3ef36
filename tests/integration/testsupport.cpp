#include "testsupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rov::test {

nlohmann::json headPlusOneWorker()
{
    return nlohmann::json::parse(R"({"displayName": "test cluster",
        "resourcePools": [{"id": "head-node", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": "1"},
                          {"id": "worker-pool1", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": "1"}],
        "resourceRuntimeSpec": {"raySpec": {"imageUri": "us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-47.py311:latest"}}})");
}

rest::HttpResponse sendAndWait(rest::RestClient &client, rest::HttpRequest request, int timeoutMs)
{
    rest::RestReply *reply = client.send(std::move(request));
    reply->setAutoDelete(false);
    QSignalSpy finished(reply, &rest::RestReply::finished);
    if (!finished.wait(timeoutMs)) {
        reply->cancel();
        delete reply;
        rest::HttpResponse late;
        late.error =
            rest::ApiError::transport(0, QStringLiteral("no answer within the test's time"));
        return late;
    }
    rest::HttpResponse response = reply->response();
    delete reply;
    return response;
}

nlohmann::json waitForClusterState(rest::RestClient &client, const rest::HttpRequest &get,
                                   const char *state, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    nlohmann::json cluster;
    while (!deadline.hasExpired()) {
        cluster = sendAndWait(client, get, 60000).json();
        if (cluster.value("state", "") == state || cluster.value("state", "") == "ERROR")
            break;
        QTest::qWait(500);
    }
    return cluster;
}

nlohmann::json waitForOperation(rest::RestClient &client, const rest::HttpRequest &get,
                                int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    nlohmann::json operation;
    while (!deadline.hasExpired()) {
        operation = sendAndWait(client, get, 60000).json();
        if (operation.value("done", false))
            break;
        QTest::qWait(500);
    }
    return operation;
}

QString describe(const rest::HttpResponse &response)
{
    return response.error ? response.error->toString() : QStringLiteral("ok");
}

QByteArray RawAnswer::header(const QByteArray &name) const
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

RawAnswer rawHttp(quint16 port, const QByteArray &request, int timeoutMs)
{
    RawAnswer answer;
    QElapsedTimer clock;
    clock.start();
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size()) {
        if (fd >= 0)
            ::close(fd);
        return answer;
    }
    QByteArray received;
    qsizetype headEnd = -1;
    qint64 wanted = -1;
    while (clock.elapsed() < timeoutMs) {
        pollfd ready{fd, POLLIN, 0};
        if (::poll(&ready, 1, int(std::max<qint64>(1, timeoutMs - clock.elapsed()))) <= 0)
            break;
        char buffer[16384];
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0)
            break;
        received.append(buffer, qsizetype(got));
        if (headEnd < 0 && (headEnd = received.indexOf("\r\n\r\n")) >= 0) {
            answer.head = received.left(headEnd);
            const QByteArray length = answer.header("Content-Length");
            wanted = length.isEmpty() ? 0 : length.toLongLong();
            if (request.startsWith("HEAD "))
                wanted = 0;
        }
        if (headEnd >= 0 && received.size() - headEnd - 4 >= wanted)
            break;
    }
    ::close(fd);
    answer.elapsedMs = clock.elapsed();
    if (headEnd >= 0 && received.size() - headEnd - 4 >= wanted) {
        answer.body = received.mid(headEnd + 4, qsizetype(wanted));
        answer.status = answer.head.mid(9, 3).toInt();
    }
    return answer;
}

namespace {

rest::HttpRequest toDashboard(rest::HttpRequest request)
{
    // The dashboard is Ray's: it takes no token of rovd's, and a test asks once.
    request.sendCredentials = false;
    request.retry = rest::RetryPolicy::none();
    return request;
}

} // namespace

QString submitRayJob(rest::RestClient &client, const QString &dashboard,
                     const std::string &entrypoint, QString *error)
{
    const auto submitted =
        sendAndWait(client,
                    toDashboard(rest::HttpRequest::withJson(
                        rest::HttpMethod::Post, QUrl(dashboard + QStringLiteral("/api/jobs/")),
                        {{"entrypoint", entrypoint}})),
                    60000);
    const QString id =
        submitted.ok()
            ? QString::fromStdString(submitted.json().value("submission_id", std::string()))
            : QString();
    if (id.isEmpty() && error)
        *error = QStringLiteral("the job was not submitted: ") + describe(submitted);
    return id;
}

std::string waitForRayJob(rest::RestClient &client, const QString &dashboard, const QString &id,
                          int timeoutMs)
{
    const auto probe =
        toDashboard(rest::HttpRequest::get(QUrl(dashboard + QStringLiteral("/api/jobs/") + id)));
    std::string status;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const auto got = sendAndWait(client, probe, 30000);
        if (got.ok())
            status = got.json().value("status", std::string());
        if (status == "SUCCEEDED" || status == "FAILED" || status == "STOPPED")
            break;
        QTest::qWait(500);
    }
    return status;
}

QString rayJobLogs(rest::RestClient &client, const QString &dashboard, const QString &id)
{
    const auto logs = sendAndWait(client,
                                  toDashboard(rest::HttpRequest::get(QUrl(
                                      dashboard + QStringLiteral("/api/jobs/%1/logs").arg(id)))),
                                  30000);
    return QString::fromStdString(logs.json().value("logs", std::string()));
}

StallMeter::StallMeter(int intervalMs) : m_intervalMs(intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
    m_clock.start();
    m_timer.start(intervalMs);
}

void StallMeter::tick()
{
    const qint64 now = m_clock.elapsed();
    if (m_ticks > 0)
        m_maxLateMs = std::max(m_maxLateMs, now - m_last - m_intervalMs);
    m_last = now;
    ++m_ticks;
}

} // namespace rov::test
