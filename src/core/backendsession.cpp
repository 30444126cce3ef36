#include "backendsession.h"

#include "auth/commandtokencredentials.h"
#include "auth/googlecredentials.h"
#include "auth/statictokencredentials.h"
#include "install/installlayout.h"
#include "install/pythonenvironment.h"
#include "localrovd.h"
#include "privatefiles.h"
#include "rest/restclient.h"
#include "secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace rov::core {

// The backend connection's changes of state, with the reason of a failure (QT_LOGGING_RULES=
// "rov.session.info=true"); warnings (a failure) are on.
Q_LOGGING_CATEGORY(lcSession, "rov.session", QtWarningMsg)

using rest::HttpRequest;
using rest::HttpResponse;

namespace {

constexpr int kRovdStartSeconds = 90; // it may be adopting or restarting clusters first

// Credentials that cannot be used (a bad key file): every request ends with the reason.
class UnusableCredentials : public rest::CredentialsProvider
{
public:
    explicit UnusableCredentials(QString why) : m_why(std::move(why)) {}
    QByteArray authorizationHeader() const override { return {}; }
    void refresh(std::function<void(bool)> done) override { done(false); }
    bool needsRefresh() const override { return true; }
    QString refreshError() const override { return m_why; }

private:
    QString m_why;
};

// A GET without a token, asked once: any HTTP answer says that a server is there.
HttpRequest probeRequest(QUrl url, const QString &path, std::chrono::milliseconds timeout)
{
    url.setPath(path);
    auto request = HttpRequest::get(url);
    request.sendCredentials = false;
    request.retry = rest::RetryPolicy::none();
    request.timeout = timeout;
    return request;
}

} // namespace

BackendSession::BackendSession(Profile profile, QString rovdProgram, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_rovdProgram(std::move(rovdProgram)),
      m_client(std::make_unique<rest::RestClient>())
{
    api::vertex::Endpoint endpoint;
    endpoint.baseUrl = m_profile.effectiveBaseUrl();
    endpoint.project = m_profile.project;
    endpoint.location = m_profile.region;
    m_vertex = std::make_unique<api::vertex::VertexClient>(m_client.get(), endpoint);
    m_monitoring = std::make_unique<api::monitoring::MonitoringClient>(
        m_client.get(), api::monitoring::MonitoringEndpoint{
                            m_profile.backend == Profile::Backend::ThisComputer
                                ? m_profile.rovdUrl
                                : api::monitoring::MonitoringEndpoint::googleBaseUrl(),
                            m_profile.project});
    m_logging = std::make_unique<api::logging::LoggingClient>(
        m_client.get(),
        api::logging::LoggingEndpoint{isLocal() ? m_profile.rovdUrl
                                                : api::logging::LoggingEndpoint::googleBaseUrl(),
                                      m_profile.project});
    m_bigQuery = std::make_unique<api::bigquery::BigQueryClient>(
        m_client.get(),
        api::bigquery::BigQueryEndpoint{
            isLocal() ? m_profile.rovdUrl : api::bigquery::BigQueryEndpoint::googleBaseUrl(),
            m_profile.project});
    const QUrl storage =
        isLocal() ? m_profile.rovdUrl : QUrl(QStringLiteral("https://storage.googleapis.com"));
    m_serving = std::make_unique<api::vertex::ServingClient>(m_client.get(), endpoint, storage);
    m_batch = std::make_unique<api::vertex::BatchClient>(m_client.get(), endpoint);
    m_storage =
        std::make_unique<api::storage::StorageReader>(m_client.get(), storage, m_profile.project);
    m_alerts = std::make_unique<AlertWatcher>(m_monitoring.get());
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &BackendSession::probeRovd);
    m_heartbeat.setInterval(ConnectionHealth::kHeartbeat);
    connect(&m_heartbeat, &QTimer::timeout, this, &BackendSession::heartbeat);
}

