#include "localplane/state/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rov::localplane;
using nlohmann::json;

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentsSurviveAReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QString error;
        {
            auto store = Store::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY(store->put(Store::Kind::Cluster,
                               QStringLiteral("projects/p/locations/l/persistentResources/a"),
                               {{"state", "RUNNING"}}));
            QVERIFY(store->put(Store::Kind::Cluster,
                               QStringLiteral("projects/p/locations/l/persistentResources/a"),
                               {{"state", "UPDATING"}}));
            QVERIFY(store->addEvent({QStringLiteral("a"), QStringLiteral("2026-11-25T18:00:00Z"),
                                     QStringLiteral("PROVISIONING"), QStringLiteral("created")}));
            QVERIFY(
                store->addEvent({QStringLiteral("a"), QStringLiteral("2026-11-25T18:00:09Z"),
                                 QStringLiteral("RUNNING"), QStringLiteral("all nodes alive")}));
        }
        auto store = Store::open(path, &error);
        QVERIFY(store);
        const auto cluster = store->get(
            Store::Kind::Cluster, QStringLiteral("projects/p/locations/l/persistentResources/a"));
        QVERIFY(cluster);
        QVERIFY((*cluster)["state"] == "UPDATING");
        const auto events = store->events(QStringLiteral("a"));
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[1].state, QStringLiteral("RUNNING"));
        QCOMPARE(events[1].reason, QStringLiteral("all nodes alive"));
    }

    void listsByPrefixLiterally()
    {
        QTemporaryDir dir;
        QString error;
        auto store = Store::open(dir.filePath(QStringLiteral("state.db")), &error);
        QVERIFY(store);
        for (const char *name : {"p/a/ops/1", "p/a/ops/2", "p/ab/ops/1", "p_a/ops/9"})
            QVERIFY(
                store->put(Store::Kind::Operation, QString::fromLatin1(name), {{"name", name}}));
        QVERIFY(store->put(Store::Kind::Cluster, QStringLiteral("p/a"), json::object()));
        const auto ops = store->list(Store::Kind::Operation, QStringLiteral("p/a/"));
        QCOMPARE(ops.size(), size_t(2));
        QCOMPARE(ops[0].first, QStringLiteral("p/a/ops/1"));
        QCOMPARE(store->list(Store::Kind::Operation, QStringLiteral("p_")).size(),
                 size_t(1)); // "_" is no wildcard
        QVERIFY(store->removeAll(Store::Kind::Operation, QStringLiteral("p/a/")));
        QCOMPARE(store->list(Store::Kind::Operation).size(), size_t(2));
        QVERIFY(store->remove(Store::Kind::Cluster, QStringLiteral("p/a")));
        QVERIFY(!store->get(Store::Kind::Cluster, QStringLiteral("p/a")));
    }

    void anUnwritablePlaceIsAnError()
    {
        QString error;
        QVERIFY(!Store::open(QStringLiteral("/nonexistent/dir/state.db"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent/dir/state.db")));
    }
};

QTEST_APPLESS_MAIN(TestStore)
#include "tst_store.moc"
