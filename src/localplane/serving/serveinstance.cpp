#include "serveinstance.h"

#include "localplane/clusters/detachedspawn.h"
#include "localplane/clusters/nodeaddressbook.h"
#include "localplane/clusters/raynodeprocess.h"
#include "localplane/diagnostics.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <arpa/inet.h>
#include <csignal>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rov::localplane::serving {

using nlohmann::json;

namespace {

// `count` ports that are free now: all bound at once (so they differ), then let go for Ray.
std::vector<quint16> freePorts(int count)
{
    std::vector<int> sockets;
    std::vector<quint16> ports;
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            if (fd >= 0)
                ::close(fd);
            break;
        }
        sockets.push_back(fd);
        ports.push_back(ntohs(address.sin_port));
    }
    for (int fd : sockets)
        ::close(fd);
    return ports;
}

QString marker(const InstanceSettings &settings)
{
    return QStringLiteral("--temp-dir=%1").arg(settings.tempDir);
}

bool dashboardAnswers(quint16 port)
{
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(2);
    client.set_read_timeout(5);
    const auto answer = client.Get("/api/version");
    return answer && answer->status == 200;
}

QString tail(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > 2000)
        file.seek(file.size() - 2000);
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

json InstanceRecord::toJson() const
{
    return {{"pid", pid},
            {"dashboardPort", dashboardPort},
            {"httpPort", httpPort},
            {"metricsPort", metricsPort}};
}

std::optional<InstanceRecord> InstanceRecord::fromJson(const json &value)
{
    if (!value.is_object() || !value.contains("pid"))
        return std::nullopt;
    InstanceRecord record;
    record.pid = value.value("pid", qint64(0));
    record.dashboardPort = value.value("dashboardPort", quint16(0));
    record.httpPort = value.value("httpPort", quint16(0));
    record.metricsPort = value.value("metricsPort", quint16(0));
    if (record.pid <= 0 || record.dashboardPort == 0 || record.httpPort == 0)
        return std::nullopt;
    return record;
}

namespace {

struct Attempt
{
    std::variant<InstanceRecord, QString> result;
    bool exitedEarly = false; // `ray start` was gone before its dashboard answered
};

Attempt startOnce(const InstanceSettings &settings);

} // namespace

std::variant<InstanceRecord, QString> startInstance(const InstanceSettings &settings)
{
    // A node that exits while it starts is started once more (with new ports) before the start
    // fails: seen twice in a run of the tests, `ray start` gone within a second with nothing in
    // its log, and fine the next time. A node that hangs is not: its 180 s are the wait.
    Attempt attempt = startOnce(settings);
    if (attempt.exitedEarly) {
        diagnostics::warn(diagnostics::lcServing(), std::get<QString>(attempt.result) +
                                                        QStringLiteral("; starting it once more"));
        attempt = startOnce(settings);
    }
    return std::move(attempt.result);
}

