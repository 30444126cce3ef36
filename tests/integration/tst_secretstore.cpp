// The secret store against a real Secret Service (gnome-keyring on a D-Bus session of its own,
// with-keyring.sh) and against none (no session bus): where secrets go, that they come back, and
// that none stays in the plain file while a keyring takes it.
#include "core/secretstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using rov::core::SecretStore;

namespace {

SecretStore::Found readNow(const SecretStore &store, const QString &key, QObject *context)
{
    std::optional<SecretStore::Found> found;
    store.read(key, context, [&found](SecretStore::Found answer) { found = std::move(answer); });
    if (!QTest::qWaitFor([&found] { return found.has_value(); }, 30000))
        qFatal("the secret store never answered a read");
    return *found;
}

std::variant<SecretStore::Stored, rov::rest::ApiError>
writeNow(const SecretStore &store, const QString &key, const QByteArray &value, QObject *context)
{
    std::optional<std::variant<SecretStore::Stored, rov::rest::ApiError>> stored;
    store.write(key, value, context, [&stored](auto answer) { stored = std::move(answer); });
    if (!QTest::qWaitFor([&stored] { return stored.has_value(); }, 30000))
        qFatal("the secret store never answered a write");
    return *stored;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    bool m_keyring = false;

    SecretStore store() const
    {
        return SecretStore(m_dir.filePath(QStringLiteral("secrets.json")),
                           QStringLiteral("rov-console-test"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray mode = qgetenv("ROV_SECRET_SERVICE");
        if (mode != "gnome-keyring" && mode != "none")
            QFAIL("set ROV_SECRET_SERVICE to gnome-keyring (run under with-keyring.sh) or none");
        m_keyring = mode == "gnome-keyring";
        if (!m_keyring) {
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
            qunsetenv("DISPLAY");
        }
    }

    void theProbeSaysWhereSecretsGo()
    {
        std::optional<SecretStore::Stored> place;
        store().probe(this, [&place](SecretStore::Stored answer) { place = answer; });
        QTRY_VERIFY_WITH_TIMEOUT(place.has_value(), 30000);
        QCOMPARE(place->place, m_keyring ? SecretStore::Place::Keyring : SecretStore::Place::File);
        QCOMPARE(place->keyringProblem.isEmpty(), m_keyring);
    }

    void aSecretComesBackFromWhereItWent()
    {
        const auto stored =
            writeNow(store(), QStringLiteral("profile/a/accessToken"), "ya29.secret-one", this);
        QVERIFY(std::holds_alternative<SecretStore::Stored>(stored));
        const auto where = std::get<SecretStore::Stored>(stored).place;
        QCOMPARE(where, m_keyring ? SecretStore::Place::Keyring : SecretStore::Place::File);

        QFile file(store().path());
        const QByteArray plain = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        QCOMPARE(plain.contains("ya29.secret-one"), !m_keyring);
        if (!m_keyring)
            QCOMPARE(file.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        const auto found = readNow(store(), QStringLiteral("profile/a/accessToken"), this);
        QCOMPARE(found.value, QByteArray("ya29.secret-one"));
        QCOMPARE(found.place, where);
    }

    void anEmptyValueRemovesTheSecret()
    {
        QVERIFY(std::holds_alternative<SecretStore::Stored>(
            writeNow(store(), QStringLiteral("profile/b/accessToken"), "ya29.two", this)));
        QVERIFY(std::holds_alternative<SecretStore::Stored>(
            writeNow(store(), QStringLiteral("profile/b/accessToken"), {}, this)));
        QVERIFY(readNow(store(), QStringLiteral("profile/b/accessToken"), this).value.isEmpty());
        QVERIFY(store().fileGet(QStringLiteral("profile/b/accessToken")).isEmpty());
    }

    void aSecretLeftInTheFileMovesIntoTheKeyring()
    {
        // What an older console (or a session without a keyring) left behind.
        QVERIFY(!store().fileSet(QStringLiteral("profile/c/accessToken"), "ya29.old"));
        const auto first = readNow(store(), QStringLiteral("profile/c/accessToken"), this);
        QCOMPARE(first.value, QByteArray("ya29.old"));
        if (!m_keyring) {
            QCOMPARE(first.place, SecretStore::Place::File);
            return;
        }
        QTRY_VERIFY(store().fileGet(QStringLiteral("profile/c/accessToken")).isEmpty());
        const auto second = readNow(store(), QStringLiteral("profile/c/accessToken"), this);
        QCOMPARE(second.value, QByteArray("ya29.old"));
        QCOMPARE(second.place, SecretStore::Place::Keyring);
    }

    void cleanupTestCase()
    {
        for (const char *profile : {"a", "c"})
            writeNow(store(), QStringLiteral("profile/%1/accessToken").arg(QLatin1String(profile)),
                     {}, this);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
