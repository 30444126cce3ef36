#pragma once

#include "packagebuilder.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

namespace rov::rest {
class RestReply;
}
namespace rov::api::ray {
class RayDashboardClient;
}

namespace rov::core {

// Sends a local folder to a Ray cluster as its job's working directory: zip, ask whether the
// cluster has the package already, upload it if not. Progress is reported while it runs and it
// can be cancelled at any stage.
class WorkingDirUpload : public QObject
{
    Q_OBJECT
public:
    enum class Stage
    {
        Idle,
        Packaging,
        Checking,
        Uploading,
        Done
    };
    Q_ENUM(Stage)

    explicit WorkingDirUpload(api::ray::RayDashboardClient *client, QObject *parent = nullptr);

    void start(const QString &directory);
    void cancel();
    bool isRunning() const { return m_stage != Stage::Idle && m_stage != Stage::Done; }
    Stage stage() const { return m_stage; }
    const Package &package() const { return m_package; }

Q_SIGNALS:
    // `fraction` of the current stage, 0 to 1.
    void progressChanged(rov::core::WorkingDirUpload::Stage stage, double fraction);
    // `uri` for runtime_env.working_dir, or an error in words.
    void finished(const QString &uri, const QString &error);

private:
    void onPackaged(const std::optional<Package> &package, const QString &error);
    void upload();
    void reportProgress();
    void fail(const QString &error);

    QPointer<api::ray::RayDashboardClient> m_client;
    PackageBuilder m_builder;
    std::unique_ptr<QTemporaryDir> m_scratch;
    Package m_package;
    QPointer<rest::RestReply> m_upload;
    QTimer m_progressTimer;
    Stage m_stage = Stage::Idle;
};

} // namespace rov::core
