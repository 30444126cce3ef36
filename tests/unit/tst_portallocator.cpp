#include "localplane/clusters/nodeplan.h"
#include "localplane/clusters/portallocator.h"

#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using rov::localplane::PortAllocator;

namespace {
// Listens on 127.0.0.1:port until destroyed, as another program would.
struct Listener
{
    explicit Listener(quint16 port)
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        listening = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
                    ::listen(fd, 1) == 0;
    }
    ~Listener() { ::close(fd); }
    int fd;
    bool listening = false;
};
} // namespace

class TestPortAllocator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void neverHandsOutAPortTwice()
    {
        PortAllocator ports(24000, 24009);
        QSet<quint16> seen;
        for (int i = 0; i < 10; ++i) {
            const auto port = ports.take();
            QVERIFY(port);
            QVERIFY(!seen.contains(*port));
            seen.insert(*port);
        }
        QVERIFY(!ports.take()); // all ten are out
        ports.release(24003);
        QCOMPARE(ports.take(), std::optional<quint16>(24003));
    }

    void skipsPortsSomethingListensOn()
    {
        Listener busy(24100);
        QVERIFY(busy.listening);
        PortAllocator ports(24100, 24105);
        QCOMPARE(ports.take(), std::optional<quint16>(24101));
        QVERIFY(!PortAllocator::isFree(24100));
    }

    void rangesAreConsecutiveAndFree()
    {
        Listener busy(24203);
        PortAllocator ports(24200, 24299);
        const auto first = ports.takeRange(5);
        QVERIFY(first);
        QVERIFY(*first > 24203); // 24200..24204 would include the busy port
        const auto second = ports.takeRange(5);
        QVERIFY(second && *second >= *first + 5);
    }

    // Ray Client's proxy starts a server per client on 23000..23999 and reaches it at 127.0.0.1;
    // rovd hands none of them out, and a head's loopback shim sends them to the head's address.
    void rayClientServerPortsAreNeverHandedOut()
    {
        PortAllocator ports(22900, 24200);
        const auto range = ports.takeRange(100);
        QVERIFY(range);
        QVERIFY(*range + 100 <= PortAllocator::kRayClientServersFirst ||
                *range >= PortAllocator::kRayClientServersFirst + PortAllocator::kRayClientServers);
        for (int i = 0; i < 20; ++i) {
            const auto port = ports.take();
            QVERIFY(port);
            QVERIFY(*port < 23000 || *port > 23999);
        }
        rov::localplane::NodePorts head;
        head.gcs = 20000;
        head.rayClient = 20001;
        QVERIFY(head.wildcardRangesText().endsWith(QStringLiteral(",23000-23999")));
        rov::localplane::NodePorts worker;
        worker.nodeManager = 20010;
        QCOMPARE(worker.wildcardRangesText(), QStringLiteral("20010"));
    }
};

QTEST_APPLESS_MAIN(TestPortAllocator)
#include "tst_portallocator.moc"
