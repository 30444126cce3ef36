// rovd's words in the client's language (issue 10, item 9): what rovd says in English is said
// again in Chinese when the request asks for it, and errors keep their English message with a
// google.rpc.LocalizedMessage detail, as Google's APIs do.
#include "localplane/server/localizer.h"

#include <QCoreApplication>
#include <QTest>

using nlohmann::json;
using rov::localplane::Localizer;

class TestLocalizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theFirstLanguageNamedDecides()
    {
        QCOMPARE(Localizer::languageOf("zh-CN,zh;q=0.9,en;q=0.5"), QStringLiteral("zh-CN"));
        QCOMPARE(Localizer::languageOf("zh"), QStringLiteral("zh-CN"));
        QCOMPARE(Localizer::languageOf("en-US, zh-CN;q=0.5"), QString());
        QCOMPARE(Localizer::languageOf(""), QString());
        QCOMPARE(Localizer::languageOf("fr-FR"), QString()); // English, the language rovd has
    }

    void aMessageWithItsNumbersIsSaidAgainInChinese()
    {
        const auto &localizer = Localizer::instance();
        const QString zh = QStringLiteral("zh-CN");
        QCOMPARE(localizer.translate(QStringLiteral("All 3 Ray nodes are alive"), zh),
                 QStringLiteral("全部 3 个 Ray 节点都已存活"));
        QCOMPARE(localizer.translate(QStringLiteral("Starting node 2 of 3 (worker-pool1)"), zh),
                 QStringLiteral("正在启动第 2 个节点，共 3 个（worker-pool1）"));
        QCOMPARE(localizer.translate(QStringLiteral("Live nodes: head-node 1, workers 2"), zh),
                 QStringLiteral("在线节点：head-node 1, workers 2"));
        // The first template that matches: the specific before the general.
        QCOMPARE(localizer.translate(QStringLiteral("The request body must be a JSON object"), zh),
                 QStringLiteral("请求正文必须是一个 JSON 对象"));
        QCOMPARE(localizer.translate(QStringLiteral("labels must map keys to values"), zh),
                 QStringLiteral("labels 必须把键映射到值"));
        QCOMPARE(localizer.translate(
                     QStringLiteral(
                         "resourcePools[1].replicaCount is 0; a pool needs at least 1 replica"),
                     zh),
                 QStringLiteral("resourcePools[1].replicaCount 为 0；一个池至少需要 1 个副本"));
        // Not one of rovd's messages (Ray's own words, say): as it is.
        QCOMPARE(localizer.translate(QStringLiteral("raylet died unexpectedly"), zh),
                 QStringLiteral("raylet died unexpectedly"));
        QCOMPARE(localizer.translate(QStringLiteral("All 3 Ray nodes are alive"), QString()),
                 QStringLiteral("All 3 Ray nodes are alive"));
    }

    void aWrappedMessageIsSaidWithWhatItWraps()
    {
        // A failed start: the reason and its attempt in Chinese, Ray's log as Ray wrote it.
        const QString log = QStringLiteral("\x1b[33m(raylet)\x1b[0m Failed to bind: must be a "
                                           "JSON object\nline two (attempt 1 of 2)");
        const auto &localizer = Localizer::instance();
        const QString zh = QStringLiteral("zh-CN");
        QCOMPARE(
            localizer.translate(QStringLiteral("Node head-0 exited while starting (attempt 3 "
                                               "of 3)\n--- Ray log ---\n") +
                                    log,
                                zh),
            QStringLiteral("节点 head-0 在启动时退出（第 3 次尝试，共 3 次）\n--- Ray log ---\n") +
                log);
        // The log filter's words and where they went wrong, both said again.
        QCOMPARE(localizer.translate(
                     QStringLiteral("Unparseable filter: expected ')' at line 2, column 7"), zh),
                 QStringLiteral("无法解析筛选条件：此处应为 ')'（位置：第 2 行第 7 列）"));
        QCOMPARE(localizer.translate(QStringLiteral("The model refused the request: {\"error\": "
                                                    "\"%1 is bad\"}"),
                                     zh),
                 QStringLiteral("模型拒绝了该请求：{\"error\": \"%1 is bad\"}"));
    }

    void aResponseIsLocalizedWhereverItsTextsAre()
    {
        json body = {
            {"operations",
             {{{"name", "op-1"},
               {"metadata", {{"progressMessage", "Starting the head node"}}},
               {"done", false}},
              {{"name", "op-2"},
               {"done", true},
               {"error", {{"code", 4}, {"message", "The cluster did not start within 10 min"}}}}}},
            {"events", {{{"reason", "Deletion requested"}, {"state", "STOPPING"}}}},
            {"retry",
             {{"progressMessage", "Node head-node-0 did not start (Timed out after 30 seconds); "
                                  "trying again (attempt 2 of 3)"}}},
            {"deployedModels",
             {{{"id", "1"},
               {"status",
                {{"availableReplicaCount", 0},
                 {"message", "The model server stopped; rovd is starting it again"}}}}}}};
        Localizer::instance().localize(body, QStringLiteral("zh-CN"));
        QVERIFY(body["retry"]["progressMessage"] == "节点 head-node-0 未能启动（Timed out after 30 "
                                                    "seconds）；正在重试（第 2 次，共 3 次）");
        QVERIFY(body["deployedModels"][0]["status"]["message"] ==
                "模型服务器已停止；rovd 正在重新启动它");
        QVERIFY(body["operations"][0]["metadata"]["progressMessage"] == "正在启动头节点");
        QVERIFY(body["events"][0]["reason"] == "已请求删除");
        QVERIFY(body["events"][0]["state"] == "STOPPING"); // wire values never change
        const json &error = body["operations"][1]["error"];
        QVERIFY(error["message"] == "The cluster did not start within 10 min");
        QVERIFY(error["details"].size() == 1);
        QVERIFY(error["details"][0]["@type"] == "type.googleapis.com/google.rpc.LocalizedMessage");
        QVERIFY(error["details"][0]["locale"] == "zh-CN");
        QVERIFY(error["details"][0]["message"] == "集群未在 10 min 内启动");
    }

    void aGoogleErrorBodyGetsALocalizedMessage()
    {
        json body = {
            {"error",
             {{"code", 404},
              {"message",
               "PersistentResource projects/p/locations/l/persistentResources/x not found"},
              {"status", "NOT_FOUND"},
              {"details", json::array()}}}};
        json english = body;
        Localizer::instance().localize(english, QString());
        QVERIFY(english == body); // English: nothing added
        Localizer::instance().localize(body, QStringLiteral("zh-CN"));
        QVERIFY(body["error"]["message"] ==
                "PersistentResource projects/p/locations/l/persistentResources/x not found");
        QVERIFY(body["error"]["details"][0]["message"] ==
                "找不到 PersistentResource projects/p/locations/l/persistentResources/x");
    }
};

QTEST_GUILESS_MAIN(TestLocalizer)
#include "tst_localizer.moc"
