#include "profile.h"

#include "settingskeys.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace rov::core {

QUrl Profile::effectiveBaseUrl() const
{
    if (backend == Backend::ThisComputer)
        return rovdUrl;
    if (!baseUrl.trimmed().isEmpty())
        return QUrl(baseUrl.trimmed());
    return QUrl(QStringLiteral("https://%1-aiplatform.googleapis.com").arg(region));
}

QString Profile::effectiveRovdDataDir() const
{
    if (!rovdDataDir.isEmpty())
        return rovdDataDir;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("rov/rovd"));
}

Profile Profile::thisComputer()
{
    Profile profile;
    profile.id = QStringLiteral("this-computer");
    profile.name = QStringLiteral("This computer");
    return profile;
}

QStringList Profile::vertexRegions()
{
    return {QStringLiteral("us-central1"),
            QStringLiteral("us-east1"),
            QStringLiteral("us-east4"),
            QStringLiteral("us-west1"),
            QStringLiteral("us-west4"),
            QStringLiteral("northamerica-northeast1"),
            QStringLiteral("southamerica-east1"),
            QStringLiteral("europe-west1"),
            QStringLiteral("europe-west2"),
            QStringLiteral("europe-west3"),
            QStringLiteral("europe-west4"),
            QStringLiteral("europe-west9"),
            QStringLiteral("asia-east1"),
            QStringLiteral("asia-northeast1"),
            QStringLiteral("asia-northeast3"),
            QStringLiteral("asia-south1"),
            QStringLiteral("asia-southeast1"),
            QStringLiteral("australia-southeast1"),
            QStringLiteral("me-west1")};
}

namespace {

const QString kGroup = settingskeys::profiles();

} // namespace

std::vector<Profile> ProfileStore::load() const
{
    QSettings settings;
    std::vector<Profile> profiles;
    settings.beginGroup(kGroup);
    for (const QString &id : settings.childGroups()) {
        settings.beginGroup(id);
        Profile profile;
        profile.id = id;
        profile.name = settings.value(QStringLiteral("name"), id).toString();
        profile.backend =
            settings.value(QStringLiteral("backend")).toString() == QLatin1String("google-cloud")
                ? Profile::Backend::GoogleCloud
                : Profile::Backend::ThisComputer;
        profile.project = settings.value(QStringLiteral("project"), profile.project).toString();
        profile.region = settings.value(QStringLiteral("region"), profile.region).toString();
        profile.rovdUrl = settings.value(QStringLiteral("rovdUrl"), profile.rovdUrl).toUrl();
        profile.rovdDataDir = settings.value(QStringLiteral("rovdDataDir")).toString();
        profile.baseUrl = settings.value(QStringLiteral("baseUrl")).toString();
        profile.credentials = Profile::Credentials(
            settings.value(QStringLiteral("credentials"), int(profile.credentials)).toInt());
        profile.keyFile = settings.value(QStringLiteral("keyFile")).toString();
        profile.tokenCommand =
            settings.value(QStringLiteral("tokenCommand"), profile.tokenCommand).toString();
        settings.endGroup();
        profiles.push_back(profile);
    }
    return profiles;
}

void ProfileStore::save(const Profile &profile)
{
    QSettings settings;
    const QString id =
        profile.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : profile.id;
    settings.beginGroup(kGroup + QLatin1Char('/') + id);
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("backend"), profile.backend == Profile::Backend::GoogleCloud
                                                     ? QStringLiteral("google-cloud")
                                                     : QStringLiteral("this-computer"));
    settings.setValue(QStringLiteral("project"), profile.project);
    settings.setValue(QStringLiteral("region"), profile.region);
    settings.setValue(QStringLiteral("rovdUrl"), profile.rovdUrl);
    settings.setValue(QStringLiteral("rovdDataDir"), profile.rovdDataDir);
    settings.setValue(QStringLiteral("baseUrl"), profile.baseUrl);
    settings.setValue(QStringLiteral("credentials"), int(profile.credentials));
    settings.setValue(QStringLiteral("keyFile"), profile.keyFile);
    settings.setValue(QStringLiteral("tokenCommand"), profile.tokenCommand);
}

void ProfileStore::remove(const QString &id)
{
    QSettings settings;
    settings.remove(kGroup + QLatin1Char('/') + id);
}

QString ProfileStore::currentId() const
{
    return QSettings().value(settingskeys::currentProfile()).toString();
}

void ProfileStore::setCurrentId(const QString &id)
{
    QSettings().setValue(settingskeys::currentProfile(), id);
}

bool ProfileStore::hasProfiles() const
{
    return !load().empty();
}

Profile ProfileStore::current() const
{
    const auto profiles = load();
    const QString id = currentId();
    for (const auto &profile : profiles) {
        if (profile.id == id)
            return profile;
    }
    return profiles.empty() ? Profile::thisComputer() : profiles.front();
}

} // namespace rov::core
