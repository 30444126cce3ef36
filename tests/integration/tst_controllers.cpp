// The controllers of the Monitoring and serving pages without a window (issue 24, item 11),
// against a real rovd and its real Prometheus: every panel of a chart round ends once (with its
// series, Prometheus' refusal, or CANCELLED when a newer round replaces it), and the serving
// controller's lists, changes and predictions end with a result or an error a page can say.
#include "api/monitoring/monitoringclient.h"
#include "api/vertex/servingclient.h"
#include "auth/statictokencredentials.h"
#include "core/chartloader.h"
#include "core/servingcontroller.h"
#include "rest/restclient.h"
#include "rovdfixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rov;
using core::ChartLoader;
using core::PanelSpec;
using core::ServingController;

namespace {

PanelSpec custom(const QString &id, const QStringList &queries)
{
    PanelSpec spec;
    spec.id = id;
    spec.customTitle = id;
    for (const QString &promql : queries)
        spec.queries.push_back({promql, {}});
    return spec;
}

api::monitoring::RangeStep lastFiveMinutes()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {now - 300, now, 15};
}

// What a loader said about each panel of its rounds, in order.
struct Ends
{
    std::vector<std::pair<int, size_t>> loaded; // panel, number of series of its first query
    std::vector<std::pair<int, rest::ApiError>> failed;
    int finished = 0;

    explicit Ends(ChartLoader *loader)
    {
        QObject::connect(
            loader, &ChartLoader::loaded, loader,
            [this](int panel, std::shared_ptr<const core::PanelSeries> series, qint64) {
                loaded.emplace_back(panel, series->empty() ? 0 : series->front().size());
            });
        QObject::connect(
            loader, &ChartLoader::failed, loader,
            [this](int panel, const rest::ApiError &error) { failed.emplace_back(panel, error); });
        QObject::connect(loader, &ChartLoader::finished, loader, [this] { ++finished; });
    }
    size_t ends() const { return loaded.size() + failed.size(); }
};

} // namespace

