// rovd tried as a network neighbour, a curious local user and a crash would try it, with real Ray
// and real Serve: after a cluster (head and worker) and a deployed model are up, no socket of any
// process rovd started listens beyond 127.0.0.0/8 (Ray binds every interface on its own: see
// src/localplane/loopback); its Prometheus answers nobody without rovd's password and has no
// lifecycle API; its data files are 0600 in 0700 folders; the serving instance killed with -9
// comes back by itself while the endpoint tells the truth (no replica, 503 with Retry-After);
// and a client's mistakes (form data, deep filters, long names, bad buckets) are 4xx with a
// reason that names no path of this computer.
#include "rovdfixture.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <csignal>
#include <sys/stat.h>

using namespace rov::rest;
using nlohmann::json;
using rov::test::RovdFixture;

namespace {

const QString kParent = QStringLiteral("/v1/projects/demo/locations/us-central1");

// Field `index` of /proc/<pid>/stat after the command (0 is the state): -1 when it is gone.
qint64 statField(const QString &pid, int index)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > index ? fields[index].toLongLong() : -1;
}

// The session (field 6 of stat). Ray's nodes lead sessions of their own (rovd starts each with
// setsid), and every process of a node (GCS, raylet, workers, Serve) stays in it.
qint64 sessionOf(const QString &pid)
{
    return statField(pid, 3);
}

qint64 parentOf(const QString &pid)
{
    return statField(pid, 1);
}

QStringList allPids()
{
    return QDir(QStringLiteral("/proc"))
        .entryList({}, QDir::Dirs)
        .filter(QRegularExpression(QStringLiteral("^\\d+$")));
}

// Socket inode → "address:port" of every listening TCP socket and bound UDP socket.
std::map<QString, QString> listeningSockets()
{
    std::map<QString, QString> sockets;
    for (const QString &table : {QStringLiteral("tcp"), QStringLiteral("tcp6"),
                                 QStringLiteral("udp"), QStringLiteral("udp6")}) {
        QFile file(QStringLiteral("/proc/net/") + table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines[i].simplified().split(' ');
            if (fields.size() < 10)
                continue;
            const bool tcp = table.startsWith(QLatin1String("tcp"));
            if (tcp && fields[3] != "0A") // LISTEN
                continue;
            const QByteArray local = fields[1];
            const QByteArray hex = local.left(local.indexOf(':'));
            const int port = local.mid(local.indexOf(':') + 1).toInt(nullptr, 16);
            QByteArray raw = QByteArray::fromHex(hex);
            // /proc writes each 32-bit word of the address in host order.
            for (qsizetype word = 0; word + 4 <= raw.size(); word += 4)
                std::reverse(raw.begin() + word, raw.begin() + word + 4);
            char text[INET6_ADDRSTRLEN] = {};
            ::inet_ntop(raw.size() == 4 ? AF_INET : AF_INET6, raw.constData(), text, sizeof(text));
            sockets[QString::fromLatin1(fields[9])] =
                QStringLiteral("%1 %2:%3").arg(table, QString::fromLatin1(text)).arg(port);
        }
    }
    return sockets;
}

bool isLoopback(const QString &address)
{
    const QString host = address.section(QLatin1Char(' '), 1).section(QLatin1Char(':'), 0, -2);
    return host.startsWith(QLatin1String("127.")) || host == QLatin1String("::1") ||
           host.startsWith(QLatin1String("::ffff:127."));
}

} // namespace

class TestRovdTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_rovd.terminate();
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void aClusterAndAModelComeUp()
    {
        auto created =
            call("POST", kParent + QStringLiteral("/persistentResources?persistentResourceId=t1"),
                 rov::test::headPlusOneWorker());
        QVERIFY2(created.ok(), qPrintable(rov::test::describe(created)));
        QVERIFY(makeModel());
        QVERIFY(call("POST", kParent + QStringLiteral("/models:upload"),
                     {{"modelId", "m1"},
                      {"model",
                       {{"displayName", "m1"},
                        {"artifactUri", "gs://trust/m1"},
                        {"containerSpec",
                         {{"imageUri",
                           "us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest"}}}}}})
                    .ok());
        QVERIFY(call("POST", kParent + QStringLiteral("/endpoints?endpointId=e1"),
                     {{"displayName", "e1"}})
                    .ok());
        const auto deploy = call("POST", kParent + QStringLiteral("/endpoints/e1:deployModel"),
                                 {{"deployedModel",
                                   {{"model", "projects/demo/locations/us-central1/models/m1"},
                                    {"dedicatedResources",
                                     {{"machineSpec", {{"machineType", "n1-standard-2"}}},
                                      {"minReplicaCount", 1},
                                      {"maxReplicaCount", 1}}}}},
                                  {"trafficSplit", {{"0", 100}}}});
        QVERIFY2(deploy.ok(), qPrintable(rov::test::describe(deploy)));
        m_deployOperation = QString::fromStdString(deploy.json().value("name", std::string()));
        QVERIFY(!m_deployOperation.isEmpty());
    }

    // The cluster and the serving instance start side by side; each wait is a function of its
    // own, on the wall clock (QTRY_* counts waits, and each predict() adds its own time), inside
    // the function's ten minutes even on a machine where both take long; a deployment that
    // failed says why, with what rovd printed.
    void theModelAnswers()
    {
        const json operation = rov::test::waitForOperation(
            m_client, make("GET", QStringLiteral("/v1/") + m_deployOperation, m_rovd.adminToken()),
            420000);
        QVERIFY2(operation.value("done", false) && !operation.contains("error"),
                 qPrintable(QString::fromStdString(operation.dump()) + QLatin1Char('\n') +
                            m_rovd.output().right(4000)));
        QVERIFY2(predictsWithin(60000), qPrintable(rov::test::describe(predict())));
        QVERIFY(predict().json()["predictions"] == json::array({0, 1}));
    }

    void theClusterRuns()
    {
        const json cluster = rov::test::waitForClusterState(
            m_client,
            make("GET", kParent + QStringLiteral("/persistentResources/t1"), m_rovd.adminToken()),
            "RUNNING", 420000);
        QVERIFY2(cluster.value("state", "") == "RUNNING",
                 qPrintable(QString::fromStdString(cluster.dump())));
    }

    // Jobs on a cluster reach gs:// with the cluster's own token, which reaches Cloud Storage and
    // reads models and nothing else; the serving instance carries none (issue 25, item 6).
    void aClustersNodesCarryATokenOfTheirOwn()
    {
        QSet<QString> seen;
        int clusterProcesses = 0, servingProcesses = 0;
        for (const qint64 pid : rov::test::pidsMentioning(m_tempRoot + QLatin1Char('/'))) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
            if (!cmdline.open(QIODevice::ReadOnly) || !environ.open(QIODevice::ReadOnly))
                continue;
            const QByteArray environment = environ.readAll();
            QVERIFY(!environment.contains(m_rovd.userToken()));
            QVERIFY(!environment.contains(m_rovd.adminToken()));
            QByteArray storage;
            for (const QByteArray &variable : environment.split('\0')) {
                if (variable.startsWith("STORAGE_EMULATOR_HOST="))
                    storage = variable.mid(variable.indexOf('=') + 1);
            }
            if (cmdline.readAll().contains("/serving")) {
                ++servingProcesses;
                QVERIFY2(storage.isEmpty(), storage.constData());
                continue;
            }
            ++clusterProcesses;
            QVERIFY2(storage.contains("/t/rovn."), storage.constData());
            seen.insert(QString::fromLatin1(storage));
        }
        QVERIFY2(clusterProcesses >= 2 && servingProcesses >= 1,
                 qPrintable(QStringLiteral("%1 %2").arg(clusterProcesses).arg(servingProcesses)));
        QCOMPARE(seen.size(), 1); // head, worker and their workers: one token
        const QString host = *seen.begin();
        m_nodeToken = host.mid(host.indexOf(QStringLiteral("/t/")) + 3).toLatin1();

        // What a cluster's service account may do: its objects (a header or the path), models.
        QCOMPARE(call("GET", QStringLiteral("/storage/v1/b/trust/o"), {}, m_nodeToken).status, 200);
        HttpRequest inPath = make("GET", QString(), {});
        inPath.url = QUrl(host + QStringLiteral("/storage/v1/b/trust/o/m1%2Fmodel.pkl"));
        QCOMPARE(send(inPath).status, 200);
        HttpRequest upload = make("POST", QString(), {});
        upload.url = QUrl(host + QStringLiteral("/upload/storage/v1/b/trust/o?uploadType=media&"
                                                "name=from-a-job.txt"));
        upload.body = "written by a job";
        upload.contentType = "text/plain";
        QCOMPARE(send(upload).status, 200);
        QCOMPARE(call("GET", kParent + QStringLiteral("/models/m1"), {}, m_nodeToken).status, 200);
        // BigQuery's data, as a Vertex AI cluster's service account uses it (issue 26).
        QCOMPARE(call("GET", QStringLiteral("/bigquery/v2/projects/demo/datasets"), {}, m_nodeToken)
                     .status,
                 200);
        // Its metadata server, at the address in its environment: who it is, and its own token.
        HttpRequest token = make("GET", QString(), {});
        token.url = QUrl(
            host + QStringLiteral("/computeMetadata/v1/instance/service-accounts/default/token"));
        token.setHeader("Metadata-Flavor", "Google");
        const auto issued = send(token);
        QCOMPARE(issued.status, 200);
        QVERIFY(issued.json()["access_token"] == m_nodeToken.toStdString());
        QCOMPARE(issued.header("Metadata-Flavor"), QByteArray("Google"));
        HttpRequest project = make("GET", QString(), {});
        project.url = QUrl(host + QStringLiteral("/computeMetadata/v1/project/project-id"));
        QCOMPARE(send(project).body, QByteArray("demo"));
        // Nothing else: not the clusters, the endpoints, predictions, logs, what needs admin in
        // BigQuery, or deleting objects.
        for (const auto &[method, path] : std::vector<std::pair<const char *, QString>>{
                 {"GET", kParent + QStringLiteral("/persistentResources")},
                 {"GET", kParent + QStringLiteral("/endpoints")},
                 {"POST", kParent + QStringLiteral("/endpoints/e1:predict")},
                 {"POST", QStringLiteral("/v2/entries:list")},
                 {"GET", QStringLiteral("/v2/projects/demo/logs")},
                 {"DELETE", QStringLiteral("/bigquery/v2/projects/demo/datasets/any")},
                 {"DELETE", QStringLiteral("/bigquery/v2/projects/demo/jobs/any/delete")},
                 {"DELETE", QStringLiteral("/storage/v1/b/trust/o/from-a-job.txt")}}) {
            // A GET goes without a body (with one, the client would send a POST).
            const json body =
                qstrcmp(method, "GET") == 0 ? json() : json{{"instances", json::array()}};
            const auto refused = call(method, path, body, m_nodeToken);
            QVERIFY2(refused.status == 403, qPrintable(rov::test::describe(refused)));
            QVERIFY(refused.error && refused.error->message.contains(QStringLiteral("Ray node")));
        }
    }

    void nothingRovdStartedListensBeyondLoopback()
    {
        // rovd, its Prometheus (a child) and every process in the sessions of the Ray nodes that
        // rovd started: the clusters' and the serving instance's.
        QSet<qint64> sessions;
        for (const qint64 pid : rov::test::pidsMentioning(m_tempRoot + QLatin1Char('/'))) {
            if (QFile(QStringLiteral("/proc/%1/cmdline").arg(pid)).open(QIODevice::ReadOnly))
                sessions.insert(sessionOf(QString::number(pid)));
        }
        QVERIFY2(sessions.size() >= 3, "a head, a worker and the serving instance");
        QSet<qint64> pids{m_rovd.pid()};
        for (const QString &pid : allPids()) {
            if (sessions.contains(sessionOf(pid)) || parentOf(pid) == m_rovd.pid())
                pids.insert(pid.toLongLong());
        }
        const auto sockets = listeningSockets();
        QStringList checked, wide;
        for (const qint64 pid : pids) {
            QDirIterator fds(QStringLiteral("/proc/%1/fd").arg(pid), QDir::System);
            while (fds.hasNext()) {
                const QString target = QFile::symLinkTarget(fds.next());
                static const QRegularExpression socket(QStringLiteral("socket:\\[(\\d+)\\]"));
                const auto match = socket.match(target);
                const auto it = match.hasMatch() ? sockets.find(match.captured(1)) : sockets.end();
                if (it == sockets.end())
                    continue;
                checked << it->second;
                if (!isLoopback(it->second))
                    wide << QStringLiteral("pid %1: %2").arg(pid).arg(it->second);
            }
        }
        qInfo() << checked.size() << "listening sockets of" << pids.size() << "processes";
        QVERIFY2(checked.size() >= 15, qPrintable(checked.join(QLatin1Char('\n'))));
        QVERIFY2(wide.isEmpty(), qPrintable(wide.join(QLatin1Char('\n'))));
    }

    // With every server on a node's own address, Ray's clients that reach the metrics agent at
    // 127.0.0.1 still do (the shim sends them to the node): Serve's request counts arrive.
    void serveMetricsStillArrive()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(predict().status, 200);
        const QString query = QString::fromLatin1(QUrl::toPercentEncoding(
            QStringLiteral("sum(ray_serve_num_http_requests_total{ray_io_cluster=\"_serving\"})")));
        const auto requests = [&] {
            const json answer =
                call("GET",
                     QStringLiteral(
                         "/v1/projects/demo/location/global/prometheus/api/v1/query?query=") +
                         query,
                     {})
                    .json();
            const json result = answer.value("data", json::object()).value("result", json::array());
            return result.empty() ? 0.0 : std::stod(result[0]["value"][1].get<std::string>());
        };
        QTRY_VERIFY_WITH_TIMEOUT(requests() >= 5, 90000);
    }

    void prometheusAnswersRovdOnly()
    {
        const quint16 port = m_rovd.prometheusPort();
        QVERIFY(port > 0);
        const auto raw = [&](const QByteArray &request) {
            return rov::test::rawHttp(port,
                                      request + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");
        };
        QCOMPARE(raw("GET /api/v1/query?query=up HTTP/1.1\r\n").status, 401);
        QCOMPARE(raw("POST /-/quit HTTP/1.1\r\nContent-Length: 0\r\n").status, 401);
        const QByteArray auth =
            "Authorization: Basic " + ("rovd:" + m_rovd.userToken()).toBase64() + "\r\n";
        QCOMPARE(raw("GET /api/v1/query?query=up HTTP/1.1\r\n" + auth).status, 200);
        // No lifecycle API, even with the password: rovd reloads it with SIGHUP.
        for (const QByteArray &path : {QByteArray("/-/reload"), QByteArray("/-/quit")}) {
            const int status =
                raw("POST " + path + " HTTP/1.1\r\nContent-Length: 0\r\n" + auth).status;
            QVERIFY2(status == 403 || status == 404 || status == 405, path);
        }
        // Through rovd, with its token, it answers.
        QCOMPARE(call("GET",
                      QStringLiteral("/v1/projects/demo/location/global/prometheus/api/v1/"
                                     "query?query=up"),
                      {}, m_rovd.userToken())
                     .status,
                 200);
    }

    void dataFilesAreTheUsersAlone()
    {
        QStringList open;
        int seen = 0;
        QDirIterator entries(m_data.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                             QDirIterator::Subdirectories);
        while (entries.hasNext()) {
            const QString path = entries.next();
            struct stat info
            {};
            if (::lstat(QFile::encodeName(path).constData(), &info) != 0 || S_ISLNK(info.st_mode))
                continue;
            ++seen;
            if (info.st_mode & 077)
                open << QStringLiteral("%1 %2").arg(info.st_mode & 0777, 0, 8).arg(path);
        }
        struct stat root
        {};
        QVERIFY(::stat(QFile::encodeName(m_data.path()).constData(), &root) == 0);
        QCOMPARE(int(root.st_mode & 0777), 0700);
        QVERIFY2(seen > 20, "the databases, tokens, objects and the model's copy");
        QVERIFY2(open.isEmpty(), qPrintable(open.join(QLatin1Char('\n'))));
    }

    void aKilledServingInstanceComesBackAndTellsTheTruthMeanwhile()
    {
        const auto heads = rov::test::pidsMentioning(m_tempRoot + QStringLiteral("/serving"));
        qint64 head = 0;
        for (const qint64 pid : heads) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("start"))
                head = pid;
        }
        QVERIFY(head > 0);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(::kill(pid_t(head), SIGKILL) == 0);
        // Meanwhile: 503 with Retry-After, and no replica available.
        QTRY_VERIFY_WITH_TIMEOUT(replicas() == 0, 15000);
        const auto down = predict();
        if (down.status != 200) {
            QCOMPARE(down.status, 503);
            QVERIFY(!down.header("Retry-After").isEmpty());
        }
        QVERIFY(!deployedStatus().value("message", std::string()).empty());
        // Back by itself: a new instance, its dashboard and Serve's application start again
        // (31 s here alone, 59 s beside two busy loops); the bound is a hang's, not a speed.
        QVERIFY2(predictsWithin(240000), qPrintable(rov::test::describe(predict())));
        qInfo() << "predictions back after" << clock.elapsed() / 1000.0 << "s";
        QVERIFY(predict().json()["predictions"] == json::array({0, 1}));
        QTRY_COMPARE_WITH_TIMEOUT(replicas(), 1, 10000);
    }

    void aClientsMistakesAre4xxThatNameNoPath()
    {
        // multipart/form-data: httplib's reader threw on it (500), token or not.
        const QByteArray form = "--xx\r\nContent-Disposition: form-data; name=\"f\"; "
                                "filename=\"a\"\r\n\r\nabc\r\n--xx--\r\n";
        for (const QByteArray &token : {QByteArray(), m_rovd.adminToken()}) {
            HttpRequest request = make("POST",
                                       QStringLiteral("/upload/storage/v1/b/trust/o?"
                                                      "uploadType=media&name=x"),
                                       token);
            request.body = form;
            request.contentType = "multipart/form-data; boundary=xx";
            const auto answer = send(request);
            QCOMPARE(answer.status, token.isEmpty() ? 401 : 400);
        }
        // Deep and long filters: refused at once, where they go too far.
        QElapsedTimer clock;
        clock.start();
        for (const QString &filter :
             {QString(200, QLatin1Char('-')) + QStringLiteral("x"),
              QStringList(1000, QStringLiteral("word")).join(QStringLiteral(" AND ")),
              QString(100, QLatin1Char('(')) + QStringLiteral("x") +
                  QString(100, QLatin1Char(')'))}) {
            const auto answer =
                call("POST", QStringLiteral("/v2/entries:list"),
                     {{"resourceNames", {"projects/demo"}}, {"filter", filter.toStdString()}});
            QCOMPARE(answer.status, 400);
            QVERIFY2(answer.error->message.contains(QLatin1String("column")),
                     qPrintable(answer.error->message));
        }
        QVERIFY2(clock.elapsed() < 5000, "refused before any work");
        // Names a file system cannot hold, and buckets Cloud Storage refuses.
        const auto longName = call("POST",
                                   QStringLiteral("/upload/storage/v1/b/trust/o?uploadType=media&"
                                                  "name=") +
                                       QString(256, QLatin1Char('n')),
                                   {});
        QCOMPARE(longName.status, 400);
        QVERIFY(!longName.error->message.contains(m_data.path()));
        QVERIFY(longName.error->message.contains(QLatin1String("255 bytes")));
        QCOMPARE(call("POST", QStringLiteral("/storage/v1/b"), {{"name", "goog-bucket"}}).status,
                 400);
        // Links and upload sessions name rovd's address, not a Host header the client made up.
        HttpRequest start = make("POST",
                                 QStringLiteral("/upload/storage/v1/b/trust/o?"
                                                "uploadType=resumable&name=r"),
                                 m_rovd.adminToken());
        start.setHeader("Host", "evil.example:80");
        start.body = "{}";
        start.contentType = "application/json";
        const auto session = send(start);
        QVERIFY2(session.ok(), qPrintable(rov::test::describe(session)));
        const QString base = m_rovd.url(QString()).toString(QUrl::StripTrailingSlash);
        QVERIFY2(QString::fromLatin1(session.header("Location")).startsWith(base),
                 session.header("Location"));
        const json openApi = call("GET", QStringLiteral("/openapi.json"), {}).json();
        QCOMPARE(QString::fromStdString(openApi["servers"][0]["url"].get<std::string>()), base);
        // A chunk to the session needs no token: the session URL is the credential.
        HttpRequest chunk;
        chunk.method = HttpMethod::Put;
        chunk.url = QUrl(QString::fromLatin1(session.header("Location")));
        chunk.retry = RetryPolicy::none();
        chunk.body = "hello";
        chunk.sendCredentials = false;
        const auto stored = send(chunk);
        QVERIFY2(stored.ok(), qPrintable(rov::test::describe(stored)));
        QVERIFY(stored.json()["size"] == "5");
        QVERIFY(
            QString::fromStdString(stored.json()["mediaLink"].get<std::string>()).startsWith(base));
        QCOMPARE(call("DELETE", QStringLiteral("/storage/v1/b/trust/o/r"), {}).status, 204);
    }

    // A cluster's token dies with it.
    void aDeletedClustersTokenIsRefused()
    {
        QVERIFY(!m_nodeToken.isEmpty());
        QVERIFY(call("DELETE", kParent + QStringLiteral("/persistentResources/t1"), {}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            call("GET", kParent + QStringLiteral("/persistentResources/t1"), {}).status, 404,
            180000);
        const auto refused = call("GET", QStringLiteral("/storage/v1/b/trust/o"), {}, m_nodeToken);
        QCOMPARE(refused.status, 401);
        QVERIFY2(refused.error &&
                     refused.error->message.contains(QStringLiteral("no longer exists")),
                 qPrintable(rov::test::describe(refused)));
    }

    // After a cluster, a deployed model, predictions, uploads (a resumable session's URL is its
    // credential) and refused requests: rovd's access log has them all, and neither it nor the
    // event log beside it has a token (issue 25).
    void theAccessLogNamesNoToken()
    {
        QByteArray text;
        QDirIterator files(m_data.path() + QStringLiteral("/logs"),
                           {QStringLiteral("access.log*"), QStringLiteral("events.log*")},
                           QDir::Files);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            text += file.readAll();
        }
        QVERIFY2(text.count('\n') > 20, text.constData());
        QVERIFY(!text.contains(m_rovd.adminToken()));
        QVERIFY(!text.contains(m_rovd.userToken()));
        QVERIFY(!m_nodeToken.isEmpty() && !text.contains(m_nodeToken));
        QVERIFY(!text.contains("upload_id"));
        for (const char *seen :
             {"\"subsystem\":\"prediction\"", "\"subsystem\":\"storage\"",
              "\"subsystem\":\"clusters\"", "\"role\":\"none\"", "\"role\":\"node\""})
            QVERIFY2(text.contains(seen), seen);
    }

