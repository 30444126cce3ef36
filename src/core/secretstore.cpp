#include "secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <nlohmann/json.hpp>

namespace rov::core {

using nlohmann::json;

SecretStore::SecretStore(QString path) : m_path(std::move(path)) {}

QString SecretStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("secrets.json"));
}

QByteArray SecretStore::get(const QString &key) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const json secrets = json::parse(file.readAll().toStdString(), nullptr, false);
    if (!secrets.is_object())
        return {};
    return QByteArray::fromStdString(secrets.value(key.toStdString(), std::string()));
}

bool SecretStore::set(const QString &key, const QByteArray &value, QString *error)
{
    json secrets = json::object();
    if (QFile existing(m_path); existing.open(QIODevice::ReadOnly)) {
        secrets = json::parse(existing.readAll().toStdString(), nullptr, false);
        if (!secrets.is_object())
            secrets = json::object();
    }
    if (value.isEmpty())
        secrets.erase(key.toStdString());
    else
        secrets[key.toStdString()] = value.toStdString();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    // The permissions are set before anything is written.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QByteArray::fromStdString(secrets.dump())) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace rov::core
