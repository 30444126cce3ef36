#include "batchworker.h"

#include "batchrequest.h"
#include "localplane/diagnostics.h"
#include "localplane/serving/servingstate.h"
#include "localplane/state/durablefile.h"
#include "rayjobs.h"
#include "rest/jsonfields.h"

#include <QDir>
#include <QFile>

namespace rov::localplane::batch {

using nlohmann::json;
using rest::stringMember;
namespace docs = serving::docs;

namespace {

const QString kInstanceKey = QStringLiteral("instance");

json readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return json();
    return json::parse(file.readAll().toStdString(), nullptr, false);
}

QString quoted(const QString &text)
{
    QString inner = text;
    inner.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + inner + QLatin1Char('\'');
}

qint64 count(const json &object, const char *key)
{
    const json *value = rest::member(object, key);
    return value && value->is_number_integer() ? value->get<qint64>() : 0;
}

// completionStats from the driver's counts; what is not done yet is incomplete.
json completionStats(const json &progress, bool ended)
{
    const qint64 successful = count(progress, "successful");
    const qint64 failed = count(progress, "failed");
    const qint64 total = std::max(successful + failed, count(progress, "total"));
    return {{"successfulCount", std::to_string(successful)},
            {"failedCount", std::to_string(failed)},
            {"incompleteCount", std::to_string(ended ? 0 : total - successful - failed)}};
}

} // namespace

BatchWorker::BatchWorker(BatchOwner &owner, const BatchSettings &settings)
    : m_owner(owner), m_settings(settings), m_idleSince(std::chrono::steady_clock::now())
{}

BatchWorker::~BatchWorker()
{
    stop();
}

void BatchWorker::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void BatchWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void BatchWorker::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

bool BatchWorker::stopping()
{
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

void BatchWorker::run()
{
    while (!stopping()) {
        step();
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, kPollInterval, [this] { return m_stopping || m_woken; });
        m_woken = false;
    }
}

void BatchWorker::step()
{
    const auto state = m_owner.snapshot();
    const bool alive =
        state->instance && serving::instanceAlive(*state->instance, m_settings.instance);
    if (!state->anyUnfinished()) {
        if (!state->instance) {
            m_idleSince = std::chrono::steady_clock::now();
            return;
        }
        if (alive && std::chrono::steady_clock::now() - m_idleSince < m_settings.idleStop)
            return;
        serving::stopInstance(*state->instance);
        m_owner.apply([](BatchOwner::Change &change) {
            change.record({Store::Write::remove(Store::Kind::BatchInstance, kInstanceKey)});
        });
        return;
    }
    m_idleSince = std::chrono::steady_clock::now();
    // Jobs on the instance first: a dead instance ends them before a new one is started.
    std::vector<std::pair<QString, json>> waiting;
    for (const auto &[name, job] : state->jobs) {
        const QString jobState = stringMember(job, "state");
        if (isFinalState(jobState) || stopping())
            continue;
        if (!stringMember(job, "rovSubmission").isEmpty())
            follow(name, job, state->instance, alive);
        else if (jobState == QLatin1String(states::kCancelling))
            finish(name, QLatin1String(states::kCancelled));
        else
            waiting.emplace_back(name, job);
    }
    if (waiting.empty() || stopping())
        return;
    const auto instance = ensureInstance();
    for (const auto &[name, job] : waiting) {
        if (const auto *why = std::get_if<QString>(&instance))
            finish(name, QLatin1String(states::kFailed), *why);
        else
            submit(name, job, std::get<serving::InstanceRecord>(instance));
    }
}

std::variant<serving::InstanceRecord, QString> BatchWorker::ensureInstance()
{
    const auto state = m_owner.snapshot();
    if (state->instance && serving::instanceAlive(*state->instance, m_settings.instance))
        return *state->instance;
    if (state->instance)
        serving::stopInstance(*state->instance);
    diagnostics::note(diagnostics::lcServing(), QStringLiteral("starting the batch instance"));
    auto started = serving::startInstance(m_settings.instance);
    if (const auto *record = std::get_if<serving::InstanceRecord>(&started)) {
        const json doc = record->toJson();
        m_owner.apply([&](BatchOwner::Change &change) {
            change.record({Store::Write::put(Store::Kind::BatchInstance, kInstanceKey, doc)});
        });
    }
    return started;
}

void BatchWorker::submit(const QString &name, const json &job,
                         const serving::InstanceRecord &instance)
{
    const QString id = name.section(QLatin1Char('/'), -1);
    const QString work = stringMember(job, "rovWork");
    json spec = job.value("rovSpec", json::object());
    if (const auto fault = makeDirectories(work)) {
        finish(name, QLatin1String(states::kFailed), fault->describe());
        return;
    }
    const QString specPath = QDir(work).filePath(QStringLiteral("spec.json"));
    if (const auto fault = writeFileDurably(specPath, QByteArray::fromStdString(spec.dump()))) {
        finish(name, QLatin1String(states::kFailed), fault->describe());
        return;
    }
    // A fresh id for every try: a restarted rovd may submit a job again.
    const QString submission = QStringLiteral("rovbatch-%1-%2").arg(id, docs::randomId().right(6));
    const QString driver =
        QDir(m_settings.instance.pythonPath).filePath(QStringLiteral("rov_batch_predict.py"));
    const QString entrypoint =
        QStringList{quoted(m_settings.python), quoted(driver), quoted(specPath)}.join(
            QLatin1Char(' '));
    if (const auto refused = rayjobs::submit(instance.dashboardPort, submission, entrypoint)) {
        finish(name, QLatin1String(states::kFailed), *refused);
        return;
    }
    update(name, [&](json &doc) {
        doc["rovSubmission"] = submission.toStdString();
        if (stringMember(doc, "state") == QLatin1String(states::kQueued))
            doc["state"] = states::kPending;
    });
}

