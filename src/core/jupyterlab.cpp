#include "jupyterlab.h"

#include "privatefiles.h"
#include "rest/restclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSaveFile>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rov::core {

namespace {

constexpr int kProbeMs = 500;
constexpr int kStartProbes = 120; // a first start compiles nothing, but can take a while
constexpr int kStopTicks = 50;    // 200 ms each: SIGKILL after 10 s

bool alive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

// Written whole or not at all, readable by the user only.
bool writePrivateFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(bytes) == bytes.size() && file.commit();
}

// A port the kernel has free on 127.0.0.1 now (JupyterLab is told it, so it says where it runs).
int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QByteArray randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return bytes.toHex();
}

// The samples travel inside the program (":/notebooks/samples/<language>/…") and are copied into a
// folder of the cluster's, each with the cluster's kernel chosen, so that opening one connects to
// the cluster at once. One already there is the user's and is never replaced.
bool copySamples(const QString &language, const QString &folder, const QJsonObject &kernel)
{
    const QString from =
        QStringLiteral(":/notebooks/samples/") +
        (language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en"));
    if (!privateFolder(folder))
        return false;
    QDirIterator samples(from, QDir::Files);
    while (samples.hasNext()) {
        const QString sample = samples.next();
        const QString target = QDir(folder).filePath(QFileInfo(sample).fileName());
        if (QFileInfo::exists(target))
            continue;
        QFile shipped(sample);
        if (!shipped.open(QIODevice::ReadOnly))
            return false;
        QJsonObject notebook = QJsonDocument::fromJson(shipped.readAll()).object();
        QJsonObject metadata = notebook.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("kernelspec"), kernel);
        notebook.insert(QStringLiteral("metadata"), metadata);
        if (!writePrivateFile(target, QJsonDocument(notebook).toJson()))
            return false;
    }
    return true;
}

} // namespace

QUrl JupyterLab::Server::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
}

JupyterLab::JupyterLab(NotebookPlaces places, QString venv, rest::RestClient *http, QObject *parent)
    : QObject(parent), m_places(std::move(places)), m_venv(std::move(venv)), m_http(http)
{
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &JupyterLab::probe);
    m_stopTimer.setInterval(200);
    connect(&m_stopTimer, &QTimer::timeout, this, &JupyterLab::checkStopped);
    // A server started by an earlier run of the console is shown as running once it answers.
    if (const auto earlier = readServerFile(); earlier && alive(earlier->pid)) {
        m_server = earlier;
        m_adopting = true;
        setState(State::Starting);
        m_probes = kStartProbes - 10;
        m_probeTimer.start(0);
    }
}

JupyterLab::~JupyterLab()
{
    // Whoever waits hears that it ended; the server itself keeps running for the next session.
    // No stateChanged now: a listener that asks its session for the JupyterLab would make a new
    // one while the session is being destroyed.
    blockSignals(true);
    m_closing = true;
    settle(tr("The console closed the connection to JupyterLab before it answered."));
}

QString JupyterLab::samplesFolder(const QString &clusterName)
{
    return clusterName.section(QLatin1Char('/'), -1);
}

QString JupyterLab::firstSample(const QString &clusterName)
{
    return samplesFolder(clusterName) + QStringLiteral("/01_connect_and_run_tasks.ipynb");
}

void JupyterLab::open(const KernelTarget &target, const QString &language, Done done)
{
    if (m_state == State::Stopping) {
        done(tr("JupyterLab is stopping; open it again once it has stopped."));
        return;
    }
    if (const QString problem = prepare(target, language); !problem.isEmpty()) {
        done(problem);
        return;
    }
    m_waiting.push_back(std::move(done));
    if (m_state == State::Running && m_server && alive(m_server->pid)) {
        settle(*m_server);
        return;
    }
    if (m_state == State::Starting)
        return; // the start under way answers every caller
    findOrStart();
}

