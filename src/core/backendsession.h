#pragma once

#include "alertwatcher.h"
#include "api/bigquery/bigqueryclient.h"
#include "api/logging/loggingclient.h"
#include "api/monitoring/monitoringclient.h"
#include "api/storage/storagereader.h"
#include "api/vertex/batchclient.h"
#include "api/vertex/servingclient.h"
#include "api/vertex/vertexclient.h"
#include "connectionhealth.h"
#include "jupyterlab.h"
#include "profile.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

namespace rov::rest {
class RestClient;
}
namespace rov::install {
class PythonEnvironment;
}
namespace rov::auth {
class OAuthCredentials;
}

namespace rov::core {

// The scope of one profile's backend. It owns the REST client with its credentials, the typed
// clients, and every window, wizard and dialog bound to it: when the session ends, they close
// first, then every call still under way ends with CANCELLED. For "This computer" it also starts
// rovd when nothing answers, and reads the local admin token from rovd's token file. Once ready,
// a heartbeat tells whether the backend still answers.
class BackendSession : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Connecting,
        PreparingPython, // first start of an installed console: pip makes Ray's environment
        StartingRovd,
        Ready,
        Reconnecting, // a heartbeat was missed
        Unreachable,  // heartbeats missed for a few seconds; still trying
        Failed
    };

    // `rovdProgram`: the rovd executable to start (next to the console's own).
    BackendSession(Profile profile, QString rovdProgram, QObject *parent = nullptr);
    ~BackendSession() override;

    void start();
    // Asks the backend again now: a heartbeat when connected, a new start after a failure.
    void retryNow();
    // For "This computer" whose rovd does not answer: starts it again and reconnects.
    void startRovdAgain();
    bool canStartRovd() const;
    // "This computer": the pid of the rovd that serves the profile's data directory, if one runs.
    // It keeps running after the console closes, with its clusters.
    std::optional<qint64> localRovdPid() const;
    // Did this session start that rovd?
    bool launchedRovd() const { return m_rovdLaunched; }
    // Asks the local rovd to stop; its clusters keep running and are adopted by the next one.
    // The heartbeat then finds it gone (Unreachable, with Start rovd). Why not, when it cannot.
    std::optional<rest::ApiError> stopRovd();
    // Ready, or Reconnecting after one missed heartbeat: actions still go out.
    bool isConnected() const
    {
        return m_status == Status::Ready || m_status == Status::Reconnecting;
    }
    // Ready, Reconnecting or Unreachable: the session got as far as the backend once.
    bool wasReady() const;

    // `window` acts on this backend: it is deleted with the session, before the clients.
    void bind(QObject *window);
    // The titles of the bound windows that are open now.
    QStringList openWindowTitles() const;
    // Lists the clusters and reports, in words, how that went.
    void testConnection();

    const Profile &profile() const { return m_profile; }
    Status status() const { return m_status; }
    QString statusText() const;
    // The host the session talks to: rovd's for this computer, the API's for Google Cloud.
    QString backendHost() const;
    // The last heartbeat found no host by that name (no network, or a wrong name).
    bool hostUnresolved() const { return m_hostUnresolved; }
    QString profileName() const; // in the current language for the built-in profile
    api::vertex::VertexClient *vertex() const { return m_vertex.get(); }
    // PromQL: rovd's, or Cloud Monitoring's for the profile's project.
    api::monitoring::MonitoringClient *monitoring() const { return m_monitoring.get(); }
    // Cloud Logging's entries:list: rovd's log store, or Google's for the profile's project.
    api::logging::LoggingClient *logging() const { return m_logging.get(); }
    // BigQuery's REST API: rovd's (DuckDB), or Google's for the profile's project.
    api::bigquery::BigQueryClient *bigQuery() const { return m_bigQuery.get(); }
    // The Model Registry, endpoints and predictions (v1), and uploads to Cloud Storage (rovd's, or
    // storage.googleapis.com).
    api::vertex::ServingClient *serving() const { return m_serving.get(); }
    // Batch prediction jobs.
    api::vertex::BatchClient *batch() const { return m_batch.get(); }
    // Cloud Storage's buckets, folders and files, read (the pickers, batch outputs).
    api::storage::StorageReader *storage() const { return m_storage.get(); }
    // The profile's JupyterLab (made on first use; a server from an earlier run is found again).
    JupyterLab *notebooks();
    // What the kernel of `cluster` needs to reach this profile's backend.
    KernelTarget kernelTarget(const api::vertex::PersistentResource &cluster) const;
    // rovd (this computer) rather than Google Cloud.
    bool isLocal() const { return m_profile.backend == Profile::Backend::ThisComputer; }
    // The backend's alerting rules and what fires, asked while the session is ready.
    AlertWatcher *alerts() const { return m_alerts.get(); }
    // The session's HTTP client, for other APIs (a Ray dashboard) next to Vertex AI.
    rest::RestClient *rest() const { return m_client.get(); }
    const api::vertex::BackendCapabilities &capabilities() const { return m_capabilities; }
    QString rovdVersion() const { return m_rovdVersion; }
    // Who the Google Cloud credentials sign in as ("sa@p.iam.gserviceaccount.com", a user's
    // e-mail once a token told it), and where they were found; empty for other kinds.
    QString identity() const;
    QString credentialsOrigin() const;
    // The project the credentials belong to (a key's project_id), when they name one.
    QString credentialsProject() const;

    static QByteArray readAdminToken(const QString &rovdDataDir);
    // Where a profile's pasted access token is kept in the SecretStore.
    static QString accessTokenKey(const QString &profileId);

    // The Python environment rovd runs Ray from; made before rovd starts when it is missing
    // (PreparingPython). Its progress() and finished() are a progress window's to show.
    install::PythonEnvironment *pythonEnvironment() const { return m_python.get(); }
    // Ends the making of it; the session fails with "Cancelled" and Start rovd tries again.
    void cancelPythonSetup();

