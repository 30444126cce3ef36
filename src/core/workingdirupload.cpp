#include "workingdirupload.h"

#include "api/ray/raydashboardclient.h"
#include "rest/restreply.h"

namespace rov::core {

WorkingDirUpload::WorkingDirUpload(api::ray::RayDashboardClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &WorkingDirUpload::reportProgress);
    connect(&m_builder, &PackageBuilder::finished, this, &WorkingDirUpload::onPackaged);
}

void WorkingDirUpload::start(const QString &directory)
{
    cancel();
    m_scratch = std::make_unique<QTemporaryDir>();
    if (!m_scratch->isValid()) {
        fail(tr("Cannot create a temporary folder: %1").arg(m_scratch->errorString()));
        return;
    }
    m_stage = Stage::Packaging;
    m_progressTimer.start();
    Q_EMIT progressChanged(m_stage, 0);
    m_builder.start(directory, m_scratch->filePath(QStringLiteral("package.zip")));
}

void WorkingDirUpload::cancel()
{
    if (!isRunning())
        return;
    m_builder.cancel();
    if (m_upload)
        m_upload->cancel();
    m_upload = nullptr;
    m_progressTimer.stop();
    m_stage = Stage::Idle;
}

void WorkingDirUpload::fail(const QString &error)
{
    m_progressTimer.stop();
    m_stage = Stage::Idle;
    Q_EMIT finished({}, error);
}

void WorkingDirUpload::onPackaged(const std::optional<Package> &package, const QString &error)
{
    if (m_stage != Stage::Packaging)
        return;
    if (!package) {
        fail(error);
        return;
    }
    m_package = *package;
    m_stage = Stage::Checking;
    Q_EMIT progressChanged(m_stage, 0);
    if (!m_client) {
        fail(tr("The cluster's dashboard is gone."));
        return;
    }
    m_client->packageExists(m_package.uri, this, [this](api::ray::Result<bool> exists) {
        if (m_stage != Stage::Checking)
            return;
        if (!exists.ok()) {
            fail(tr("Could not reach the cluster's package store: %1").arg(exists.error->message));
        } else if (exists.value) {
            m_stage = Stage::Done; // the same files were sent before
            m_progressTimer.stop();
            Q_EMIT finished(m_package.uri, {});
        } else {
            upload();
        }
    });
}

void WorkingDirUpload::upload()
{
    m_stage = Stage::Uploading;
    Q_EMIT progressChanged(m_stage, 0);
    m_upload = m_client->uploadPackage(
        m_package.uri, m_package.zipPath, this, [this](std::optional<rest::ApiError> error) {
            if (m_stage != Stage::Uploading)
                return;
            m_upload = nullptr;
            if (error) {
                fail(tr("The upload failed: %1").arg(error->message));
                return;
            }
            m_stage = Stage::Done;
            m_progressTimer.stop();
            Q_EMIT progressChanged(m_stage, 1);
            Q_EMIT finished(m_package.uri, {});
        });
}

void WorkingDirUpload::reportProgress()
{
    if (m_stage == Stage::Packaging)
        Q_EMIT progressChanged(m_stage, m_builder.progress());
    else if (m_stage == Stage::Uploading && m_upload && m_package.bytes > 0)
        Q_EMIT progressChanged(m_stage,
                               double(m_upload->bytesUploaded()) / double(m_package.bytes));
}

} // namespace rov::core