BackendSession::~BackendSession()
{
    // The windows first: what they asked for must not call back into them. The calls of others
    // (the main window's) end with CANCELLED when the REST client goes, after the typed clients.
    for (const QPointer<QObject> &window : std::exchange(m_bound, {}))
        delete window.data();
    if (m_oauth)
        m_oauth->setIdentityListener({});
    m_alerts.reset();
    m_notebooks.reset();
    m_storage.reset();
    m_batch.reset();
    m_serving.reset();
    m_bigQuery.reset();
    m_logging.reset();
    m_monitoring.reset();
    m_vertex.reset();
    m_client.reset();
}

JupyterLab *BackendSession::notebooks()
{
    if (!m_notebooks)
        m_notebooks =
            std::make_unique<JupyterLab>(NotebookPlaces::forProfile(m_profile.id),
                                         install::defaultPythonEnvironment(), m_client.get());
    return m_notebooks.get();
}

KernelTarget BackendSession::kernelTarget(const api::vertex::PersistentResource &cluster) const
{
    KernelTarget target;
    target.clusterName = cluster.name;
    target.clusterTitle = cluster.displayName.isEmpty() ? cluster.id() : cluster.displayName;
    if (isLocal()) {
        target.rovdUrl = m_profile.rovdUrl.toString(QUrl::StripTrailingSlash);
        target.tokensFile =
            QDir(m_profile.effectiveRovdDataDir()).filePath(QStringLiteral("tokens"));
    } else if (m_profile.credentials == Profile::Credentials::ServiceAccountKey) {
        target.keyFile = m_profile.keyFile;
    }
    return target;
}

void BackendSession::bind(QObject *window)
{
    std::erase_if(m_bound, [](const QPointer<QObject> &bound) { return bound.isNull(); });
    m_bound.emplace_back(window);
}

QStringList BackendSession::openWindowTitles() const
{
    // Read through properties: this library links no Widgets.
    QStringList titles;
    for (const QPointer<QObject> &window : m_bound) {
        if (window && window->property("visible").toBool())
            titles << window->property("windowTitle").toString();
    }
    return titles;
}

bool BackendSession::wasReady() const
{
    return m_status == Status::Ready || m_status == Status::Reconnecting ||
           m_status == Status::Unreachable;
}

bool BackendSession::canStartRovd() const
{
    return m_profile.backend == Profile::Backend::ThisComputer && m_status != Status::Ready &&
           m_status != Status::StartingRovd && m_status != Status::Connecting &&
           m_status != Status::PreparingPython;
}

void BackendSession::retryNow()
{
    if (wasReady())
        heartbeat();
    else if (m_status == Status::Failed)
        start();
}

std::optional<qint64> BackendSession::localRovdPid() const
{
    if (m_profile.backend != Profile::Backend::ThisComputer)
        return std::nullopt;
    return localrovd::runningPid(m_profile.effectiveRovdDataDir());
}

std::optional<rest::ApiError> BackendSession::stopRovd()
{
    if (m_profile.backend != Profile::Backend::ThisComputer)
        return rest::ApiError::withStatus(QStringLiteral("FAILED_PRECONDITION"),
                                          tr("Only a profile of this computer runs rovd"));
    // rovd as the user service is stopped through systemd, whose status then says it was stopped
    // on purpose; systemctl answers at once (SIGTERM, as below, and systemd waits for the exit).
    if (const auto pid = localrovd::runningPid(m_profile.effectiveRovdDataDir());
        pid && localrovd::runsAsUserService(*pid) &&
        QProcess::startDetached(QStringLiteral("systemctl"),
                                {QStringLiteral("--user"), QStringLiteral("stop"),
                                 QString::fromLatin1(localrovd::kUserService)})) {
        m_rovdLaunched = false;
        heartbeat();
        return std::nullopt;
    }
    const auto stopped = localrovd::stop(m_profile.effectiveRovdDataDir());
    if (const auto *error = std::get_if<rest::ApiError>(&stopped))
        return *error;
    // Reaped when it has gone, should it be this console's child.
    auto *reaper = new QTimer(this);
    reaper->setInterval(500);
    connect(reaper, &QTimer::timeout, reaper,
            [reaper, pid = std::get<qint64>(stopped), tries = 0]() mutable {
                if (localrovd::reapIfChild(pid) || ++tries > 240)
                    reaper->deleteLater();
            });
    reaper->start();
    m_rovdLaunched = false;
    heartbeat(); // the banner says it is gone as soon as it is
    return std::nullopt;
}