Q_SIGNALS:
    void statusChanged();
    void ready();
    void capabilitiesChanged();
    void connectionTested(bool ok, const QString &message);
    void reconnected();     // reachable again after Reconnecting or Unreachable
    void identityChanged(); // Google credentials named who they are (a token came)

private:
    void probeRovd();
    void startRovd();
    void launchRovd();
    void launchRovdProcess();
    void becomeReady();
    void fail(const QString &reason);
    void setStatus(Status status, const QString &failure);
    void setCredentials();
    void heartbeat();
    void fetchCapabilities();

    Profile m_profile;
    QString m_rovdProgram;
    std::unique_ptr<rest::RestClient> m_client;
    std::shared_ptr<auth::OAuthCredentials> m_oauth; // also held by m_client
    std::unique_ptr<api::vertex::VertexClient> m_vertex;
    std::unique_ptr<api::monitoring::MonitoringClient> m_monitoring;
    std::unique_ptr<api::logging::LoggingClient> m_logging;
    std::unique_ptr<api::bigquery::BigQueryClient> m_bigQuery;
    std::unique_ptr<api::vertex::ServingClient> m_serving;
    std::unique_ptr<api::vertex::BatchClient> m_batch;
    std::unique_ptr<api::storage::StorageReader> m_storage;
    std::unique_ptr<AlertWatcher> m_alerts;
    std::unique_ptr<JupyterLab> m_notebooks;
    Status m_status = Status::Connecting;
    QString m_failure;
    bool m_hostUnresolved = false;
    api::vertex::BackendCapabilities m_capabilities;
    QString m_rovdVersion;
    QTimer m_probeTimer;
    QTimer m_heartbeat;
    ConnectionHealth m_health;
    bool m_beating = false; // a heartbeat is under way
    std::vector<QPointer<QObject>> m_bound;
    QElapsedTimer m_startedRovd;
    bool m_rovdLaunched = false;
    bool m_rovdViaService = false; // started with systemctl --user start rovd.service
    std::unique_ptr<install::PythonEnvironment> m_python;
};

} // namespace rov::core
