#pragma once

#include "rest/apierror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <variant>

namespace rov::core {

// Secrets (pasted access tokens) outside the plain settings: in the desktop keyring through
// QtKeychain when a Secret Service answers, else in one JSON file readable by the user alone
// (mode 0600). Every call answers exactly once, in `context`, even when the keyring never does.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    enum class Place
    {
        Keyring,
        File
    };
    struct Found
    {
        QByteArray value; // empty when nothing is stored under the key
        Place place = Place::File;
    };
    struct Stored
    {
        Place place = Place::File;
        QString keyringProblem; // why the keyring was passed over, when it was
    };

    static constexpr std::chrono::seconds kKeyringTimeout{20};

    explicit SecretStore(QString filePath = defaultPath(),
                         QString service = QStringLiteral("rov-console"));

    // Reads the keyring, then the file. A secret found in the file while the keyring works is
    // moved into the keyring.
    void read(const QString &key, QObject *context, std::function<void(Found)> done) const;
    // An empty value removes the key from both places. The file is the fallback when no keyring
    // answers; a keyring that refuses (the user said no) is an error and nothing is written.
    void write(const QString &key, const QByteArray &value, QObject *context,
               std::function<void(std::variant<Stored, rest::ApiError>)> done) const;
    // Where a secret would go now, and why not the keyring when not.
    void probe(QObject *context, std::function<void(Stored)> done) const;

    QString path() const { return m_path; }
    static QString defaultPath();

    // The file alone (the fallback, and tests that check it).
    QByteArray fileGet(const QString &key) const;
    std::optional<rest::ApiError> fileSet(const QString &key, const QByteArray &value) const;

private:
    QString m_path;
    QString m_service;
};

} // namespace rov::core
