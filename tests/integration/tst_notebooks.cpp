// "Open in JupyterLab" as the console does it (core::JupyterLab, the kernel it writes), against a
// real rovd, a real Ray cluster and a real JupyterLab: the server on 127.0.0.1 only and only with
// its token, the cluster's kernel listed by Jupyter's REST API, every sample notebook run top to
// bottom by nbclient (the last one trains on the cluster, registers, deploys and predicts), a
// kernel of a deleted cluster saying so, and nothing left running after Stop.
#include "core/jupyterlab.h"
#include "rovdfixture.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/stat.h>

using namespace rov::rest;
using nlohmann::json;
using rov::core::JupyterLab;
using rov::test::describe;

namespace {

const QString kParent = QStringLiteral("projects/local-project/locations/us-central1");
const QString kCluster = QStringLiteral("nb");
const QString kSamples = QStringLiteral(ROV_SOURCE_DIR "/resources/python/notebook/samples");

unsigned mode(const QString &path)
{
    struct stat status
    {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_mode & 0777 : 0;
}

bool alive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

// Where something listens on TCP `port` (from /proc/net/tcp and tcp6): "0100007F" is 127.0.0.1.
QStringList listeningAddresses(int port)
{
    QStringList addresses;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 4 || fields[3] != "0A") // 0A: LISTEN
                continue;
            const QList<QByteArray> local = fields[1].split(':');
            if (local.size() == 2 && local[1].toInt(nullptr, 16) == port)
                addresses << QString::fromLatin1(local[0]);
        }
    }
    return addresses;
}

} // namespace

class TestNotebooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_home.isValid());
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        HttpRequest create = call(HttpMethod::Post, QStringLiteral("/persistentResources?"
                                                                   "persistentResourceId=") +
                                                        kCluster);
        create.setJsonBody(rov::test::headPlusOneWorker());
        const auto created = send(create);
        QVERIFY2(created.ok(), qPrintable(describe(created)));
        const json cluster = waitForState("RUNNING", 240000);
        QVERIFY2(cluster.value("state", "") == "RUNNING", cluster.dump().c_str());
        m_lab = std::make_unique<JupyterLab>(
            rov::core::NotebookPlaces{m_home.filePath(QStringLiteral("lab"))},
            QStringLiteral(ROV_PYTHON_VENV), &m_client);
    }

    void cleanupTestCase()
    {
        if (m_lab && m_lab->server())
            ::kill(pid_t(m_lab->server()->pid), SIGKILL);
        m_lab.reset();
        rov::test::killProcessesUnder(m_home.path());
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void theServerStartsOnLoopbackWithATokenAndIsReused()
    {
        const auto first = open();
        QVERIFY2(first, qPrintable(m_failure));
        QCOMPARE(m_lab->state(), JupyterLab::State::Running);
        QVERIFY(alive(first->pid));
        const QStringList addresses = listeningAddresses(first->port);
        QCOMPARE(addresses, QStringList{QStringLiteral("0100007F")});
        // Its files: the folder the user's alone, the server file (with the token) 0600.
        QCOMPARE(mode(m_lab->places().root), 0700u);
        QCOMPARE(mode(m_lab->places().serverFile()), 0600u);
        QCOMPARE(mode(m_lab->places().kernelFile(QStringLiteral("ray-nb"))), 0600u);
        // The cluster's samples, with its kernel chosen: opening one connects at once.
        QFile sample(m_lab->places().notebooks() +
                     QStringLiteral("/nb/03_train_register_deploy_predict.ipynb"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const json chosen = json::parse(sample.readAll().toStdString())["metadata"]["kernelspec"];
        QCOMPARE(chosen.value("name", ""), std::string("ray-nb"));

        // Without its token, Jupyter's API answers 403; with it, the cluster's kernel is listed.
        HttpRequest status =
            HttpRequest::get(first->url().resolved(QUrl(QStringLiteral("api/kernelspecs"))));
        status.sendCredentials = false;
        status.retry = RetryPolicy::none();
        const auto refused = rov::test::sendAndWait(m_client, status);
        QCOMPARE(refused.status, 403);
        status.setHeader("Authorization", "token " + first->token);
        const auto specs = rov::test::sendAndWait(m_client, status);
        QVERIFY2(specs.ok(), qPrintable(describe(specs)));
        const json kernel = specs.json()["kernelspecs"]["ray-nb"]["spec"];
        QCOMPARE(kernel.value("display_name", ""), std::string("Ray on nb (Python 3.11)"));
        QCOMPARE(kernel["env"].value("RAY_ADDRESS", ""),
                 "vertex_ray://" + kParent.toStdString() + "/persistentResources/nb");
        QVERIFY2(!specs.body.contains(m_rovd.adminToken()), "the kernelspec holds no token");

        // A second open reuses the server; so does a console started again (a new JupyterLab on
        // the same folder finds it by its server file).
        const auto second = open();
        QVERIFY2(second && second->pid == first->pid, qPrintable(m_failure));
        JupyterLab again(m_lab->places(), QStringLiteral(ROV_PYTHON_VENV), &m_client);
        QTRY_COMPARE_WITH_TIMEOUT(again.state(), JupyterLab::State::Running, 10000);
        QCOMPARE(again.server()->pid, first->pid);
    }

    void theChineseSamplesAreTheSameCode()
    {
        for (const QString &name :
             QDir(kSamples + QStringLiteral("/en")).entryList({QStringLiteral("*.ipynb")})) {
            QCOMPARE(codeOf(kSamples + QStringLiteral("/zh_CN/") + name),
                     codeOf(kSamples + QStringLiteral("/en/") + name));
        }
    }

    // Each sample, top to bottom, on the cluster's kernel (one function each: QtTest gives a
    // function 5 minutes).
    void theTasksSampleRuns()
    {
        const QString output = runSample(QStringLiteral("01_connect_and_run_tasks.ipynb"));
        QVERIFY2(output.contains(QStringLiteral("pi ≈ 3.1")), qPrintable(output));
    }

    // With the Ray Client connected, gRPC is busy in the kernel, and grpcio's fork support would
    // crash one child in twenty before it starts (grpc/grpc#43055): a notebook's subprocess.run()
    // with a preexec_fn (Python forks for those, and Ray starts its processes so) failing, and
    // the head's Ray Client proxy failing a ray.init() the same way.
    void subprocessesStartBesideTheRayClient()
    {
        QVERIFY2(open(), qPrintable(m_failure));
        QTemporaryDir scratch;
        const QString notebook = scratch.filePath(QStringLiteral("fork.ipynb"));
        writeNotebook(notebook,
                      {"import os, ray, subprocess\n", "ray.init()\n",
                       "codes = [subprocess.run(['true'], preexec_fn=os.getpid).returncode\n",
                       "         for _ in range(1000)]\n",
                       "print('subprocesses that did not start:', sum(1 for c in codes if c))\n",
                       "print('on the cluster:', ray.get(ray.remote(lambda: 1).remote()))"});
        int exitCode = 0;
        const QString output = runNotebooks({notebook}, &exitCode);
        QVERIFY2(exitCode == 0 && output.contains(QStringLiteral("did not start: 0")) &&
                     output.contains(QStringLiteral("on the cluster: 1")),
                 qPrintable(output + m_stderr + rayClientLogs()));

        // The head's Ray Client proxy, which starts a server per client, runs without it too.
        const auto cluster =
            send(call(HttpMethod::Get, QStringLiteral("/persistentResources/") + kCluster));
        const std::string head =
            cluster.json()["resourceRuntime"]["accessUris"].value("RAY_HEAD_NODE_INTERNAL_IP", "");
        const QString port = QString::fromStdString(head).section(QLatin1Char(':'), -1);
        QVERIFY2(!port.isEmpty(), qPrintable(describe(cluster)));
        int proxies = 0;
        for (qint64 pid : rov::test::pidsMentioning(QStringLiteral("--mode=proxy"))) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
            if (!cmdline.open(QIODevice::ReadOnly) || !environ.open(QIODevice::ReadOnly) ||
                !cmdline.readAll().split('\0').contains("--port=" + port.toLatin1()))
                continue;
            ++proxies;
            QVERIFY2(environ.readAll().split('\0').contains("GRPC_ENABLE_FORK_SUPPORT=false"),
                     "the Ray Client proxy runs with grpcio's fork support on");
        }
        QCOMPARE(proxies, 1);
    }

    void theDataSampleRuns()
    {
        const QString output = runSample(QStringLiteral("02_ray_data_and_cloud_storage.ipynb"));
        // The totals went to rovd's BigQuery through Google's client, which found its way alone.
        QVERIFY2(output.contains(QStringLiteral("largest region:")), qPrintable(output));
        // What the pipeline wrote on the cluster went to rovd's Cloud Storage.
        const auto result = send(storageCall(QStringLiteral(
            "/storage/v1/b/notebook-samples/o/orders-by-region%2Fresult.csv?alt=media")));
        QVERIFY2(result.ok() && result.body.startsWith("region,sum(amount),sum(tax)"),
                 qPrintable(describe(result) + QString::fromUtf8(result.body)));
    }

    void theTrainDeployPredictSampleRuns()
    {
        // The notebook asserts the endpoint's prediction equals the model's own; it prints both.
        const QString output = runSample(QStringLiteral("03_train_register_deploy_predict.ipynb"));
        QVERIFY2(output.contains(QStringLiteral("predicted:")), qPrintable(output));
    }

    // Cloud Logging's client, unconfigured in the notebook, reads rovd's entries of the cluster.
    void cloudLoggingReadsTheClustersLogs()
    {
        QVERIFY2(open(), qPrintable(m_failure));
        QTemporaryDir scratch;
        const QString notebook = scratch.filePath(QStringLiteral("logs.ipynb"));
        writeNotebook(
            notebook,
            {"from google.cloud import logging as cloud_logging\n",
             "entries = list(cloud_logging.Client().list_entries(\n",
             "    filter_='labels.\"ml.googleapis.com/ray_cluster_id\"=\"nb\"', max_results=5))\n",
             "print('log entries:', len(entries))\n", "assert entries"});
        int exitCode = 0;
        const QString output = runNotebooks({notebook}, &exitCode);
        QVERIFY2(exitCode == 0 && output.contains(QStringLiteral("log entries: 5")),
                 qPrintable(output + m_stderr));
    }

    void aKernelOfADeletedClusterSaysSo()
    {
        const auto deleted =
            send(call(HttpMethod::Delete, QStringLiteral("/persistentResources/") + kCluster));
        QVERIFY2(deleted.ok(), qPrintable(describe(deleted)));
        QDeadlineTimer deadline(240000);
        while (!deadline.hasExpired() &&
               send(call(HttpMethod::Get, QStringLiteral("/persistentResources/") + kCluster))
                       .status != 404)
            QTest::qWait(500);
        QTemporaryDir scratch;
        const QString notebook = scratch.filePath(QStringLiteral("one.ipynb"));
        writeNotebook(notebook, {"import ray\n", "ray.init()"});
        int exitCode = 0;
        const QString output = runNotebooks({notebook}, &exitCode);
        QCOMPARE(exitCode, 1);
        QVERIFY2(
            output.contains(QStringLiteral("The cluster nb no longer exists (it was deleted)")),
            qPrintable(output));
    }

    void stoppingLeavesNoProcess()
    {
        const auto server = open();
        QVERIFY2(server, qPrintable(m_failure));
        const qint64 pid = server->pid;
        QSignalSpy changed(m_lab.get(), &JupyterLab::stateChanged);
        m_lab->stop();
        // Opened again while it stops: told so, nothing started.
        QVERIFY(!open());
        QVERIFY2(m_failure.contains(QStringLiteral("stopping")), qPrintable(m_failure));
        QTRY_COMPARE_WITH_TIMEOUT(m_lab->state(), JupyterLab::State::Stopped, 20000);
        QVERIFY(!alive(pid));
        QVERIFY(!QFile::exists(m_lab->places().serverFile()));
        // Not the server, and none of its kernels (their connection files are in its folder).
        QTRY_COMPARE_WITH_TIMEOUT(rov::test::processesMentioning(m_lab->places().root), 0, 10000);
    }

private:
    std::optional<JupyterLab::Server> open()
    {
        rov::core::KernelTarget target;
        target.clusterName = kParent + QStringLiteral("/persistentResources/") + kCluster;
        target.clusterTitle = kCluster;
        target.rovdUrl = m_rovd.url(QString()).toString(QUrl::StripTrailingSlash);
        target.tokensFile = m_rovd.dataDir() + QStringLiteral("/tokens");
        std::optional<std::variant<JupyterLab::Server, QString>> outcome;
        m_lab->open(target, QStringLiteral("en"), [&](auto answer) { outcome = answer; });
        QDeadlineTimer deadline(90000);
        while (!outcome && !deadline.hasExpired())
            QTest::qWait(100);
        if (!outcome) {
            m_failure = QStringLiteral("open() did not answer in 90 s");
            return std::nullopt;
        }
        if (const auto *why = std::get_if<QString>(&*outcome)) {
            m_failure = *why;
            return std::nullopt;
        }
        return std::get<JupyterLab::Server>(*outcome);
    }

    // Runs one of the cluster's samples; what it printed, or empty when a cell failed (printed).
    QString runSample(const QString &name)
    {
        if (!open()) {
            qWarning().noquote() << m_failure;
            return {};
        }
        const QString output =
            runNotebooks({m_lab->places().notebooks() + QStringLiteral("/nb/") + name}, nullptr);
        if (!output.startsWith(QStringLiteral("ran ")))
            qWarning().noquote() << output << "\n--- stderr ---\n"
                                 << m_stderr << "\n--- rovd ---\n"
                                 << m_rovd.output() << "\n--- Ray Client's servers ---\n"
                                 << rayClientLogs();
        return output;
    }

    // The head's Ray Client logs (the proxy and each client's server): a kernel's ray.init() that
    // fails names only a file on the head.
    QString rayClientLogs() const
    {
        QString logs;
        QDirIterator files(m_tempRoot, {QStringLiteral("ray_client_server*")}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly))
                logs += QStringLiteral("== %1\n%2\n")
                            .arg(file.fileName(), QString::fromUtf8(file.readAll().right(4000)));
        }
        return logs;
    }

    // Runs notebooks with the kernel the console wrote (nbclient finds it as the server does).
    QString runNotebooks(const QStringList &notebooks, int *exitCode)
    {
        QProcess python;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("JUPYTER_DATA_DIR"), m_lab->places().dataDir());
        environment.insert(QStringLiteral("JUPYTER_RUNTIME_DIR"),
                           m_lab->places().root + QStringLiteral("/runtime"));
        python.setProcessEnvironment(environment);
        python.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                     QStringList{QStringLiteral(ROV_SOURCE_DIR "/tests/compat/run_notebooks.py"),
                                 QStringLiteral("ray-nb")} +
                         notebooks);
        python.waitForFinished(900000);
        if (exitCode)
            *exitCode = python.exitCode();
        // What the script says on its standard output, one line each (the kernels' warnings go
        // to its standard error, kept for a failure's message).
        m_stderr = QString::fromUtf8(python.readAllStandardError());
        return QString::fromUtf8(python.readAllStandardOutput());
    }

    // A notebook of one code cell of `source` lines.
    static void writeNotebook(const QString &path, const std::vector<std::string> &source)
    {
        const json cell = {{"cell_type", "code"},
                           {"metadata", json::object()},
                           {"execution_count", nullptr},
                           {"outputs", json::array()},
                           {"source", source}};
        const json document = {{"cells", {cell}},
                               {"metadata", json::object()},
                               {"nbformat", 4},
                               {"nbformat_minor", 5}};
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(document.dump()));
    }

    static QStringList codeOf(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {QStringLiteral("cannot read ") + path};
        QStringList code;
        for (const auto &cell : json::parse(file.readAll().toStdString())["cells"]) {
            if (cell["cell_type"] == "code") {
                std::string source;
                for (const auto &line : cell["source"])
                    source += line.get<std::string>();
                code << QString::fromStdString(source);
            }
        }
        return code;
    }

    HttpRequest call(HttpMethod method, const QString &path)
    {
        HttpRequest request;
        request.method = method;
        request.url = m_rovd.url(QStringLiteral("/v1/") + kParent + path);
        request.retry = RetryPolicy::none();
        request.setHeader("Authorization", "Bearer " + m_rovd.adminToken());
        return request;
    }

    HttpRequest storageCall(const QString &path)
    {
        HttpRequest request = HttpRequest::get(m_rovd.url(path));
        request.retry = RetryPolicy::none();
        request.setHeader("Authorization", "Bearer " + m_rovd.adminToken());
        return request;
    }

    HttpResponse send(const HttpRequest &request)
    {
        return rov::test::sendAndWait(m_client, request, 60000);
    }

    json waitForState(const char *state, int ms)
    {
        return rov::test::waitForClusterState(
            m_client, call(HttpMethod::Get, QStringLiteral("/persistentResources/") + kCluster),
            state, ms);
    }

    QTemporaryDir m_data;
    QTemporaryDir m_home;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovnb-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    RestClient m_client;
    std::unique_ptr<JupyterLab> m_lab;
    QString m_failure;
    QString m_stderr;
};

QTEST_GUILESS_MAIN(TestNotebooks)
#include "tst_notebooks.moc"