private:
    HttpRequest make(const char *method, const QString &path, const QByteArray &token)
    {
        HttpRequest request;
        request.method = QByteArray(method) == "POST"     ? HttpMethod::Post
                         : QByteArray(method) == "DELETE" ? HttpMethod::Delete
                         : QByteArray(method) == "PUT"    ? HttpMethod::Put
                                                          : HttpMethod::Get;
        request.url = m_rovd.url(path);
        request.retry = RetryPolicy::none();
        if (!token.isEmpty())
            request.setHeader("Authorization", "Bearer " + token);
        return request;
    }

    HttpResponse send(const HttpRequest &request)
    {
        return rov::test::sendAndWait(m_client, request, 60000);
    }

    HttpResponse call(const char *method, const QString &path, const json &body,
                      QByteArray token = {})
    {
        HttpRequest request = make(method, path, token.isEmpty() ? m_rovd.adminToken() : token);
        if (!body.is_null())
            request.setJsonBody(body);
        return send(request);
    }

    HttpResponse predict()
    {
        return call("POST", kParent + QStringLiteral("/endpoints/e1:predict"),
                    {{"instances", {{0, 0, 0, 1}, {1, 1, 1, 0}}}});
    }

    // Whether the endpoint answers 200 within `ms` of the wall clock (asked every 500 ms).
    bool predictsWithin(int ms)
    {
        QDeadlineTimer deadline(ms);
        while (predict().status != 200) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(500);
        }
        return true;
    }

    json deployedStatus()
    {
        const json endpoint = call("GET", kParent + QStringLiteral("/endpoints/e1"), {}).json();
        const json models = endpoint.value("deployedModels", json::array());
        return models.empty() ? json::object() : models[0].value("status", json::object());
    }

    int replicas() { return deployedStatus().value("availableReplicaCount", -1); }

    std::string clusterState()
    {
        return call("GET", kParent + QStringLiteral("/persistentResources/t1"), {})
            .json()
            .value("state", std::string());
    }

    // A scikit-learn model (the first feature's opposite, as the test's predictions say), uploaded
    // to gs://trust/m1/model.pkl through rovd's Cloud Storage routes.
    bool makeModel()
    {
        QProcess python;
        python.start(
            QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import pickle, sys, numpy as np\n"
                 "from sklearn.linear_model import LogisticRegression\n"
                 "X = np.array([[0,0,0,1],[1,1,1,0],[0,1,0,1],[1,0,1,0]] * 5)\n"
                 "y = np.array([0,1,0,1] * 5)\n"
                 "sys.stdout.buffer.write(pickle.dumps(LogisticRegression().fit(X, y)))\n")});
        if (!python.waitForFinished(120000) || python.exitCode() != 0)
            return false;
        HttpRequest upload =
            make("POST",
                 QStringLiteral("/upload/storage/v1/b/trust/o?uploadType=media&name=m1/model.pkl"),
                 m_rovd.adminToken());
        upload.body = python.readAllStandardOutput();
        upload.contentType = "application/octet-stream";
        return send(upload).ok();
    }

    RestClient m_client;
    QByteArray m_nodeToken;    // the cluster t1's nodes'
    QString m_deployOperation; // projects/…/operations/…
    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovt-%1").arg(QCoreApplication::applicationPid());
    RovdFixture m_rovd{m_data.path(), m_tempRoot};
};

QTEST_GUILESS_MAIN(TestRovdTrust)
#include "tst_rovdtrust.moc"