class TestControllers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QVERIFY2(m_rovd.prometheusPort() != 0,
                 "rovd started no Prometheus (Debian's prometheus package: scripts/setup.sh)");
        const QByteArray token = m_rovd.adminToken();
        m_rest.setCredentialsProvider(
            std::make_shared<auth::StaticTokenCredentials>([token] { return token; }));
        m_monitoring = std::make_unique<api::monitoring::MonitoringClient>(
            &m_rest, api::monitoring::MonitoringEndpoint{m_rovd.url(QStringLiteral("/")),
                                                         QStringLiteral("demo")});
        m_serving = std::make_unique<api::vertex::ServingClient>(
            &m_rest,
            api::vertex::Endpoint{m_rovd.url(QStringLiteral("/")), QStringLiteral("demo"),
                                  QStringLiteral("us-central1"), QStringLiteral("v1")},
            m_rovd.url(QStringLiteral("/")));
    }

    void cleanupTestCase()
    {
        m_serving.reset();
        m_monitoring.reset();
        m_rovd.terminate();
        QDir(m_tempRoot).removeRecursively();
    }

    // A good panel draws its series, a bad one says Prometheus' words: each ends once, and the
    // round says it is over.
    void everyPanelOfARoundEndsOnce()
    {
        ChartLoader loader;
        loader.setClient(m_monitoring.get());
        Ends ends(&loader);
        loader.load({custom(QStringLiteral("good"),
                            {QStringLiteral("vector(1)"), QStringLiteral("vector(2)")}),
                     custom(QStringLiteral("bad"),
                            {QStringLiteral("vector(1)"), QStringLiteral("sum(rate(")})},
                    {}, lastFiveMinutes());
        QVERIFY(loader.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(ends.finished, 1, 15000);
        QCOMPARE(ends.ends(), size_t(2));
        QCOMPARE(ends.loaded.size(), size_t(1));
        QCOMPARE(ends.loaded.front().first, 0);
        QCOMPARE(ends.loaded.front().second, size_t(1)); // vector(1): one series
        QCOMPARE(ends.failed.size(), size_t(1));
        QCOMPARE(ends.failed.front().first, 1);
        QCOMPARE(ends.failed.front().second.httpStatus, 400);
        QVERIFY2(ends.failed.front().second.message.contains(QLatin1String("parse")),
                 qPrintable(ends.failed.front().second.message));
        QVERIFY(!loader.isLoading());
        // What "Copy PromQL" copies: the queries as sent, $cluster filled.
        QCOMPARE(loader.queries(1).size(), 2);
    }

    // A round replaced before its answers: its panels end CANCELLED, and only the new round's
    // answers are handed on.
    void aNewRoundCancelsTheOldOne()
    {
        ChartLoader loader;
        loader.setClient(m_monitoring.get());
        Ends ends(&loader);
        const std::vector<PanelSpec> panels = {
            custom(QStringLiteral("a"), {QStringLiteral("vector(1)")}),
            custom(QStringLiteral("b"), {QStringLiteral("vector(1) + vector(1)")})};
        loader.load(panels, {}, lastFiveMinutes());
        loader.load(panels, QStringLiteral("c1"), lastFiveMinutes());
        QCOMPARE(ends.failed.size(), size_t(2));
        for (const auto &[panel, error] : ends.failed)
            QCOMPARE(error.kind, rest::ApiError::Kind::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(ends.finished, 1, 15000);
        QTest::qWait(300); // an answer of the first round would come now
        QCOMPARE(ends.loaded.size(), size_t(2));
        QCOMPARE(ends.finished, 1);
    }

    // Without a client every panel says so, at once: no chart waits for ever.
    void noClientEveryPanelSaysSo()
    {
        ChartLoader loader;
        Ends ends(&loader);
        loader.load({custom(QStringLiteral("a"), {QStringLiteral("up")})}, {}, lastFiveMinutes());
        QCOMPARE(ends.failed.size(), size_t(1));
        QVERIFY(!ends.failed.front().second.message.isEmpty());
        QCOMPARE(ends.finished, 1);
        QVERIFY(!loader.isLoading());
    }

    // The lists load whole; a model registered elsewhere shows after one refresh; deleting it
    // is followed to its operation's end and the list no longer has it.
    void listsAndADeleteFollowedToTheEnd()
    {
        ServingController serving;
        QSignalSpy refreshed(&serving, &ServingController::refreshed);
        serving.setClient(m_serving.get());
        QVERIFY(serving.isRefreshing());
        QTRY_VERIFY_WITH_TIMEOUT(!serving.isRefreshing(), 15000);
        QVERIFY2(serving.status().startsWith(QLatin1String("Updated")),
                 qPrintable(serving.status()));
        QCOMPARE(serving.models()->rowCount(), 0);

        const QString model = registerModel(QStringLiteral("churn"));
        QVERIFY(!model.isEmpty());
        serving.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(serving.models()->rowCount(), 1, 15000);
        QCOMPARE(serving.models()->rows().front().displayName, QStringLiteral("churn"));

        std::vector<ServingController::Change> changes;
        connect(&serving, &ServingController::changed, this,
                [&](const ServingController::Change &change) { changes.push_back(change); });
        serving.deleteModel(model);
        QCOMPARE(serving.changesUnderWay(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(changes.size(), size_t(1), 30000);
        QVERIFY2(changes.front().ok, qPrintable(changes.front().text));
        QCOMPARE(serving.changesUnderWay(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(serving.models()->rowCount(), 0, 15000);

        // A model that is not there: the backend's words, not silence.
        serving.deleteModel(model);
        QTRY_COMPARE_WITH_TIMEOUT(changes.size(), size_t(2), 15000);
        QVERIFY(!changes.back().ok);
        QVERIFY2(changes.back().text.contains(QLatin1String("Could not delete")),
                 qPrintable(changes.back().text));
    }

    // The Test panel's prediction: a request that is not JSON is not sent; an endpoint without a
    // model answers an error the panel shows; choosing another endpoint mid-way ends CANCELLED.
    void predictionsEndWithAnAnswer()
    {
        ServingController serving;
        serving.setClient(m_serving.get());
        QTRY_VERIFY_WITH_TIMEOUT(!serving.isRefreshing(), 15000);
        QString endpoint;
        m_serving->createEndpoint(QStringLiteral("empty"), this, [&](api::Result<QString> op) {
            QVERIFY(op.ok());
            endpoint = op.value.section(QStringLiteral("/operations/"), 0, 0);
        });
        QTRY_VERIFY_WITH_TIMEOUT(!endpoint.isEmpty(), 15000);

        std::vector<ServingController::Answer> answers;
        connect(&serving, &ServingController::predicted, this,
                [&](const ServingController::Answer &answer) { answers.push_back(answer); });
        QVERIFY(!serving.predict(endpoint, QStringLiteral("[1, 2]"))); // not an object
        QVERIFY(serving.predict(endpoint, QStringLiteral("{\"instances\": [[1, 2, 3, 4]]}")));
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), size_t(1), 15000);
        QVERIFY(!answers.front().ok);
        QVERIFY(!answers.front().cancelled);
        QCOMPARE(answers.front().endpoint, endpoint);
        QVERIFY2(!answers.front().response.isEmpty() && !answers.front().detail.isEmpty(),
                 qPrintable(answers.front().response));

        QVERIFY(serving.predict(endpoint, QStringLiteral("{\"instances\": [[1, 2, 3, 4]]}")));
        serving.cancelPrediction();
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), size_t(2), 15000);
        QVERIFY(answers.back().cancelled);

        // Deleting the endpoint: its operation followed to the end.
        std::vector<ServingController::Change> changes;
        connect(&serving, &ServingController::changed, this,
                [&](const ServingController::Change &change) { changes.push_back(change); });
        serving.deleteEndpoint(endpoint, QStringLiteral("empty"));
        QTRY_COMPARE_WITH_TIMEOUT(changes.size(), size_t(1), 30000);
        QVERIFY2(changes.front().ok, qPrintable(changes.front().text));
    }

    // A token the backend refuses: the refresh says why (a dead port says so too, after the
    // client's retries); a change without a client ends with an error at once.
    void aRefusedRefreshIsSaid()
    {
        rest::RestClient rest;
        rest.setCredentialsProvider(std::make_shared<auth::StaticTokenCredentials>(
            [] { return QByteArray("not-a-token-of-rovd"); }));
        api::vertex::ServingClient refused(
            &rest,
            api::vertex::Endpoint{m_rovd.url(QStringLiteral("/")), QStringLiteral("demo"),
                                  QStringLiteral("us-central1"), QStringLiteral("v1")},
            m_rovd.url(QStringLiteral("/")));
        ServingController serving;
        serving.setClient(&refused);
        QTRY_VERIFY_WITH_TIMEOUT(!serving.isRefreshing(), 15000);
        QVERIFY2(serving.status().startsWith(QLatin1String("Could not refresh")),
                 qPrintable(serving.status()));
        QCOMPARE(serving.models()->rowCount(), 0);
        ServingController unset;
        std::vector<ServingController::Change> changes;
        connect(&unset, &ServingController::changed, this,
                [&](const ServingController::Change &change) { changes.push_back(change); });
        unset.deleteEndpoint(QStringLiteral("projects/demo/locations/us-central1/endpoints/1"),
                             QStringLiteral("one"));
        QCOMPARE(changes.size(), size_t(1));
        QVERIFY(!changes.front().ok);
        QCOMPARE(unset.status(), QStringLiteral("Not connected"));
    }

private:
    // Uploads a model file to rovd's Cloud Storage and registers the folder; the model's name.
    QString registerModel(const QString &displayName)
    {
        QTemporaryDir folder;
        QFile file(folder.filePath(QStringLiteral("model.pkl")));
        if (!file.open(QIODevice::WriteOnly) || file.write("not read until deployed") < 0)
            return {};
        file.close();
        std::optional<api::Result<QString>> uploaded;
        m_serving->uploadFile(file.fileName(), QStringLiteral("models"),
                              displayName + QStringLiteral("/model.pkl"), this,
                              [&](api::Result<QString> result) { uploaded = std::move(result); });
        if (!QTest::qWaitFor([&] { return uploaded.has_value(); }, 15000) || !uploaded->ok()) {
            qWarning() << "upload:"
                       << (uploaded && uploaded->error ? uploaded->error->message
                                                       : QStringLiteral("no answer"));
            return {};
        }
        std::optional<api::Result<QString>> operation;
        m_serving->uploadModel(
            displayName, QStringLiteral("gs://models/") + displayName,
            QStringLiteral("us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest"), this,
            [&](api::Result<QString> result) { operation = std::move(result); });
        if (!QTest::qWaitFor([&] { return operation.has_value(); }, 15000) || !operation->ok()) {
            qWarning() << "register:"
                       << (operation && operation->error ? operation->error->message
                                                         : QStringLiteral("no answer"));
            return {};
        }
        return operation->value.section(QStringLiteral("/operations/"), 0, 0);
    }

    QTemporaryDir m_data;
    QString m_tempRoot = QStringLiteral("/tmp/rovc-%1").arg(QCoreApplication::applicationPid());
    test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    rest::RestClient m_rest;
    std::unique_ptr<api::monitoring::MonitoringClient> m_monitoring;
    std::unique_ptr<api::vertex::ServingClient> m_serving;
};

QTEST_GUILESS_MAIN(TestControllers)
#include "tst_controllers.moc"
