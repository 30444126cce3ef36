// librovloopback.so, the shim preloaded into every Ray node: a process that binds every interface
// (0.0.0.0, or [::] with IPv4 too) listens on its node's loopback address instead; loopback and
// Unix sockets are left as they are. The same probe without the shim listens on every interface,
// which is what Ray did.
#include <QProcess>
#include <QTest>

namespace {

// Binds as Ray's servers do and prints where each socket listens, one line each.
const char *const kProbe = R"(
import socket, tempfile
def show(family, address, v6only=None):
    s = socket.socket(family, socket.SOCK_STREAM)
    if v6only is not None:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
    s.bind(address)
    s.listen()
    print(s.getsockname()[0])
show(socket.AF_INET, ("0.0.0.0", 0))
show(socket.AF_INET, ("127.0.0.1", 0))
show(socket.AF_INET6, ("::", 0), 0)
show(socket.AF_INET6, ("::", 0), 1)
u = socket.socket(socket.AF_UNIX)
path = tempfile.mktemp()
u.bind(path)
print("unix" if u.getsockname() == path else "moved")
)";

// Ray's clients reach the dashboard agent at 127.0.0.1 whatever the node's address: a connection
// to 127.0.0.1 at a port of the node's own reaches the node's address; any other stays as it is.
const char *const kConnectProbe = R"(
import os, socket
node = socket.socket()
node.bind(("0.0.0.0", 0))
node.listen()
local = socket.socket()
local.bind(("127.0.0.1", 0))
local.listen()
os.environ["ROV_NODE_PORTS"] = "1-2,%d" % node.getsockname()[1]
for port in (node.getsockname()[1], local.getsockname()[1]):
    client = socket.socket()
    client.connect(("127.0.0.1", port))
    print(client.getpeername()[0])
)";

QStringList probe(const QString &preload, const char *script = kProbe)
{
    QProcess python;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LD_PRELOAD"));
    if (!preload.isEmpty()) {
        environment.insert(QStringLiteral("LD_PRELOAD"), preload);
        environment.insert(QStringLiteral("ROV_BIND_ADDRESS"), QStringLiteral("127.0.0.9"));
    }
    python.setProcessEnvironment(environment);
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(script)});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return {QStringLiteral("python3 failed: ") +
                QString::fromUtf8(python.readAllStandardError())};
    return QString::fromUtf8(python.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestLoopbackBind : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutTheShimEveryInterfaceListens()
    {
        const QStringList where = probe({});
        QCOMPARE(where,
                 (QStringList{QStringLiteral("0.0.0.0"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("::"), QStringLiteral("::"), QStringLiteral("unix")}));
    }

    void withItOnlyTheNodesLoopbackAddressListens()
    {
        const QStringList where = probe(QStringLiteral(ROV_LOOPBACK_LIBRARY));
        QCOMPARE(where, (QStringList{QStringLiteral("127.0.0.9"), QStringLiteral("127.0.0.1"),
                                     QStringLiteral("::ffff:127.0.0.9"), QStringLiteral("::1"),
                                     QStringLiteral("unix")}));
    }

    void connectionsToTheNodesOwnPortsReachItsAddress()
    {
        QCOMPARE(probe({}, kConnectProbe),
                 (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1")}));
        QCOMPARE(probe(QStringLiteral(ROV_LOOPBACK_LIBRARY), kConnectProbe),
                 (QStringList{QStringLiteral("127.0.0.9"), QStringLiteral("127.0.0.1")}));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackBind)
#include "tst_loopbackbind.moc"
