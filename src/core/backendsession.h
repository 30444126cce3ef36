#pragma once

#include "api/vertex/vertexclient.h"
#include "profile.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace rov::rest {
class RestClient;
}

namespace rov::core {

// The connection to one profile's backend: the REST client with its credentials and the typed
// Vertex client. For "This computer" it also starts rovd when nothing answers, and reads the
// local admin token from rovd's token file.
class BackendSession : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Connecting,
        StartingRovd,
        Ready,
        Failed
    };

    // `rovdProgram`: the rovd executable to start (next to the console's own).
    BackendSession(Profile profile, QString rovdProgram, QObject *parent = nullptr);
    ~BackendSession() override;

    void start();
    // Lists the clusters and reports, in words, how that went.
    void testConnection();

    const Profile &profile() const { return m_profile; }
    Status status() const { return m_status; }
    QString statusText() const;
    QString profileName() const; // in the current language for the built-in profile
    api::vertex::VertexClient *vertex() const { return m_vertex.get(); }
    // The session's HTTP client, for other APIs (a Ray dashboard) next to Vertex AI.
    rest::RestClient *rest() const { return m_client.get(); }
    const api::vertex::BackendCapabilities &capabilities() const { return m_capabilities; }
    QString rovdVersion() const { return m_rovdVersion; }

    static QByteArray readAdminToken(const QString &rovdDataDir);

Q_SIGNALS:
    void statusChanged();
    void ready();
    void capabilitiesChanged();
    void connectionTested(bool ok, const QString &message);

private:
    void probeRovd();
    void startRovd();
    void becomeReady();
    void fail(const QString &reason);
    void setStatus(Status status, const QString &failure);
    void setCredentials();

    Profile m_profile;
    QString m_rovdProgram;
    std::unique_ptr<rest::RestClient> m_client;
    std::unique_ptr<api::vertex::VertexClient> m_vertex;
    Status m_status = Status::Connecting;
    QString m_failure;
    api::vertex::BackendCapabilities m_capabilities;
    QString m_rovdVersion;
    QTimer m_probeTimer;
    QElapsedTimer m_startedRovd;
    bool m_rovdLaunched = false;
};

} // namespace rov::core
