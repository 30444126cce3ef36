#include "packagebuilder.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QPointer>
#include <QThreadPool>
#include <zip.h>

namespace rov::core {

namespace {

struct Outcome
{
    std::optional<Package> package;
    QString error;
};

bool leftOut(const QString &relativePath)
{
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    return parts.contains(QLatin1String(".git")) || parts.contains(QLatin1String("__pycache__"));
}

void onProgress(zip_t *, double done, void *shared)
{
    static_cast<PackageBuilder::Shared *>(shared)->permille = int(done * 1000);
}

int onCancel(zip_t *, void *shared)
{
    return static_cast<PackageBuilder::Shared *>(shared)->cancelled ? 1 : 0;
}

QString sha1Hex(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

Outcome zipFolder(const QString &directory, const QString &zipPath, PackageBuilder::Shared &shared)
{
    const QDir root(directory);
    if (!root.exists())
        return {std::nullopt, PackageBuilder::tr("The folder %1 does not exist.").arg(directory)};
    QStringList files;
    QDirIterator walk(directory, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                      QDirIterator::Subdirectories);
    while (walk.hasNext()) {
        const QString relative = root.relativeFilePath(walk.next());
        if (!leftOut(relative))
            files << relative;
    }
    if (files.isEmpty())
        return {std::nullopt,
                PackageBuilder::tr("The folder %1 has no files to send.").arg(directory)};

    int code = 0;
    zip_t *zip = zip_open(QFile::encodeName(zipPath).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!zip)
        return {std::nullopt, PackageBuilder::tr("Cannot create %1.").arg(zipPath)};
    for (const QString &relative : files) {
        const QByteArray absolute = QFile::encodeName(root.absoluteFilePath(relative));
        zip_source_t *source = zip_source_file(zip, absolute.constData(), 0, -1);
        if (!source || zip_file_add(zip, relative.toUtf8().constData(), source,
                                    ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            const QString problem = QString::fromUtf8(zip_strerror(zip));
            zip_source_free(source);
            zip_discard(zip);
            return {std::nullopt, PackageBuilder::tr("Cannot add %1: %2").arg(relative, problem)};
        }
    }
    zip_register_progress_callback_with_state(zip, 0.01, onProgress, nullptr, &shared);
    zip_register_cancel_callback_with_state(zip, onCancel, nullptr, &shared);
    if (zip_close(zip) < 0) {
        const QString problem = shared.cancelled ? PackageBuilder::tr("Cancelled.")
                                                 : QString::fromUtf8(zip_strerror(zip));
        zip_discard(zip);
        QFile::remove(zipPath);
        return {std::nullopt, problem};
    }
    Package package;
    package.zipPath = zipPath;
    package.files = int(files.size());
    package.bytes = QFileInfo(zipPath).size();
    if (package.bytes > PackageBuilder::kMaxPackageBytes) {
        QFile::remove(zipPath);
        return {std::nullopt,
                PackageBuilder::tr(
                    "The working directory makes a package of %1; Ray accepts at most 100 MiB. "
                    "Leave large data out of the folder and read it from storage instead.")
                    .arg(QLocale().formattedDataSize(package.bytes))};
    }
    package.uri = QStringLiteral("gcs://_ray_pkg_%1.zip").arg(sha1Hex(zipPath));
    return {package, {}};
}

} // namespace

PackageBuilder::PackageBuilder(QObject *parent)
    : QObject(parent), m_shared(std::make_shared<Shared>())
{}

PackageBuilder::~PackageBuilder()
{
    cancel();
}

void PackageBuilder::start(const QString &directory, const QString &zipPath)
{
    m_shared = std::make_shared<Shared>();
    QPointer<PackageBuilder> self(this);
    QThreadPool::globalInstance()->start([self, shared = m_shared, directory, zipPath] {
        Outcome outcome = zipFolder(directory, zipPath, *shared);
        // Delivered through the application object, which outlives this builder: `self` is
        // checked on the GUI thread, where it can be deleted.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, shared, outcome = std::move(outcome)] {
                if (self && self->m_shared == shared && !shared->cancelled)
                    Q_EMIT self->finished(outcome.package, outcome.error);
            },
            Qt::QueuedConnection);
    });
}

void PackageBuilder::cancel()
{
    m_shared->cancelled = true;
}

double PackageBuilder::progress() const
{
    return m_shared->permille / 1000.0;
}

} // namespace rov::core
