// rovd sees a client go (issue 25: a client that goes away ends its wait): the kernel's table of
// this process's TCP connections, read for real sockets over loopback, IPv4 and IPv6.
#include "localplane/peerwatch.h"

#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace rov::localplane;

namespace {

// A connected pair on `address`: the server's end (as a handler would know it) and the client's
// socket.
struct Pair
{
    int listener = -1, server = -1, client = -1;
    ConnectionEnds ends;
    ~Pair()
    {
        for (int fd : {listener, server, client})
            if (fd >= 0)
                ::close(fd);
    }
};

bool connectPair(Pair &pair, int family, const char *address)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        ::inet_pton(AF_INET, address, &in->sin_addr);
        length = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        ::inet_pton(AF_INET6, address, &in6->sin6_addr);
        length = sizeof(sockaddr_in6);
    }
    auto *any = reinterpret_cast<sockaddr *>(&storage);
    pair.listener = ::socket(family, SOCK_STREAM, 0);
    if (pair.listener < 0 || ::bind(pair.listener, any, length) != 0 ||
        ::listen(pair.listener, 1) != 0 || ::getsockname(pair.listener, any, &length) != 0)
        return false;
    pair.client = ::socket(family, SOCK_STREAM, 0);
    if (pair.client < 0 || ::connect(pair.client, any, length) != 0)
        return false;
    sockaddr_storage peer{};
    socklen_t peerLength = sizeof peer;
    pair.server = ::accept(pair.listener, reinterpret_cast<sockaddr *>(&peer), &peerLength);
    if (pair.server < 0)
        return false;
    char text[INET6_ADDRSTRLEN] = {};
    const auto port = [](const sockaddr_storage &s) {
        return s.ss_family == AF_INET ? ntohs(reinterpret_cast<const sockaddr_in &>(s).sin_port)
                                      : ntohs(reinterpret_cast<const sockaddr_in6 &>(s).sin6_port);
    };
    const auto name = [&](const sockaddr_storage &s) {
        const void *raw =
            s.ss_family == AF_INET
                ? static_cast<const void *>(&reinterpret_cast<const sockaddr_in &>(s).sin_addr)
                : &reinterpret_cast<const sockaddr_in6 &>(s).sin6_addr;
        ::inet_ntop(s.ss_family, raw, text, sizeof text);
        return std::string(text);
    };
    pair.ends = {name(storage), port(storage), name(peer), port(peer)};
    return true;
}

} // namespace

class TestPeerWatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aClientThatClosesIsSeenToGo_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<QByteArray>("address");
        QTest::newRow("IPv4") << int(AF_INET) << QByteArray("127.0.0.1");
        QTest::newRow("IPv6") << int(AF_INET6) << QByteArray("::1");
    }

    void aClientThatClosesIsSeenToGo()
    {
        QFETCH(int, family);
        QFETCH(QByteArray, address);
        Pair pair;
        if (!connectPair(pair, family, address.constData()))
            QFAIL(qPrintable(
                QStringLiteral("no loopback connection on %1: %2")
                    .arg(QString::fromLatin1(address), QString::fromLocal8Bit(strerror(errno)))));
        QVERIFY(!peerClosed(pair.ends));
        ::close(pair.client);
        pair.client = -1;
        QTRY_VERIFY_WITH_TIMEOUT(peerClosed(pair.ends), 2000);
    }

    void unknownEndsAreNeverTakenForGone()
    {
        QVERIFY(!peerClosed({}));
        QVERIFY(!peerClosed({"not an address", 80, "127.0.0.1", 5000}));
    }
};

QTEST_GUILESS_MAIN(TestPeerWatch)
#include "tst_peerwatch.moc"
