// Fair server threads and the access log on a real rovd (issue 25, items 3 and 5): uploads that
// trickle in hold no more threads than storage's limit, the next one is told 503 with
// Retry-After at once while the clusters' and PromQL's requests go on answering, and storage
// answers again when they end; the access log has every answer with its route's template and
// role, and neither token, in a private file; a wrong --request-limits stops rovd with a reason.
#include "rovdfixture.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace rov::rest;
using rov::test::RawAnswer;
using rov::test::rawHttp;

namespace {

constexpr int kStorageLimit = 2;

// A connection to rovd that stays open while the test trickles bytes into it.
struct Socket
{
    int fd = -1;
    explicit Socket(quint16 port)
    {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    Socket(Socket &&other) noexcept : fd(std::exchange(other.fd, -1)) {}
    Socket &operator=(Socket &&) = delete;
    ~Socket()
    {
        if (fd >= 0)
            ::close(fd);
    }
    bool send(const QByteArray &bytes)
    {
        return fd >= 0 && ::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) ==
                              ssize_t(bytes.size());
    }
};

} // namespace

class TestRovdLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        m_rovd.setExtraArguments(
            {QStringLiteral("--request-limits"), QStringLiteral("storage=%1").arg(kStorageLimit)});
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_rovd.terminate();
        QDir(m_tempRoot).removeRecursively();
    }

    void uploadsThatTrickleHoldOnlyStoragesShare()
    {
        // Two uploads whose bytes come slowly: each holds a server thread while it reads.
        // Plain blocking sockets: every byte given is on its way when send() returns.
        std::vector<std::unique_ptr<Socket>> slow;
        int opened = 0;
        const auto openSlow = [&] {
            auto socket = std::make_unique<Socket>(m_rovd.port());
            const bool sent =
                socket->send(upload(QStringLiteral("slow-%1").arg(opened++), 1024 * 1024, false) +
                             QByteArray(1024, 'x'));
            return sent ? std::move(socket) : nullptr;
        };
        for (int i = 0; i < kStorageLimit; ++i) {
            slow.push_back(openSlow());
            QVERIFY(slow.back());
        }
        const auto trickle = [&slow] {
            for (auto &socket : slow)
                socket->send(QByteArray(512, 'x'));
        };
        // Until both are being read, a third may still get in, and then one of them may be the
        // one refused (the server's threads take them in any order): that one is sent again.
        // Then the limit bites.
        RawAnswer third;
        QDeadlineTimer deadline(10000);
        do {
            for (auto &socket : slow) {
                char answered = 0;
                if (::recv(socket->fd, &answered, 1, MSG_DONTWAIT | MSG_PEEK) != -1) {
                    socket = openSlow();
                    QVERIFY(socket);
                }
            }
            trickle();
            third = rawHttp(m_rovd.port(), upload(QStringLiteral("third"), 4, true), 5000);
            if (third.status != 503)
                QTest::qWait(20);
        } while (third.status != 503 && !deadline.hasExpired());
        QCOMPARE(third.status, 503);
        QVERIFY(third.elapsedMs < 2000); // told at once, not queued
        QCOMPARE(third.header("Retry-After"), QByteArray("1"));
        QVERIFY2(third.body.contains("UNAVAILABLE") && third.body.contains("storage"),
                 third.body.constData());

        // A refused upload that trickles too is told at once: its body is not waited for (it
        // would hold a thread past the limit while its bytes come).
        Socket slowThird(m_rovd.port());
        QVERIFY(slowThird.send(upload(QStringLiteral("slow-third"), 1024 * 1024, false) +
                               QByteArray(1024, 'x')));
        QElapsedTimer told;
        told.start();
        QByteArray refusal;
        while (told.elapsed() < 8000 && !refusal.contains("\r\n\r\n")) {
            trickle();
            slowThird.send(QByteArray(512, 'x'));
            char buffer[1024];
            const auto received = ::recv(slowThird.fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (received > 0)
                refusal.append(buffer, received);
            QTest::qWait(20);
        }
        QVERIFY2(refusal.startsWith("HTTP/1.1 503"), refusal.constData());
        QVERIFY2(told.elapsed() < 3000, qPrintable(QString::number(told.elapsed())));

        // The other parts answer meanwhile.
        trickle();
        for (const QByteArray &path :
             {QByteArray("/v1/projects/demo/locations/us-central1/persistentResources"),
              QByteArray("/v1/projects/demo/locations/us-central1/models")}) {
            const RawAnswer other = rawHttp(m_rovd.port(), get(path), 5000);
            QVERIFY2(other.status == 200, other.head.constData());
            QVERIFY(other.elapsedMs < 2000);
        }

        // The slow ones go (their clients gave up): storage answers again.
        slow.clear();
        RawAnswer again;
        deadline.setRemainingTime(10000);
        do {
            again = rawHttp(m_rovd.port(), upload(QStringLiteral("after"), 4, true), 5000);
            if (again.status == 503)
                QTest::qWait(200);
        } while (again.status == 503 && !deadline.hasExpired());
        QVERIFY2(again.status == 200, again.head + again.body);
    }

    void theAccessLogHasEveryAnswerAndNoToken()
    {
        const QString path = m_rovd.dataDir() + QStringLiteral("/logs/access.log");
        QByteArray text;
        QTRY_VERIFY_WITH_TIMEOUT((text = readAll(path)).contains("\"status\":503"), 5000);
        QVERIFY(!text.contains(m_rovd.adminToken()));
        QVERIFY(!text.contains(m_rovd.userToken()));
        // By template, with the subsystem and the caller's role; a path's names are not there.
        QVERIFY(text.contains("\"route\":\"/upload/storage/v1/b/{bucket}/o\""));
        QVERIFY(text.contains("\"subsystem\":\"storage\""));
        QVERIFY(text.contains("\"role\":\"admin\""));
        QVERIFY(!text.contains("slow-0") && !text.contains("limits-bucket"));
        // A request through the path-token route, and one with a wrong token: neither token
        // is written.
        const QByteArray userPath = "/t/" + m_rovd.userToken() + "/storage/v1/b/limits-bucket/o";
        QCOMPARE(rawHttp(m_rovd.port(),
                         "GET " + userPath + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                     .status,
                 200);
        QCOMPARE(rawHttp(m_rovd.port(), "GET /v1/projects/demo/locations/us-central1/models "
                                        "HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                        "guessed-token-123\r\nConnection: close\r\n\r\n")
                     .status,
                 401);
        QTRY_VERIFY_WITH_TIMEOUT((text = readAll(path)).contains("\"role\":\"none\""), 5000);
        QVERIFY(text.contains("\"role\":\"user\""));
        // A refused request is named by its route too.
        QVERIFY(text.contains("\"route\":\"/{version}/projects/{project}/locations/{location}/"
                              "models\",\"subsystem\":\"serving\",\"status\":401"));
        QVERIFY(!text.contains(m_rovd.userToken()) && !text.contains("guessed-token-123"));
        struct stat info
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
    }

    void aWrongLimitStopsRovdWithAReason()
    {
        QTemporaryDir data;
        QProcess rovd;
        rovd.setProcessChannelMode(QProcess::MergedChannels);
        rovd.start(QCoreApplication::applicationDirPath() + QStringLiteral("/rovd"),
                   {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--temp-root"),
                    m_tempRoot + QStringLiteral("-bad"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--request-limits"),
                    QStringLiteral("uploads=3")});
        QVERIFY(rovd.waitForFinished(20000));
        QVERIFY(rovd.exitCode() != 0);
        const QByteArray said = rovd.readAll();
        QVERIFY2(said.contains("--request-limits") && said.contains("uploads") &&
                     said.contains("storage="),
                 said.constData());
        QDir(m_tempRoot + QStringLiteral("-bad")).removeRecursively();
    }

private:
    QByteArray upload(const QString &name, int length, bool whole) const
    {
        QByteArray request =
            "POST /upload/storage/v1/b/limits-bucket/o?uploadType=media&name=" + name.toUtf8() +
            " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_rovd.adminToken() +
            "\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
            QByteArray::number(length) + "\r\n";
        if (whole)
            request += "Connection: close\r\n";
        request += "\r\n";
        if (whole)
            request += QByteArray(length, 'y');
        return request;
    }

    QByteArray get(const QByteArray &path) const
    {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
               m_rovd.adminToken() + "\r\nConnection: close\r\n\r\n";
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_data;
    QString m_tempRoot = QStringLiteral("/tmp/rovl-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
};

QTEST_GUILESS_MAIN(TestRovdLimits)
#include "tst_rovdlimits.moc"
