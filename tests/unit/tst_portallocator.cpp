#include "localplane/clusters/nodeaddressbook.h"
#include "localplane/clusters/nodeplan.h"
#include "localplane/clusters/portallocator.h"

#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using rov::localplane::kServingNodeIp;
using rov::localplane::NodeAddressBook;
using rov::localplane::NodePlan;
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

// The ports these tests take are below rovd's range (20000-32000): Ray tests run beside this one,
// and their nodes hold ports anywhere in that range.
class TestPortAllocator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void neverHandsOutAPortTwice()
    {
        PortAllocator ports(16000, 16009);
        QSet<quint16> seen;
        for (int i = 0; i < 10; ++i) {
            const auto port = ports.take();
            QVERIFY(port);
            QVERIFY(!seen.contains(*port));
            seen.insert(*port);
        }
        QVERIFY(!ports.take()); // all ten are out
        ports.release(16003);
        QCOMPARE(ports.take(), std::optional<quint16>(16003));
    }

    // Two rovds on one machine do not walk the range in step (each would take a port the other
    // has just given to a node that is still starting).
    void allocatorsStartingAnywhereDoNotHandOutTheSamePorts()
    {
        QSet<quint16> firsts;
        for (int i = 0; i < 5; ++i) {
            auto ports = PortAllocator::startingAnywhere(16300, 16999);
            const auto first = ports.takeRange(20);
            QVERIFY(first && *first >= 16300 && *first + 19 <= 16999);
            firsts.insert(*first);
        }
        QVERIFY2(firsts.size() > 1, "five allocators all began with the same port");
    }

    // Nor do they give their nodes the same addresses; an address is never 127.0.0.1 (Ray would
    // replace it with the machine's network address) or the serving instance's.
    void addressBooksDoNotGiveTheSameAddresses()
    {
        QSet<QString> firsts;
        for (int i = 0; i < 5; ++i) {
            NodeAddressBook book;
            std::vector<NodePlan> nodes(1);
            nodes[0].head = true;
            QVERIFY(!book.assign(nodes));
            const QString ip = nodes[0].ip;
            QVERIFY2(ip.startsWith(QLatin1String("127.0.")) && ip != QLatin1String("127.0.0.1") &&
                         ip != QLatin1String(kServingNodeIp),
                     qPrintable(ip));
            firsts.insert(ip);
            book.release(nodes[0]);
        }
        QVERIFY2(firsts.size() > 1, "five address books all began with the same address");
    }

    void skipsPortsSomethingListensOn()
    {
        Listener busy(16100);
        QVERIFY(busy.listening);
        PortAllocator ports(16100, 16105);
        QCOMPARE(ports.take(), std::optional<quint16>(16101));
        QVERIFY(!PortAllocator::isFree(16100));
    }

    void rangesAreConsecutiveAndFree()
    {
        Listener busy(16203);
        PortAllocator ports(16200, 16299);
        const auto first = ports.takeRange(5);
        QVERIFY(first);
        QVERIFY(*first > 16203); // 16200..16204 would include the busy port
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