void BackendSession::startRovdAgain()
{
    if (!canStartRovd())
        return;
    m_heartbeat.stop();
    m_health = ConnectionHealth();
    startRovd();
}

void BackendSession::heartbeat()
{
    if (m_beating)
        return;
    // Any HTTP answer means the server is there; rovd answers 401 to a request without a token,
    // Google's front end 404 to its root. Only "nothing answered" is a miss.
    const bool local = m_profile.backend == Profile::Backend::ThisComputer;
    m_beating = true;
    m_client->send(probeRequest(local ? m_profile.rovdUrl : m_profile.effectiveBaseUrl(),
                                local ? QStringLiteral("/openapi.json") : QStringLiteral("/"),
                                ConnectionHealth::kHeartbeatTimeout),
                   this, [this](const HttpResponse &response) {
                       m_beating = false;
                       const bool cancelled = response.error && response.error->kind ==
                                                                    rest::ApiError::Kind::Cancelled;
                       if (!wasReady() || cancelled)
                           return;
                       const bool wasConnected = m_status == Status::Ready;
                       const bool unresolved =
                           response.error && response.error->isNameResolutionFailure();
                       const bool said = unresolved != m_hostUnresolved;
                       m_hostUnresolved = unresolved;
                       if (said && m_status != Status::Ready)
                           Q_EMIT statusChanged(); // the words change, the state may not
                       if (!m_health.record(response.status != 0, ConnectionHealth::Clock::now()))
                           return;
                       switch (m_health.state()) {
                       case ConnectionHealth::State::Connected:
                           setStatus(Status::Ready, {});
                           if (!wasConnected) {
                               fetchCapabilities();
                               Q_EMIT reconnected();
                           }
                           break;
                       case ConnectionHealth::State::Reconnecting:
                           setStatus(Status::Reconnecting, {});
                           break;
                       case ConnectionHealth::State::Unreachable:
                           setStatus(Status::Unreachable, {});
                           break;
                       }
                   });
}