void BatchWorker::follow(const QString &name, const json &job,
                         const std::optional<serving::InstanceRecord> &instance, bool alive)
{
    const bool cancelling = stringMember(job, "state") == QLatin1String(states::kCancelling);
    if (!instance || !alive) {
        finish(name, QLatin1String(cancelling ? states::kCancelled : states::kFailed),
               QStringLiteral("the batch instance stopped while the job ran (was rovd or the "
                              "computer restarted?); its predictions were not written"));
        return;
    }
    const QString submission = stringMember(job, "rovSubmission");
    const auto answer = rayjobs::status(instance->dashboardPort, submission);
    if (std::holds_alternative<QString>(answer))
        return; // the dashboard is busy: asked again at the next round
    const auto status = std::get<rayjobs::Status>(answer);
    const QString work = stringMember(job, "rovWork");
    const json progress = readJsonFile(QDir(work).filePath(QStringLiteral("progress.json")));
    if (status.status.isEmpty()) {
        finish(name, QLatin1String(cancelling ? states::kCancelled : states::kFailed),
               QStringLiteral("Ray has no record of the job's driver (the batch instance was "
                              "started again); its predictions were not written"));
        return;
    }
    if (status.status == QLatin1String("PENDING") || status.status == QLatin1String("RUNNING")) {
        if (cancelling) {
            if (const auto problem = rayjobs::stop(instance->dashboardPort, submission))
                diagnostics::warn(diagnostics::lcServing(), *problem);
        }
        const json stats = completionStats(progress, false);
        const bool started = status.status == QLatin1String("RUNNING") &&
                             stringMember(job, "state") == QLatin1String(states::kPending);
        if (stats != job.value("completionStats", json()) || started) {
            update(name, [&](json &doc) {
                doc["completionStats"] = stats;
                if (started && stringMember(doc, "state") == QLatin1String(states::kPending)) {
                    doc["state"] = states::kRunning;
                    doc["startTime"] = docs::now().toStdString();
                }
            });
        }
        return;
    }
    if (status.status == QLatin1String("STOPPED")) {
        finish(name, QLatin1String(states::kCancelled));
        return;
    }
    if (status.status == QLatin1String("FAILED")) {
        QString why = rayjobs::logTail(instance->dashboardPort, submission);
        const qsizetype last = why.lastIndexOf(QLatin1Char('\n'));
        why = why.isEmpty() ? status.message : why.mid(last + 1);
        finish(name, QLatin1String(states::kFailed),
               QStringLiteral("the job's driver failed: %1").arg(why.left(1000)));
        return;
    }
    // SUCCEEDED: the counts are the result's.
    const json result = readJsonFile(QDir(work).filePath(QStringLiteral("result.json")));
    if (!result.is_object()) {
        finish(name, QLatin1String(states::kFailed),
               QStringLiteral("the job's driver ended without its result"));
        return;
    }
    const qint64 successful = count(result, "successful");
    const qint64 failed = count(result, "failed");
    update(name, [&](json &doc) { doc["completionStats"] = completionStats(result, true); });
    if (failed == 0)
        finish(name, QLatin1String(states::kSucceeded));
    else if (successful == 0)
        finish(name, QLatin1String(states::kFailed),
               QStringLiteral("every one of the %1 instances failed: their reasons are in the "
                              "errors file")
                   .arg(failed));
    else // as Vertex ends such a job: Google's SDK waits for no other state (jobs.py)
        finish(name, QLatin1String(states::kSucceeded),
               QStringLiteral("%1 of %2 instances failed: their reasons are in the errors file")
                   .arg(failed)
                   .arg(successful + failed));
}

void BatchWorker::update(const QString &name, const std::function<void(json &)> &edit)
{
    m_owner.apply([&](BatchOwner::Change &change) {
        const auto it = change.state().jobs.find(name);
        if (it == change.state().jobs.end())
            return;
        json doc = it->second;
        edit(doc);
        doc["updateTime"] = docs::now().toStdString();
        change.record({Store::Write::put(Store::Kind::BatchJob, name, doc)});
    });
}

void BatchWorker::finish(const QString &name, const QString &state, const QString &error)
{
    QString work;
    update(name, [&](json &doc) {
        work = stringMember(doc, "rovWork");
        doc["state"] = state.toStdString();
        doc["endTime"] = docs::now().toStdString();
        if (!doc.contains("startTime"))
            doc["startTime"] = doc["endTime"];
        json stats = doc.value("completionStats", json::object());
        stats["incompleteCount"] = "0";
        doc["completionStats"] = stats;
        if (state == QLatin1String(states::kSucceeded) && !error.isEmpty())
            doc["partialFailures"] = json::array({{{"code", 3}, {"message", error.toStdString()}}});
        else if (!error.isEmpty())
            doc["error"] = {{"code", state == QLatin1String(states::kCancelled) ? 1 : 13},
                            {"message", error.toStdString()}};
        else if (state == QLatin1String(states::kCancelled))
            doc["error"] = {{"code", 1}, {"message", "CANCELED"}};
    });
    // The work folder held the spec, the counts and, for a job that did not succeed, the files
    // it had not published: none of it is the user's.
    if (!work.isEmpty())
        QDir(work).removeRecursively();
}

} // namespace rov::localplane::batch