QString JupyterLab::prepare(const KernelTarget &target, const QString &language)
{
    const QString kernelFolder =
        QFileInfo(m_places.kernelFile(kernelName(target.clusterName))).path();
    if (!privateFolder(m_places.root) || !privateFolder(m_places.notebooks()) ||
        !privateFolder(kernelFolder))
        return tr("Cannot make the notebooks folder %1.").arg(m_places.root);
    KernelTarget kernel = target;
    kernel.python = QDir(m_venv).filePath(QStringLiteral("bin/python"));
    kernel.launcher = QDir(m_places.root).filePath(QStringLiteral("rov_kernel.py"));
    kernel.pythonVersion = versions().python;
    if (!QFileInfo::exists(kernel.python))
        return tr("The Python environment %1 has no Python; run scripts/run.sh once to set it "
                  "up.")
            .arg(m_venv);
    QFile launcher(QStringLiteral(":/notebooks/rov_kernel.py"));
    if (!launcher.open(QIODevice::ReadOnly) ||
        !writePrivateFile(kernel.launcher, launcher.readAll()))
        return tr("Cannot write the kernel's start-up code in %1.").arg(m_places.root);
    const QJsonObject spec = kernelSpec(kernel);
    if (!writePrivateFile(m_places.kernelFile(kernelName(target.clusterName)),
                          QJsonDocument(spec).toJson()))
        return tr("Cannot write the kernel of %1 in %2.").arg(target.clusterTitle, kernelFolder);
    const QString samples = QDir(m_places.notebooks()).filePath(samplesFolder(target.clusterName));
    const QJsonObject chosen{{QStringLiteral("name"), kernelName(target.clusterName)},
                             {QStringLiteral("display_name"), spec[QStringLiteral("display_name")]},
                             {QStringLiteral("language"), QStringLiteral("python")}};
    if (!copySamples(language, samples, chosen))
        return tr("Cannot copy the sample notebooks to %1.").arg(samples);
    return {};
}

void JupyterLab::findOrStart()
{
    setState(State::Starting);
    if (const auto earlier = readServerFile(); earlier && alive(earlier->pid)) {
        m_server = earlier;
        m_adopting = true;
        m_probes = kStartProbes - 10; // one that runs answers at once
        probe();
        return;
    }
    startServer();
}

void JupyterLab::startServer()
{
    m_adopting = false;
    const int port = freeLoopbackPort();
    const QString python = QDir(m_venv).filePath(QStringLiteral("bin/python"));
    if (!port) {
        settle(tr("No free port on 127.0.0.1 for JupyterLab."));
        return;
    }
    Server server{0, port, randomToken()};
    // Its own configuration folder: no news pop-up asking to fetch Jupyter's feed.
    const QString labConfig = QDir(m_places.root).filePath(QStringLiteral("config/labconfig"));
    const QByteArray pageConfig =
        R"({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": true}})";
    if (!privateFolder(labConfig) ||
        !writePrivateFile(QDir(labConfig).filePath(QStringLiteral("page_config.json")),
                          pageConfig)) {
        settle(tr("Cannot write JupyterLab's settings in %1.").arg(labConfig));
        return;
    }
    QProcess process;
    process.setProgram(python);
    process.setArguments({QStringLiteral("-m"), QStringLiteral("jupyterlab"),
                          QStringLiteral("--no-browser"), QStringLiteral("--ip=127.0.0.1"),
                          QStringLiteral("--port=%1").arg(port),
                          QStringLiteral("--ServerApp.port_retries=0"),
                          // Nothing fetched from the internet: no news feed, no update check.
                          QStringLiteral("--LabApp.news_url=None"),
                          QStringLiteral("--LabApp.check_for_updates_class=jupyterlab."
                                         "NeverCheckForUpdate"),
                          QStringLiteral("--ServerApp.root_dir=") + m_places.notebooks()});
    // Jupyter refuses to run as root unless told; a console run as root (a container, CI) means it.
    if (::geteuid() == 0)
        process.setArguments(process.arguments() << QStringLiteral("--allow-root"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The token in the environment, not on the command line that every user can read in ps.
    environment.insert(QStringLiteral("JUPYTER_TOKEN"), QString::fromLatin1(server.token));
    environment.insert(QStringLiteral("JUPYTER_DATA_DIR"), m_places.dataDir());
    environment.insert(QStringLiteral("JUPYTER_CONFIG_DIR"),
                       QDir(m_places.root).filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("JUPYTER_RUNTIME_DIR"),
                       QDir(m_places.root).filePath(QStringLiteral("runtime")));
    environment.remove(QStringLiteral("RAY_ADDRESS"));
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(m_places.logFile(), QIODevice::Append);
    process.setStandardErrorFile(m_places.logFile(), QIODevice::Append);
    process.setStandardInputFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        settle(tr("Could not start JupyterLab with %1: %2").arg(python, process.errorString()));
        return;
    }
    server.pid = pid;
    m_server = server;
    const QJsonObject record{{QStringLiteral("pid"), pid},
                             {QStringLiteral("port"), port},
                             {QStringLiteral("token"), QString::fromLatin1(server.token)}};
    if (!writePrivateFile(m_places.serverFile(), QJsonDocument(record).toJson())) {
        ::kill(pid_t(pid), SIGTERM);
        settle(tr("Cannot write %1.").arg(m_places.serverFile()));
        return;
    }
    m_probes = 0;
    m_probeTimer.start(kProbeMs);
}

