#pragma once

#include "api/storage/storagereader.h"
#include "api/vertex/batchclient.h"
#include "core/batchjobmodel.h"
#include "rest/call.h"

#include <QObject>
#include <QPointer>
#include <QTime>
#include <QTimer>
#include <chrono>
#include <memory>
#include <optional>

namespace rov::core {

// What the Batch predictions page does with the backend, without a window: the live list of jobs
// (refreshed every 10 s while the page shows, every 2 s while a job runs, and at once after a
// change), creating a job, cancelling and deleting one. Every change ends with changed(): done,
// or failed with the backend's words.
class BatchController : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kRefresh{10};
    static constexpr std::chrono::seconds kRefreshWhileRunning{2};

    explicit BatchController(QObject *parent = nullptr);
    ~BatchController() override;

    void setClient(api::vertex::BatchClient *client);
    api::vertex::BatchClient *client() const { return m_client; }
    // Where a job's output is read, and where the create dialog's Browse… lists files.
    void setStorage(api::storage::StorageReader *storage);
    api::storage::StorageReader *storage() const { return m_storage; }
    BatchJobListModel *jobs() { return &m_jobs; }

    void refresh();
    void setLive(bool live);
    bool isLive() const { return m_live; }
    bool isRefreshing() const { return m_listCall.isRunning(); }
    // The last refresh, in the language of the moment: when it was, or why it failed.
    QString status() const;

    struct Change
    {
        bool ok = false;
        QString text;
        QString job; // the job's name (create: the new job)
    };
    void create(const api::vertex::BatchJobSpec &spec);
    void cancel(const QString &name, const QString &displayName);
    void remove(const QString &name, const QString &displayName);
    int changesUnderWay() const { return m_changes; }

    // A job's output as the details show it: its files, the first results and the first errors.
    // Every preview ends with previewed(): read, or failed with the reason; a newer preview (or
    // another client) drops the one before.
    static constexpr int kPreviewRows = 100;
    static constexpr qint64 kPreviewBytes = 256 * 1024;
    struct Preview
    {
        QString job;
        bool ok = false;
        QString error;
        QStringList files;
        std::vector<BatchResultRow> rows;
        QStringList errors;
    };
    void preview(const api::vertex::BatchPredictionJob &job);

Q_SIGNALS:
    void refreshed();
    void changeStarted(const QString &doing);
    void changed(const rov::core::BatchController::Change &change);
    void previewed(const rov::core::BatchController::Preview &preview);

private:
    void finish(Change change);
    void schedule();
    void readPreviewFiles(std::shared_ptr<Preview> preview, const QString &results,
                          const QString &errors);
    void endPreview(std::shared_ptr<Preview> preview, std::optional<rest::ApiError> error);

    QPointer<api::vertex::BatchClient> m_client;
    QPointer<api::storage::StorageReader> m_storage;
    BatchJobListModel m_jobs;
    QTimer m_timer;
    bool m_live = false;
    rest::Call m_listCall;
    rest::Call m_previewCall;
    QTime m_updated;
    QString m_lastError;
    int m_changes = 0;
};

} // namespace rov::core
