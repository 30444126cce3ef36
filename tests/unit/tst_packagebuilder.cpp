// Working-directory packages as Ray's package store takes them: paths relative to the folder,
// .git and __pycache__ left out, the same files give the same URI, and a package over 100 MiB is
// refused in words.
#include "core/packagebuilder.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <zip.h>

using rov::core::Package;
using rov::core::PackageBuilder;

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QStringList entries(const QString &zipPath)
{
    QStringList names;
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(zipPath).constData(), ZIP_RDONLY, &error);
    if (!zip)
        return names;
    for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i)
        names << QString::fromUtf8(zip_get_name(zip, zip_uint64_t(i), 0));
    zip_close(zip);
    names.sort();
    return names;
}

struct Built
{
    std::optional<Package> package;
    QString error;
};

Built build(const QString &folder, const QString &zipPath)
{
    PackageBuilder builder;
    Built built;
    bool done = false;
    QObject::connect(&builder, &PackageBuilder::finished,
                     [&](const std::optional<Package> &package, const QString &error) {
                         built = {package, error};
                         done = true;
                     });
    builder.start(folder, zipPath);
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        built.error = QStringLiteral("timed out");
    return built;
}

} // namespace

class TestPackageBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zipsTheFolderRelativeToItsRoot()
    {
        QTemporaryDir source;
        write(source.filePath(QStringLiteral("main.py")), "print('hi')\n");
        write(source.filePath(QStringLiteral("lib/util.py")), "X = 1\n");
        write(source.filePath(QStringLiteral(".env")), "A=1\n");
        write(source.filePath(QStringLiteral(".git/HEAD")), "ref\n");
        write(source.filePath(QStringLiteral("lib/__pycache__/util.pyc")), "bytes");
        QTemporaryDir out;
        const Built first = build(source.path(), out.filePath(QStringLiteral("a.zip")));
        QVERIFY2(first.package, qPrintable(first.error));
        QCOMPARE(first.package->files, 3);
        QCOMPARE(entries(first.package->zipPath),
                 QStringList({QStringLiteral(".env"), QStringLiteral("lib/util.py"),
                              QStringLiteral("main.py")}));
        QVERIFY(first.package->uri.startsWith(QStringLiteral("gcs://_ray_pkg_")));
        QVERIFY(first.package->uri.endsWith(QStringLiteral(".zip")));
        // Unchanged files: the same package, which the cluster then need not receive again.
        const Built again = build(source.path(), out.filePath(QStringLiteral("b.zip")));
        QCOMPARE(again.package->uri, first.package->uri);
        write(source.filePath(QStringLiteral("main.py")), "print('changed')\n");
        QVERIFY(build(source.path(), out.filePath(QStringLiteral("c.zip"))).package->uri !=
                first.package->uri);
    }

    void anEmptyOrMissingFolderIsRefused()
    {
        QTemporaryDir empty;
        QTemporaryDir out;
        Built built = build(empty.path(), out.filePath(QStringLiteral("e.zip")));
        QVERIFY(!built.package);
        QCOMPARE(built.error,
                 QStringLiteral("The folder %1 has no files to send.").arg(empty.path()));
        built = build(QStringLiteral("/nonexistent/folder"), out.filePath(QStringLiteral("m.zip")));
        QCOMPARE(built.error, QStringLiteral("The folder /nonexistent/folder does not exist."));
    }

    void aPackageOverTheLimitIsRefused()
    {
        QTemporaryDir source;
        // Random bytes do not compress: 101 MiB stays above Ray's 100 MiB.
        QByteArray noise(101 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(7);
        generator.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        write(source.filePath(QStringLiteral("data.bin")), noise);
        noise.clear();
        QTemporaryDir out;
        const QString zipPath = out.filePath(QStringLiteral("big.zip"));
        const Built built = build(source.path(), zipPath);
        QVERIFY(!built.package);
        QVERIFY2(built.error.contains(QStringLiteral("Ray accepts at most 100 MiB")),
                 qPrintable(built.error));
        QVERIFY(!QFile::exists(zipPath));
    }
};

QTEST_GUILESS_MAIN(TestPackageBuilder)
#include "tst_packagebuilder.moc"
