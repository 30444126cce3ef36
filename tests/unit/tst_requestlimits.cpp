// Fair server threads and the access log (issue 25, items 3 and 5), without a server: every
// route belongs to a subsystem, no subsystem's default limit takes every thread, limits are read
// from --request-limits and refuse past the limit until a request ends; the access log's line
// names the route's template and never the path, and its file is rotated and private.
#include "localplane/diagnostics.h"
#include "localplane/server/accesslog.h"
#include "localplane/server/requestlimits.h"
#include "localplane/server/routetable.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

using namespace rov::localplane;

class TestRequestLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRouteHasItsSubsystem()
    {
        QCOMPARE(subsystemOf(RouteId::Predict), Subsystem::Prediction);
        QCOMPARE(subsystemOf(RouteId::RawPredict), Subsystem::Prediction);
        QCOMPARE(subsystemOf(RouteId::DeployModel), Subsystem::Serving);
        QCOMPARE(subsystemOf(RouteId::StorageUpload), Subsystem::Storage);
        QCOMPARE(subsystemOf(RouteId::LogEntries), Subsystem::Logs);
        QCOMPARE(subsystemOf(RouteId::PromApi), Subsystem::Metrics);
        QCOMPARE(subsystemOf(RouteId::Cluster), Subsystem::Clusters);
        QCOMPARE(subsystemOf(RouteId::BatchPredictionJobCancel), Subsystem::Batch);
        for (const RouteSpec &route : routes::all())
            QVERIFY(QByteArray(subsystemName(subsystemOf(route.id))) != "other");
    }

    void noDefaultTakesEveryThread()
    {
        for (const int threads : {8, 64, 256}) {
            const auto limits = RequestLimits::defaults(threads);
            for (const int limit : limits) {
                QVERIFY(limit >= 2);
                QVERIFY2(limit < threads, qPrintable(RequestLimits::describe(limits)));
            }
        }
        QCOMPARE(RequestLimits::describe(RequestLimits::defaults(64)),
                 QStringLiteral("clusters=24,metrics=12,logs=12,serving=12,prediction=24,"
                                "storage=16,bigquery=12,batch=8"));
    }

    void limitsAreReadAndCheckedFromTheFlag()
    {
        QString error;
        const auto base = RequestLimits::defaults(64);
        const auto read =
            RequestLimits::parse(QStringLiteral("storage=2, prediction=40"), base, &error);
        QVERIFY(read);
        QCOMPARE((*read)[size_t(Subsystem::Storage)], 2);
        QCOMPARE((*read)[size_t(Subsystem::Prediction)], 40);
        QCOMPARE((*read)[size_t(Subsystem::Logs)], base[size_t(Subsystem::Logs)]);
        QVERIFY(RequestLimits::parse(RequestLimits::describe(*read), base, &error) == read);
        QVERIFY(!RequestLimits::parse(QStringLiteral("uploads=3"), base, &error));
        QVERIFY2(error.contains(QLatin1String("uploads")) &&
                     error.contains(QLatin1String("storage=")),
                 qPrintable(error)); // names what there is
        QVERIFY(!RequestLimits::parse(QStringLiteral("storage=0"), base, &error));
        QVERIFY(!RequestLimits::parse(QStringLiteral("storage=many"), base, &error));
    }

    void pastTheLimitUntilOneEnds()
    {
        auto limits = RequestLimits::defaults(64);
        limits[size_t(Subsystem::Storage)] = 2;
        RequestLimits gate(limits);
        auto first = gate.enter(Subsystem::Storage);
        auto second = gate.enter(Subsystem::Storage);
        QVERIFY(first && second);
        QVERIFY(!gate.enter(Subsystem::Storage));
        QVERIFY(gate.enter(Subsystem::Prediction)); // another part is not held up
        QCOMPARE(gate.inFlight(Subsystem::Storage), 2);
        first.reset();
        QCOMPARE(gate.inFlight(Subsystem::Storage), 1);
        QVERIFY(gate.enter(Subsystem::Storage));
        QCOMPARE(gate.inFlight(Subsystem::Storage), 1); // that one has ended again
    }

    void anAccessLineNamesTheTemplateOnly()
    {
        const std::string text =
            AccessLog::line({1764000000123, "POST", "/v1/{parent}/endpoints/{endpoint}:predict",
                             "prediction", 200, 0.0123456, "user"});
        const auto line = nlohmann::json::parse(text);
        QCOMPARE(line["time"].get<std::string>(), std::string("2025-11-24T16:00:00.123Z"));
        QCOMPARE(line["route"].get<std::string>(),
                 std::string("/v1/{parent}/endpoints/{endpoint}:predict"));
        QCOMPARE(line["status"].get<int>(), 200);
        QCOMPARE(line["ms"].get<double>(), 12.35);
        QCOMPARE(line["role"].get<std::string>(), std::string("user"));
        QVERIFY(text.find('\n') == std::string::npos);
        // A method that is not UTF-8 is replaced, not thrown on a server thread.
        const std::string odd = AccessLog::line({0,
                                                 std::string("G\xff"
                                                             "T"),
                                                 "-", "clusters", 405, 0, "none"});
        QVERIFY(nlohmann::json::parse(odd)["method"].is_string());
    }

    void theFileIsPrivateAndRotated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs/access.log"));
        {
            AccessLog log({path, 2000, 2});
            for (int i = 0; i < 100; ++i)
                log.record({1764000000000 + i, "GET", "/v1/{parent}/persistentResources",
                            "clusters", 200, 0.001, "admin"});
        } // written, then closed
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(path + QStringLiteral(".1")));
        QVERIFY(QFile::exists(path + QStringLiteral(".2")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".3"))); // two kept
        for (const QString &file : {path, path + QStringLiteral(".1")}) {
            struct stat info
            {};
            QCOMPARE(::stat(QFile::encodeName(file).constData(), &info), 0);
            QCOMPARE(int(info.st_mode & 0777), 0600);
            QVERIFY(QFileInfo(file).size() <= 2000);
        }
        struct stat folder
        {};
        QCOMPARE(
            ::stat(QFile::encodeName(dir.filePath(QStringLiteral("logs"))).constData(), &folder),
            0);
        QCOMPARE(int(folder.st_mode & 0777), 0700);
        // The newest line is in the current file, whole.
        QFile current(path);
        QVERIFY(current.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = current.readAll().trimmed().split('\n');
        QVERIFY(nlohmann::json::parse(lines.back().toStdString())["time"].get<std::string>() ==
                "2025-11-24T16:00:00.099Z");
    }

    // rovd's log lines carry no token, however a message came to hold one.
    void tokensAreRedactedFromWhatRovdWrites()
    {
        using rov::localplane::diagnostics::addSecret;
        using rov::localplane::diagnostics::redact;
        addSecret("s3cr3t-admin-token-0123456789");
        const QString said = redact(QStringLiteral(
            "starting ray with STORAGE_EMULATOR_HOST=http://127.0.0.1:8788/t/abcdEFGH12/ and "
            "Authorization: Bearer ya29.a0AfB_xyz, then s3cr3t-admin-token-0123456789 again; "
            "GET /o?uploadType=resumable&upload_id=ABC123&name=x"));
        for (const char *secret : {"abcdEFGH12", "ya29.a0AfB_xyz", "s3cr3t-admin", "ABC123"})
            QVERIFY2(!said.contains(QLatin1String(secret)), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("/t/<token>/")) &&
                     said.contains(QLatin1String("Bearer <token>")) &&
                     said.contains(QLatin1String("upload_id=<token>&name=x")) &&
                     said.contains(QLatin1String("starting ray")),
                 qPrintable(said)); // the rest is kept
        addSecret("short");         // too short to be a token: words stay as they are
        QCOMPARE(redact(QStringLiteral("a short answer")), QStringLiteral("a short answer"));
    }
};

QTEST_GUILESS_MAIN(TestRequestLimits)
#include "tst_requestlimits.moc"
