#include "batchcontroller.h"

#include <QLocale>

namespace rov::core {

using api::vertex::BatchPredictionJob;

BatchController::BatchController(QObject *parent) : QObject(parent), m_jobs(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BatchController::refresh);
}

BatchController::~BatchController()
{
    m_listCall.cancel();
    m_previewCall.cancel();
}

void BatchController::setClient(api::vertex::BatchClient *client)
{
    m_listCall.cancel();
    m_previewCall.cancel();
    m_client = client;
    m_jobs.setJobs({});
    m_lastError.clear();
    m_updated = {};
    if (m_live)
        refresh();
}

void BatchController::setStorage(api::storage::StorageReader *storage)
{
    m_previewCall.cancel();
    m_storage = storage;
}

void BatchController::setLive(bool live)
{
    m_live = live;
    if (live)
        refresh();
    else
        m_timer.stop();
}

void BatchController::schedule()
{
    if (!m_live)
        return;
    const bool running = std::any_of(m_jobs.rows().begin(), m_jobs.rows().end(),
                                     [](const BatchPredictionJob &job) { return !job.ended(); });
    m_timer.start(running ? kRefreshWhileRunning : kRefresh);
}

void BatchController::refresh()
{
    if (!m_client || m_listCall.isRunning())
        return;
    m_listCall = m_client->listJobs(this, [this](api::Result<std::vector<BatchPredictionJob>> r) {
        if (r.ok()) {
            auto jobs = std::move(r.value);
            std::sort(jobs.begin(), jobs.end(),
                      [](const auto &a, const auto &b) { return a.createTime > b.createTime; });
            m_jobs.setJobs(std::move(jobs));
            m_updated = QTime::currentTime();
            m_lastError.clear();
        } else if (!(r.error->kind == rest::ApiError::Kind::Cancelled)) {
            m_lastError = r.error->message;
        }
        Q_EMIT refreshed();
        schedule();
    });
}

QString BatchController::status() const
{
    if (!m_lastError.isEmpty())
        return tr("Could not refresh: %1").arg(m_lastError);
    if (!m_updated.isValid())
        return {};
    return tr("Updated %1").arg(QLocale().toString(m_updated, QLocale::ShortFormat));
}

void BatchController::create(const api::vertex::BatchJobSpec &spec)
{
    if (!m_client) {
        finish({false, tr("Not connected"), {}});
        return;
    }
    ++m_changes;
    Q_EMIT changeStarted(tr("Creating %1…").arg(spec.displayName));
    m_client->createJob(
        spec, this, [this, name = spec.displayName](api::Result<BatchPredictionJob> r) {
            if (r.ok())
                finish({true, tr("Batch prediction %1 created").arg(name), r.value.name});
            else
                finish({false, tr("Could not create %1: %2").arg(name, r.error->message), {}});
        });
}

void BatchController::cancel(const QString &name, const QString &displayName)
{
    if (!m_client) {
        finish({false, tr("Not connected"), name});
        return;
    }
    ++m_changes;
    Q_EMIT changeStarted(tr("Cancelling %1…").arg(displayName));
    m_client->cancelJob(name, this, [this, name, displayName](api::Result<bool> r) {
        if (r.ok())
            finish({true, tr("Cancelling %1").arg(displayName), name});
        else
            finish({false, tr("Could not cancel %1: %2").arg(displayName, r.error->message), name});
    });
}

void BatchController::remove(const QString &name, const QString &displayName)
{
    if (!m_client) {
        finish({false, tr("Not connected"), name});
        return;
    }
    ++m_changes;
    Q_EMIT changeStarted(tr("Deleting %1…").arg(displayName));
    // Deleting a job that has ended is done at once (rovd and Vertex AI answer a done operation).
    m_client->deleteJob(name, this, [this, name, displayName](api::Result<QString> r) {
        if (r.ok())
            finish({true, tr("%1 deleted").arg(displayName), name});
        else
            finish({false, tr("Could not delete %1: %2").arg(displayName, r.error->message), name});
    });
}

void BatchController::finish(Change change)
{
    if (m_changes > 0)
        --m_changes;
    Q_EMIT changed(change);
    refresh();
}

void BatchController::preview(const BatchPredictionJob &job)
{
    m_previewCall.cancel();
    auto preview = std::make_shared<Preview>();
    preview->job = job.name;
    if (!m_storage) {
        preview->error = tr("Not connected");
        Q_EMIT previewed(*preview);
        return;
    }
    if (job.outputDirectory.isEmpty()) {
        preview->error = tr("The job has not written any output yet.");
        Q_EMIT previewed(*preview);
        return;
    }
    if (!job.outputDirectory.startsWith(QLatin1String("gs://"))) {
        preview->error = tr("The predictions are in the table %1.").arg(job.outputDirectory);
        Q_EMIT previewed(*preview);
        return;
    }
    // The job's files are at the top of its output folder.
    QString folder = job.outputDirectory;
    if (!folder.endsWith(QLatin1Char('/')))
        folder += QLatin1Char('/');
    m_previewCall = m_storage->listFolder(
        folder, this, [this, preview](api::Result<api::storage::FolderListing> listing) {
            if (!listing.ok()) {
                endPreview(preview, listing.error);
                return;
            }
            QString results;
            QString errors;
            for (const auto &object : listing.value.objects) {
                preview->files << object.uri;
                const QString name = object.uri.section(QLatin1Char('/'), -1);
                if (results.isEmpty() && name.startsWith(QLatin1String("prediction.results")))
                    results = object.uri;
                if (errors.isEmpty() && name.startsWith(QLatin1String("prediction.errors")))
                    errors = object.uri;
            }
            readPreviewFiles(preview, results, errors);
        });
}

// The first results file, then the first errors file (either may be ""); each read only from
// its start.
void BatchController::readPreviewFiles(std::shared_ptr<Preview> preview, const QString &results,
                                       const QString &errors)
{
    if (results.isEmpty() && errors.isEmpty()) {
        endPreview(preview, std::nullopt);
        return;
    }
    const bool readingResults = !results.isEmpty();
    m_previewCall =
        m_storage->readFile(readingResults ? results : errors, kPreviewBytes, this,
                            [this, preview, readingResults, errors](api::Result<QByteArray> bytes) {
                                if (!bytes.ok()) {
                                    endPreview(preview, bytes.error);
                                } else if (readingResults) {
                                    preview->rows = batchResultRows(bytes.value, kPreviewRows);
                                    readPreviewFiles(preview, {}, errors);
                                } else {
                                    preview->errors = batchErrorLines(bytes.value, kPreviewRows);
                                    endPreview(preview, std::nullopt);
                                }
                            });
}

void BatchController::endPreview(std::shared_ptr<Preview> preview,
                                 std::optional<rest::ApiError> error)
{
    if (error && error->kind == rest::ApiError::Kind::Cancelled)
        return; // a newer preview, or the client gone: the page asked for something else
    preview->ok = !error;
    if (error)
        preview->error = tr("Could not read the output: %1").arg(error->message);
    Q_EMIT previewed(*preview);
}

} // namespace rov::core
