#include "secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <nlohmann/json.hpp>
#include <qt6keychain/keychain.h>

namespace rov::core {

using nlohmann::json;

namespace {

struct JobOutcome
{
    QKeychain::Error error = QKeychain::OtherError;
    QString message;
    QByteArray data;
};

// Starts `job` and calls `done` once: when the job finishes, or after the timeout (a keyring
// that waits for a prompt nobody answers). Nothing is called once `context` is gone.
void runJob(QKeychain::Job *job, QObject *context, std::function<void(JobOutcome)> done)
{
    auto once = std::make_shared<std::function<void(JobOutcome)>>(std::move(done));
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QPointer<QObject> guard(context);
    const auto deliver = [once, guard](JobOutcome outcome) {
        if (!*once)
            return;
        auto callback = std::exchange(*once, nullptr);
        if (guard)
            callback(std::move(outcome));
    };
    QObject::connect(job, &QKeychain::Job::finished, job, [deliver](QKeychain::Job *finished) {
        JobOutcome outcome{finished->error(), finished->errorString(), {}};
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
            outcome.data = read->binaryData();
        deliver(std::move(outcome));
    });
    // The job deletes itself when it finishes; one that never does is left to the keyring.
    QObject::connect(timer, &QTimer::timeout, context, [deliver] {
        deliver({QKeychain::OtherError,
                 SecretStore::tr("the desktop keyring did not answer within %1 s")
                     .arg(SecretStore::kKeyringTimeout.count()),
                 {}});
    });
    timer->start(SecretStore::kKeyringTimeout);
    job->start();
}

} // namespace

SecretStore::SecretStore(QString filePath, QString service)
    : m_path(std::move(filePath)), m_service(std::move(service))
{}

QString SecretStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("secrets.json"));
}

void SecretStore::read(const QString &key, QObject *context, std::function<void(Found)> done) const
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    const SecretStore store = *this;
    runJob(job, context, [store, key, context, done = std::move(done)](JobOutcome outcome) {
        if (outcome.error == QKeychain::NoError) {
            done({outcome.data, Place::Keyring});
            return;
        }
        const QByteArray fromFile = store.fileGet(key);
        done({fromFile, Place::File});
        if (outcome.error == QKeychain::EntryNotFound && !fromFile.isEmpty())
            store.write(key, fromFile, context, [](const auto &) {}); // moves it to the keyring
    });
}

void SecretStore::write(const QString &key, const QByteArray &value, QObject *context,
                        std::function<void(std::variant<Stored, rest::ApiError>)> done) const
{
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(m_service);
    } else {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setBinaryData(value);
        job = writeJob;
    }
    job->setKey(key);
    const SecretStore store = *this;
    const bool removing = value.isEmpty();
    runJob(job, context, [store, key, value, removing, done = std::move(done)](JobOutcome outcome) {
        const bool keyringDone = outcome.error == QKeychain::NoError ||
                                 (removing && outcome.error == QKeychain::EntryNotFound);
        if (outcome.error == QKeychain::AccessDenied) {
            done(rest::ApiError::withStatus(
                QStringLiteral("PERMISSION_DENIED"),
                SecretStore::tr("The desktop keyring refused to store the secret: %1")
                    .arg(outcome.message)));
            return;
        }
        // Stored in the keyring: no copy stays in the file. Else the file holds it.
        if (auto error = store.fileSet(key, keyringDone ? QByteArray() : value)) {
            done(*error);
            return;
        }
        done(keyringDone ? Stored{Place::Keyring, {}} : Stored{Place::File, outcome.message});
    });
}

void SecretStore::probe(QObject *context, std::function<void(Stored)> done) const
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(QStringLiteral("probe"));
    runJob(job, context, [done = std::move(done)](JobOutcome outcome) {
        const bool answers =
            outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound;
        done(answers ? Stored{Place::Keyring, {}} : Stored{Place::File, outcome.message});
    });
}

QByteArray SecretStore::fileGet(const QString &key) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const json secrets = json::parse(file.readAll().toStdString(), nullptr, false);
    if (!secrets.is_object())
        return {};
    return QByteArray::fromStdString(secrets.value(key.toStdString(), std::string()));
}

std::optional<rest::ApiError> SecretStore::fileSet(const QString &key,
                                                   const QByteArray &value) const
{
    json secrets = json::object();
    if (QFile existing(m_path); existing.open(QIODevice::ReadOnly)) {
        secrets = json::parse(existing.readAll().toStdString(), nullptr, false);
        if (!secrets.is_object())
            secrets = json::object();
    } else if (value.isEmpty()) {
        return std::nullopt; // nothing to remove
    }
    if (value.isEmpty() && !secrets.contains(key.toStdString()))
        return std::nullopt;
    if (value.isEmpty())
        secrets.erase(key.toStdString());
    else
        secrets[key.toStdString()] = value.toStdString();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    // The permissions are set before anything is written.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QByteArray::fromStdString(secrets.dump())) < 0 || !file.commit())
        return rest::ApiError::withStatus(
            QStringLiteral("INTERNAL"),
            SecretStore::tr("Could not write %1: %2").arg(m_path, file.errorString()));
    return std::nullopt;
}

} // namespace rov::core
