#pragma once

#include <QString>
#include <QUrl>
#include <vector>

namespace rov::core {

// A project setup: which backend the console talks to and how it signs in.
struct Profile
{
    enum class Backend
    {
        ThisComputer, // rovd on 127.0.0.1, started when it is not running
        GoogleCloud
    };
    enum class Credentials
    {
        ApplicationDefault,
        ServiceAccountKey,
        TokenCommand,
        AccessToken // pasted; kept in the SecretStore, never in the settings
    };

    QString id;
    QString name;
    Backend backend = Backend::ThisComputer;
    QString project = QStringLiteral("local-project");
    QString region = QStringLiteral("us-central1");
    // This computer
    QUrl rovdUrl = QUrl(QStringLiteral("http://127.0.0.1:8788"));
    QString rovdDataDir; // empty: rovd's default (~/.local/share/rov/rovd)
    // Google Cloud
    QString baseUrl; // empty: https://{region}-aiplatform.googleapis.com
    Credentials credentials = Credentials::ApplicationDefault;
    QString keyFile;
    QString tokenCommand = QStringLiteral("gcloud auth print-access-token");

    QUrl effectiveBaseUrl() const;
    QString effectiveRovdDataDir() const;
    static Profile thisComputer();
    static QStringList vertexRegions();
};

// Profiles in QSettings (group "profiles"), and which one is current.
class ProfileStore
{
public:
    std::vector<Profile> load() const;
    void save(const Profile &profile);
    void remove(const QString &id);
    QString currentId() const;
    void setCurrentId(const QString &id);
    // The current profile; "This computer" on a first start.
    Profile current() const;
    bool hasProfiles() const;
};

} // namespace rov::core