namespace {

Attempt startOnce(const InstanceSettings &settings)
{
    const std::vector<quint16> ports = freePorts(10);
    if (ports.size() != 10)
        return {QStringLiteral("no free ports for the %1").arg(settings.label)};
    InstanceRecord record;
    record.dashboardPort = ports[1];
    record.httpPort = ports[9];
    record.metricsPort = ports[5];
    DetachedCommand command;
    command.program = settings.rayProgram;
    command.arguments = {
        QStringLiteral("start"), QStringLiteral("--head"), QStringLiteral("--block"),
        QStringLiteral("--node-ip-address=%1").arg(settings.nodeIp),
        QStringLiteral("--port=%1").arg(ports[0]), QStringLiteral("--dashboard-host=127.0.0.1"),
        QStringLiteral("--dashboard-port=%1").arg(ports[1]),
        QStringLiteral("--dashboard-agent-listen-port=%1").arg(ports[2]),
        QStringLiteral("--dashboard-agent-grpc-port=%1").arg(ports[3]),
        QStringLiteral("--runtime-env-agent-port=%1").arg(ports[4]),
        QStringLiteral("--metrics-export-port=%1").arg(ports[5]),
        QStringLiteral("--node-manager-port=%1").arg(ports[6]),
        QStringLiteral("--object-manager-port=%1").arg(ports[7]),
        QStringLiteral("--ray-client-server-port=%1").arg(ports[8]),
        // Workers bind ports the kernel picks: no range to share with clusters' nodes.
        QStringLiteral("--min-worker-port=0"), QStringLiteral("--max-worker-port=0"),
        QStringLiteral("--num-cpus=%1").arg(settings.logicalCpus),
        QStringLiteral("--object-store-memory=%1").arg(settings.objectStoreBytes),
        QStringLiteral("--disable-usage-stats"), marker(settings)};
    // The ports Ray binds on every interface: not the dashboard's or Serve's HTTP proxy's, which
    // listen on 127.0.0.1.
    QStringList ownPorts;
    for (const quint16 port : ports)
        if (port != record.dashboardPort && port != record.httpPort)
            ownPorts << QString::number(port);
    command.environment =
        rayNodeEnvironment(settings.rayProgram, settings.nodeIp, settings.loopbackLibrary,
                           ownPorts.join(QLatin1Char(',')));
    command.environment.insert(QStringLiteral("PYTHONPATH"), settings.pythonPath);
    command.logFile = settings.logFile;
    QDir().mkpath(QFileInfo(settings.logFile).absolutePath());
    const auto spawned = spawnDetached(command);
    if (const auto *error = std::get_if<QString>(&spawned))
        return {QStringLiteral("could not start the %1: %2").arg(settings.label, *error)};
    record.pid = std::get<qint64>(spawned);
    const auto deadline = std::chrono::steady_clock::now() + settings.startTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!RayNodeProcess::isAliveWithMarker(record.pid, marker(settings))) {
            const QString printed = tail(settings.logFile).right(600);
            return {QStringLiteral("the %1 exited while starting: %2")
                        .arg(settings.label,
                             printed.isEmpty() ? QStringLiteral("it printed nothing") : printed),
                    true};
        }
        if (dashboardAnswers(record.dashboardPort))
            return {record};
        QThread::msleep(300);
    }
    stopInstance(record);
    return {QStringLiteral("the %1 did not start within %2 s")
                .arg(settings.label)
                .arg(settings.startTimeout.count())};
}

} // namespace

bool instanceAlive(const InstanceRecord &record, const InstanceSettings &settings)
{
    return RayNodeProcess::isAliveWithMarker(record.pid, marker(settings)) &&
           dashboardAnswers(record.dashboardPort);
}

void stopInstance(const InstanceRecord &record)
{
    if (record.pid <= 0)
        return;
    // The node leads its own session: its group holds the processes it started.
    ::kill(-pid_t(record.pid), SIGTERM);
    for (int i = 0; i < 100 && ::kill(pid_t(record.pid), 0) == 0; ++i)
        QThread::msleep(100);
    ::kill(-pid_t(record.pid), SIGKILL);
}

std::optional<QString> putServeConfig(const InstanceRecord &record, const json &config)
{
    httplib::Client client("127.0.0.1", record.dashboardPort);
    client.set_connection_timeout(5);
    client.set_read_timeout(120);
    const auto answer = client.Put("/api/serve/applications/", config.dump(), "application/json");
    if (!answer)
        return QStringLiteral("the serving instance's dashboard did not answer (%1)")
            .arg(QString::fromStdString(httplib::to_string(answer.error())));
    if (answer->status != 200)
        return QStringLiteral("Serve refused the config (HTTP %1): %2")
            .arg(answer->status)
            .arg(QString::fromStdString(answer->body).left(600));
    return std::nullopt;
}

std::variant<json, QString> serveStatus(const InstanceRecord &record)
{
    httplib::Client client("127.0.0.1", record.dashboardPort);
    client.set_connection_timeout(5);
    client.set_read_timeout(30);
    const auto answer = client.Get("/api/serve/applications/");
    if (!answer)
        return QStringLiteral("the serving instance's dashboard did not answer (%1)")
            .arg(QString::fromStdString(httplib::to_string(answer.error())));
    if (answer->status != 200)
        return QStringLiteral("Serve's status: HTTP %1").arg(answer->status);
    json status = json::parse(answer->body, nullptr, false);
    if (status.is_discarded())
        return QStringLiteral("Serve's status is not JSON");
    return status;
}

} // namespace rov::localplane::serving