void JupyterLab::probe()
{
    if (!m_server || !m_http || m_probing)
        return;
    if (!alive(m_server->pid)) {
        const QString tail = logTail();
        settle(m_adopting ? tr("The JupyterLab started before has stopped.")
                          : tr("JupyterLab exited while starting. Its log (%1) ends with:\n%2")
                                .arg(m_places.logFile(), tail));
        return;
    }
    auto request =
        rest::HttpRequest::get(m_server->url().resolved(QUrl(QStringLiteral("api/status"))));
    request.sendCredentials = false;
    request.setHeader("Authorization", "token " + m_server->token);
    request.timeout = std::chrono::milliseconds(3000);
    request.retry = rest::RetryPolicy::none();
    m_probing = true;
    const int pid = int(m_server->pid);
    m_http->send(std::move(request), this, [this, pid](const rest::HttpResponse &response) {
        m_probing = false;
        if (!m_server || m_server->pid != pid || m_state != State::Starting)
            return;
        if (response.ok() && response.status == 200) {
            setState(State::Running);
            settle(*m_server);
            return;
        }
        if (++m_probes >= kStartProbes) {
            settle(m_adopting ? tr("The JupyterLab started before does not answer.")
                              : tr("JupyterLab did not answer within a minute; its log is %1.")
                                    .arg(m_places.logFile()));
            return;
        }
        m_probeTimer.start(kProbeMs);
    });
}

void JupyterLab::settle(std::variant<Server, QString> outcome)
{
    if (std::holds_alternative<QString>(outcome) && m_state == State::Starting) {
        if (!m_adopting && m_server && alive(m_server->pid))
            ::kill(pid_t(m_server->pid), SIGTERM); // half started: nothing left behind
        if (m_adopting)
            QFile::remove(m_places.serverFile());
        m_server.reset();
        setState(State::Stopped);
    }
    std::vector<Done> waiting;
    waiting.swap(m_waiting);
    for (Done &done : waiting)
        done(outcome);
}

void JupyterLab::stop()
{
    if (!m_server || m_state == State::Stopping)
        return;
    m_probeTimer.stop();
    settle(tr("JupyterLab was stopped."));
    if (!m_server)
        return; // it was only starting: settle() stopped it
    ::kill(pid_t(m_server->pid), SIGTERM);
    m_stopTicks = 0;
    setState(State::Stopping);
    m_stopTimer.start();
}

void JupyterLab::checkStopped()
{
    if (m_server && alive(m_server->pid) && ++m_stopTicks < kStopTicks)
        return;
    if (m_server && alive(m_server->pid))
        ::kill(-pid_t(m_server->pid), SIGKILL);
    m_stopTimer.stop();
    QFile::remove(m_places.serverFile());
    QFile::remove(m_places.openFile());
    m_server.reset();
    setState(State::Stopped);
}

void JupyterLab::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

std::optional<JupyterLab::Server> JupyterLab::readServerFile() const
{
    QFile file(m_places.serverFile());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject record = QJsonDocument::fromJson(file.readAll()).object();
    Server server{qint64(record.value(QStringLiteral("pid")).toDouble()),
                  record.value(QStringLiteral("port")).toInt(),
                  record.value(QStringLiteral("token")).toString().toLatin1()};
    if (server.pid <= 0 || server.port <= 0 || server.token.isEmpty())
        return std::nullopt;
    return server;
}

QString JupyterLab::logTail() const
{
    QFile log(m_places.logFile());
    if (!log.open(QIODevice::ReadOnly))
        return {};
    if (log.size() > 2000)
        log.seek(log.size() - 2000);
    return QString::fromUtf8(log.readAll()).trimmed();
}

std::variant<QUrl, QString> JupyterLab::browserPage(const QString &notebook) const
{
    if (!m_server)
        return tr("JupyterLab is not running.");
    QUrl target = m_server->url().resolved(
        QUrl(notebook.isEmpty() ? QStringLiteral("lab") : QStringLiteral("lab/tree/") + notebook));
    // As `jupyter lab` opens a browser: a local page that sends it on with the token, which
    // JupyterLab exchanges for a cookie (the token is not on any command line).
    target.setQuery(QStringLiteral("token=") + QString::fromLatin1(m_server->token));
    const QString href = target.toString(QUrl::FullyEncoded).toHtmlEscaped();
    const QByteArray page =
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                       "<meta http-equiv=\"refresh\" content=\"0;url=%1\"><title>JupyterLab"
                       "</title></head><body><p><a href=\"%1\">JupyterLab</a></p></body></html>\n")
            .arg(href)
            .toUtf8();
    if (!writePrivateFile(m_places.openFile(), page))
        return tr("Cannot write %1.").arg(m_places.openFile());
    return QUrl::fromLocalFile(m_places.openFile());
}

} // namespace rov::core
