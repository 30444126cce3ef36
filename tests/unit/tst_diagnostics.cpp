// rovd's own lines (issue 25, observability): each part writes under a logging category of its
// own, warnings on and debug lines off unless QT_LOGGING_RULES says otherwise, Qt's warnings
// take the same way, and every line reaches the event log as a JSON object, with no token.
#include "localplane/diagnostics.h"
#include "localplane/jsonlineslog.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

using namespace rov::localplane;
using nlohmann::json;

namespace {

// Every line of the event log `run` leaves.
std::vector<json> eventsOf(const QString &path, const std::function<void()> &run)
{
    {
        JsonLinesLog log({path, 1 << 20, 1});
        diagnostics::setEventLog(&log);
        run();
        diagnostics::setEventLog(nullptr);
    } // written whole when it goes
    std::vector<json> events;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return events;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            events.push_back(json::parse(line.toStdString(), nullptr, false));
    }
    return events;
}

} // namespace

class TestDiagnostics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { diagnostics::installMessageHandler(); }

    void everyPartWritesUnderItsCategoryAndNoToken()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs/events.log"));
        const QByteArray token = "rova.0123456789abcdefSECRET";
        diagnostics::addSecret(token);
        const auto events = eventsOf(path, [&] {
            diagnostics::warn(diagnostics::lcServing(),
                              QStringLiteral("the model server stopped (token %1)")
                                  .arg(QString::fromLatin1(token)));
            diagnostics::warn(QStringLiteral("rovd itself"));
            diagnostics::debug(diagnostics::lcServing(), QStringLiteral("not shown"));
        });
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].value("category", std::string()), std::string("rovd.serving"));
        QCOMPARE(events[0].value("severity", std::string()), std::string("warning"));
        const std::string message = events[0].value("message", std::string());
        QVERIFY2(message.find("SECRET") == std::string::npos, message.c_str());
        QVERIFY(message.find("<token>") != std::string::npos);
        QVERIFY(!events[0].value("time", std::string()).empty());
        QCOMPARE(events[1].value("category", std::string()), std::string("rovd"));
        struct stat info
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
    }

    // What rovd did (its start, its stop) is an INFO event, even with a part's warnings off.
    void aNoteIsAnInfoEventWithNoToken()
    {
        QTemporaryDir dir;
        const QByteArray token = "rova.fedcba9876543210NOTED";
        diagnostics::addSecret(token);
        QLoggingCategory::setFilterRules(QStringLiteral("rovd.warning=false"));
        const auto events = eventsOf(dir.filePath(QStringLiteral("events.log")), [&] {
            diagnostics::note(
                diagnostics::lcRovd(),
                QStringLiteral("rovd started with %1").arg(QString::fromLatin1(token)));
        });
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].value("severity", std::string()), std::string("info"));
        QCOMPARE(events[0].value("category", std::string()), std::string("rovd"));
        QCOMPARE(events[0].value("message", std::string()),
                 std::string("rovd started with <token>"));
    }

    void rulesTurnAPartsDebugLinesOnAndItsWarningsOff()
    {
        QTemporaryDir dir;
        QLoggingCategory::setFilterRules(
            QStringLiteral("rovd.serving.debug=true\nrovd.storage.warning=false"));
        const auto events = eventsOf(dir.filePath(QStringLiteral("events.log")), [] {
            diagnostics::debug(diagnostics::lcServing(), QStringLiteral("deploy: config sent"));
            diagnostics::warn(diagnostics::lcStorage(), QStringLiteral("silenced"));
            qWarning("a warning of Qt's own");
        });
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].value("severity", std::string()), std::string("debug"));
        QCOMPARE(events[0].value("message", std::string()), std::string("deploy: config sent"));
        QCOMPARE(events[1].value("category", std::string()), std::string("default"));
        QCOMPARE(events[1].value("message", std::string()), std::string("a warning of Qt's own"));
    }

    void theLogRotatesPastItsSize()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.log"));
        {
            JsonLinesLog log({path, 400, 2});
            for (int i = 0; i < 200; ++i)
                log.append(std::string(R"({"n":)") + std::to_string(i) + "}");
        }
        QVERIFY(QFile::exists(path + QStringLiteral(".1")));
        QVERIFY(QFile::exists(path + QStringLiteral(".2")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
        QVERIFY(QFileInfo(path).size() <= 400);
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