QByteArray BackendSession::readAdminToken(const QString &rovdDataDir)
{
    QFile file(QDir(rovdDataDir).filePath(QStringLiteral("tokens")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        const auto fields = line.simplified().split(' ');
        if (fields.size() == 2 && fields[0] == "admin")
            return fields[1];
    }
    return {};
}

void BackendSession::setStatus(Status status, const QString &failure)
{
    // In the order of Status.
    static constexpr const char *kNames[] = {"connecting", "preparing python", "starting rovd",
                                             "ready",      "reconnecting",     "unreachable",
                                             "failed"};
    static_assert(std::size(kNames) == size_t(Status::Failed) + 1);
    if (status != m_status || failure != m_failure) {
        if (status == Status::Failed)
            qCWarning(lcSession).noquote() << "failed:" << failure;
        else
            qCInfo(lcSession).noquote() << kNames[int(status)] << failure;
    }
    m_status = status;
    m_failure = failure;
    Q_EMIT statusChanged();
}

// Built when asked, so that it follows a language switch.
QString BackendSession::statusText() const
{
    const bool local = m_profile.backend == Profile::Backend::ThisComputer;
    switch (m_status) {
    case Status::Connecting:
        return local ? tr("Looking for rovd at %1…").arg(m_profile.rovdUrl.toString())
                     : tr("Connecting…");
    case Status::PreparingPython:
        return tr("Setting up Python for Ray in %1 (first start; a few minutes)…")
            .arg(m_python ? m_python->dir() : QString());
    case Status::StartingRovd:
        return m_rovdViaService
                   ? tr("Starting rovd, your systemd user service (data in %1)…")
                         .arg(m_profile.effectiveRovdDataDir())
                   : tr("Starting rovd (data in %1)…").arg(m_profile.effectiveRovdDataDir());
    case Status::Ready:
        return local ? tr("Connected to rovd at %1").arg(m_profile.rovdUrl.toString())
                     : tr("Google Cloud: %1, %2").arg(m_profile.project, m_profile.region);
    case Status::Reconnecting:
        return local ? tr("Reconnecting to rovd at %1…").arg(m_profile.rovdUrl.toString())
                     : tr("Reconnecting to Google Cloud…");
    case Status::Unreachable:
        if (m_hostUnresolved)
            return tr("%1 cannot be found: there is no network, or the name does not exist; "
                      "still trying")
                .arg(backendHost());
        return local ? tr("rovd at %1 does not answer; still trying")
                           .arg(m_profile.rovdUrl.toString())
                     : tr("%1 does not answer; still trying")
                           .arg(m_profile.effectiveBaseUrl().host());
    case Status::Failed:
        break;
    }
    return m_failure;
}

QString BackendSession::backendHost() const
{
    return m_profile.backend == Profile::Backend::ThisComputer
               ? m_profile.rovdUrl.host()
               : m_profile.effectiveBaseUrl().host();
}

QString BackendSession::profileName() const
{
    return m_profile.id == Profile::thisComputer().id ? tr("This computer") : m_profile.name;
}

void BackendSession::start()
{
    if (m_profile.backend == Profile::Backend::GoogleCloud) {
        setCredentials();
        becomeReady();
        return;
    }
    setStatus(Status::Connecting, {});
    probeRovd();
}

void BackendSession::setCredentials()
{
    if (m_profile.backend == Profile::Backend::ThisComputer) {
        const QString dataDir = m_profile.effectiveRovdDataDir();
        m_client->setCredentialsProvider(std::make_shared<auth::StaticTokenCredentials>(
            [dataDir] { return readAdminToken(dataDir); }));
        return;
    }
    switch (m_profile.credentials) {
    case Profile::Credentials::TokenCommand:
        m_client->setCredentialsProvider(
            std::make_shared<auth::CommandTokenCredentials>(m_profile.tokenCommand));
        break;
    case Profile::Credentials::AccessToken: {
        const QString key = accessTokenKey(m_profile.id);
        // Read in this session's scope: a read that answers after the session is dropped.
        QPointer<BackendSession> self(this);
        m_client->setCredentialsProvider(std::make_shared<auth::StaticTokenCredentials>(
            [self, key](auth::StaticTokenCredentials::Give give) {
                if (!self) {
                    give({});
                    return;
                }
                SecretStore().read(key, self,
                                   [give](const SecretStore::Found &found) { give(found.value); });
            },
            tr("No access token is saved for this profile; paste one in Project setup")));
        break;
    }
    case Profile::Credentials::ApplicationDefault:
    case Profile::Credentials::ServiceAccountKey: {
        const auto source = m_profile.credentials == Profile::Credentials::ServiceAccountKey
                                ? auth::keyFileSource(m_profile.keyFile)
                                : auth::applicationDefaultSource(auth::AdcPlaces::fromEnvironment(
                                      QProcessEnvironment::systemEnvironment()));
        if (const auto *error = std::get_if<rest::ApiError>(&source)) {
            m_client->setCredentialsProvider(std::make_shared<UnusableCredentials>(error->message));
            break;
        }
        m_oauth = std::make_shared<auth::OAuthCredentials>(std::get<auth::TokenSource>(source),
                                                           m_client->options());
        // The credentials live no longer than this session (it holds the client that holds them).
        m_oauth->setIdentityListener([this] { Q_EMIT identityChanged(); });
        m_client->setCredentialsProvider(m_oauth);
        break;
    }
    }
}

QString BackendSession::accessTokenKey(const QString &profileId)
{
    return QStringLiteral("profile/%1/accessToken").arg(profileId);
}

QString BackendSession::identity() const
{
    return m_oauth ? m_oauth->identity() : QString();
}

QString BackendSession::credentialsOrigin() const
{
    return m_oauth ? m_oauth->source().origin : QString();
}

QString BackendSession::credentialsProject() const
{
    return m_oauth ? m_oauth->source().project : QString();
}

// rovd answers 401 to a request without a token: that is how we know it runs.
void BackendSession::probeRovd()
{
    m_client->send(
        probeRequest(m_profile.rovdUrl, QStringLiteral("/openapi.json"), std::chrono::seconds(3)),
        this, [this](const HttpResponse &response) {
            if (response.status == 401) {
                setCredentials();
                if (readAdminToken(m_profile.effectiveRovdDataDir()).isEmpty()) {
                    fail(tr("rovd runs at %1, but its token file is not in %2; set the data "
                            "directory in Project setup")
                             .arg(m_profile.rovdUrl.toString(), m_profile.effectiveRovdDataDir()));
                    return;
                }
                becomeReady();
                return;
            }
            if (response.status != 0) {
                fail(tr("Something else answers at %1 (HTTP %2); it is not rovd")
                         .arg(m_profile.rovdUrl.toString())
                         .arg(response.status));
                return;
            }
            if (!m_rovdLaunched) {
                startRovd();
                return;
            }
            if (m_startedRovd.elapsed() > kRovdStartSeconds * 1000) {
                fail(tr("rovd did not answer within %1 s; see %2")
                         .arg(kRovdStartSeconds)
                         .arg(m_rovdViaService ? QStringLiteral("systemctl --user status rovd")
                                               : QDir(m_profile.effectiveRovdDataDir())
                                                     .filePath(QStringLiteral("rovd.log"))));
                return;
            }
            m_probeTimer.start(500);
        });
}

void BackendSession::startRovd()
{
    if (!QFile::exists(m_rovdProgram)) {
        fail(tr("rovd is not running and %1 does not exist; build it with scripts/build.sh")
                 .arg(m_rovdProgram));
        return;
    }
    // Installed, the environment is the user's own and is made on first start (pip: minutes),
    // here with a window that shows how far it is, rather than by rovd while the console waits
    // for an answer. A build tree's .venv is scripts/setup.sh's and is used as it is.
    if (!m_python) {
        m_python = std::make_unique<install::PythonEnvironment>(
            install::defaultPythonEnvironment(), install::PythonEnvironment::pinned());
        connect(
            m_python.get(), &install::PythonEnvironment::finished, this,
            [this](const QString &error) {
                if (m_status != Status::PreparingPython)
                    return;
                if (!error.isEmpty())
                    fail(tr("The Python environment for Ray could not be set up: %1").arg(error));
                else
                    launchRovd();
            });
    }
    const auto state = m_python->state();
    if (state == install::PythonEnvironment::State::Missing ||
        state == install::PythonEnvironment::State::Stale) {
        setStatus(Status::PreparingPython, {});
        m_python->prepare();
        return;
    }
    launchRovd();
}

void BackendSession::cancelPythonSetup()
{
    if (m_python)
        m_python->cancel();
}

// rovd's user service when it is installed and serves this profile (the package's rovd.service:
// `systemctl --user status rovd` then shows its log, and it is the one that starts at login);
// rovd as the console's own detached child otherwise, or when systemctl cannot start it (no
// unit, no user manager: a container, a session without systemd).
void BackendSession::launchRovd()
{
    m_rovdViaService = false;
    if (!localrovd::serviceServes(m_profile.rovdUrl, m_profile.rovdDataDir) ||
        QStandardPaths::findExecutable(QStringLiteral("systemctl")).isEmpty()) {
        launchRovdProcess();
        return;
    }
    auto *systemctl = new QProcess(this);
    systemctl->setProcessChannelMode(QProcess::MergedChannels);
    const auto ended = [this, systemctl](bool started) {
        systemctl->deleteLater();
        if (!started) {
            qCInfo(lcSession).noquote()
                << "systemctl --user start" << localrovd::kUserService
                << "did not start it:" << QString::fromLocal8Bit(systemctl->readAll()).trimmed();
            launchRovdProcess();
            return;
        }
        m_rovdViaService = true;
        m_rovdLaunched = true;
        m_startedRovd.start();
        setStatus(Status::StartingRovd, {});
        m_probeTimer.start(500);
    };
    connect(systemctl, &QProcess::finished, this, [ended](int code, QProcess::ExitStatus status) {
        ended(status == QProcess::NormalExit && code == 0);
    });
    connect(systemctl, &QProcess::errorOccurred, this, [ended](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            ended(false);
    });
    setStatus(Status::StartingRovd, {});
    systemctl->start(QStringLiteral("systemctl"),
                     {QStringLiteral("--user"), QStringLiteral("start"),
                      QString::fromLatin1(localrovd::kUserService)});
}

void BackendSession::launchRovdProcess()
{
    const QString dataDir = m_profile.effectiveRovdDataDir();
    // A new data folder is made private (rovd keeps the one it made so, and leaves a folder of
    // the user's as it is); rovd's log, which the console opens for it, is private in either.
    const QString log = QDir(dataDir).filePath(QStringLiteral("rovd.log"));
    if ((!QFileInfo::exists(dataDir) && !privateFolder(dataDir)) || !privateFile(log)) {
        fail(tr("Could not prepare rovd's data folder %1").arg(dataDir));
        return;
    }
    QProcess process;
    process.setProgram(m_rovdProgram);
    process.setArguments(
        {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--listen"),
         QStringLiteral("%1:%2").arg(m_profile.rovdUrl.host()).arg(m_profile.rovdUrl.port(8788))});
    process.setStandardOutputFile(log, QIODevice::Append);
    process.setStandardErrorFile(log, QIODevice::Append);
    if (!process.startDetached()) {
        fail(tr("Could not start %1: %2").arg(m_rovdProgram, process.errorString()));
        return;
    }
    m_rovdLaunched = true;
    m_startedRovd.start();
    setStatus(Status::StartingRovd, {});
    m_probeTimer.start(500);
}

void BackendSession::becomeReady()
{
    m_health = ConnectionHealth();
    setStatus(Status::Ready, {});
    m_heartbeat.start();
    Q_EMIT ready();
    fetchCapabilities();
    m_alerts->start();
}

void BackendSession::fetchCapabilities()
{
    m_vertex->capabilities(this, [this](auto result) {
        if (!result.ok())
            return; // a backend without the extension, or one that is away: keep what we know
        m_capabilities = result.value;
        Q_EMIT capabilitiesChanged();
    });
    if (m_profile.backend == Profile::Backend::ThisComputer) {
        QUrl url = m_profile.rovdUrl;
        url.setPath(QStringLiteral("/openapi.json"));
        m_client->send(HttpRequest::get(url), this, [this](const HttpResponse &response) {
            if (!response.ok())
                return;
            m_rovdVersion = QString::fromStdString(
                response.json().value("info", nlohmann::json::object()).value("version", ""));
            Q_EMIT capabilitiesChanged();
        });
    }
}

void BackendSession::fail(const QString &reason)
{
    m_heartbeat.stop();
    setStatus(Status::Failed, reason);
}

void BackendSession::testConnection()
{
    m_vertex->listClusters(this, [this](auto result) {
        if (!result.ok()) {
            Q_EMIT connectionTested(false, tr("Failed: %1").arg(result.error->message));
            return;
        }
        const QString clusters = tr("%n cluster(s) in %1.", "", int(result.value.size()))
                                     .arg(m_vertex->endpoint().parent());
        if (!m_oauth) {
            Q_EMIT connectionTested(true, tr("Connected. %1").arg(clusters));
            return;
        }
        QString message =
            tr("Connected as %1, with %2. %3").arg(identity(), credentialsOrigin(), clusters);
        const QString project = credentialsProject();
        if (!project.isEmpty() && project != m_profile.project)
            // The leading space is part of the sentence: Chinese joins sentences without one.
            message += tr(" The credentials belong to project %1; this profile works in %2.")
                           .arg(project, m_profile.project);
        Q_EMIT connectionTested(true, message);
    });
}

} // namespace rov::core
