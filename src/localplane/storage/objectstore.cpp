#include "objectstore.h"

#include "rest/jsonfields.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>
#include <QUuid>
#include <array>
#include <set>

namespace rov::localplane::storage {

using nlohmann::json;
using rest::ApiError;

namespace {

constexpr int kMaxResults = 1000;

std::string text(const QString &value)
{
    return value.toStdString();
}

ApiResult invalid(const QString &message)
{
    return ApiResult::error(ApiError::invalidArgument(message));
}

ApiResult noSuchObject(const QString &bucket, const QString &name)
{
    return ApiResult::error(QStringLiteral("NOT_FOUND"),
                            QStringLiteral("No such object: %1/%2").arg(bucket, name.left(300)));
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray crc32cBigEndian(const QByteArray &data)
{
    const quint32 crc = crc32c(data);
    QByteArray bytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        bytes[i] = char((crc >> (24 - 8 * i)) & 0xff);
    return bytes;
}

// Objects are files: generation and times come from the file (a rewrite is a new generation).
// The checksums need the bytes: given by a caller that holds them; a listing, which would read
// every file for them, goes without (as Cloud Storage's composite objects do).
json objectJson(const QString &bucket, const QString &name, const QString &path,
                const QByteArray *data)
{
    const QFileInfo info(path);
    const QString generation = QString::number(info.lastModified().toMSecsSinceEpoch() * 1000);
    const QString type =
        QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension).name();
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(name));
    json object = {
        {"kind", "storage#object"},
        {"id", text(bucket + QLatin1Char('/') + name + QLatin1Char('/') + generation)},
        {"name", text(name)},
        {"bucket", text(bucket)},
        {"generation", text(generation)},
        {"metageneration", "1"},
        {"contentType", text(type)},
        {"size", std::to_string(info.size())},
        {"etag", text(generation)},
        {"storageClass", "STANDARD"},
        {"timeCreated",
         text(rfc3339(info.birthTime().isValid() ? info.birthTime() : info.lastModified()))},
        {"updated", text(rfc3339(info.lastModified()))},
        {"selfLink", text(QStringLiteral("/storage/v1/b/%1/o/%2").arg(bucket, encoded))},
        {"mediaLink",
         text(QStringLiteral("/download/storage/v1/b/%1/o/%2?alt=media").arg(bucket, encoded))}};
    if (data) {
        object["md5Hash"] =
            QCryptographicHash::hash(*data, QCryptographicHash::Md5).toBase64().toStdString();
        object["crc32c"] = crc32cBigEndian(*data).toBase64().toStdString();
    }
    return object;
}

// The boundary of a multipart/related Content-Type; empty when there is none.
QByteArray boundaryOf(const QByteArray &contentType)
{
    static const QRegularExpression boundary(QStringLiteral("boundary=\"?([^\";]+)\"?"));
    const auto match = boundary.match(QString::fromLatin1(contentType));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

// The parts of a multipart body, each without its headers.
std::vector<QByteArray> partsOf(const QByteArray &body, const QByteArray &boundary)
{
    std::vector<QByteArray> parts;
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        qsizetype start = at + delimiter.size();
        if (body.mid(start, 2) == "--")
            break;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", start);
        const qsizetype next = body.indexOf(delimiter, start);
        if (headersEnd < 0 || next < 0 || headersEnd > next)
            break;
        qsizetype end = next;
        if (end >= 2 && body.mid(end - 2, 2) == "\r\n")
            end -= 2;
        parts.push_back(body.mid(headersEnd + 4, end - headersEnd - 4));
        at = next;
    }
    return parts;
}

} // namespace

quint32 crc32c(const QByteArray &data, quint32 crc)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> values{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 value = i;
            for (int bit = 0; bit < 8; ++bit)
                value = (value & 1) ? (value >> 1) ^ 0x82F63B78u : value >> 1;
            values[i] = value;
        }
        return values;
    }();
    crc = ~crc;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xff] ^ (crc >> 8);
    return ~crc;
}

QString bucketProblem(const QString &bucket)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$"));
    if (rule.match(bucket).hasMatch())
        return {};
    return QStringLiteral("Bucket name \"%1\" must be 3 to 63 of a-z, 0-9, -, _ and ., starting "
                          "and ending with a letter or digit")
        .arg(bucket.left(80));
}

QString objectNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("The object needs a name");
    if (name.toUtf8().size() > 1024)
        return QStringLiteral("An object name is at most 1024 bytes");
    if (name.endsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('/')))
        return QStringLiteral("rovd keeps objects as files: a name cannot start or end with /");
    for (const QString &segment : name.split(QLatin1Char('/'))) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return QStringLiteral("rovd keeps objects as files: \"%1\" has an empty, . or .. "
                                  "segment")
                .arg(name.left(200));
    }
    if (name.contains(QChar(0)) || name.contains(QLatin1Char('\n')))
        return QStringLiteral("An object name cannot hold NUL or newline characters");
    return {};
}

ObjectStore::ObjectStore(QString root, QString uploads)
    : m_root(std::move(root)), m_uploads(std::move(uploads))
{
    QDir().mkpath(m_root);
    QDir().mkpath(m_uploads);
}

QString ObjectStore::pathOf(const QString &bucket, const QString &name) const
{
    if (!bucketProblem(bucket).isEmpty() || !objectNameProblem(name).isEmpty())
        return {};
    return QDir(m_root).filePath(bucket + QLatin1Char('/') + name);
}

ApiResult ObjectStore::getBucket(const QString &bucket) const
{
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    const QFileInfo info(QDir(m_root).filePath(bucket));
    if (!info.isDir())
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("No such bucket: %1").arg(bucket));
    return ApiResult::ok({{"kind", "storage#bucket"},
                          {"id", text(bucket)},
                          {"name", text(bucket)},
                          {"location", "US-CENTRAL1"},
                          {"storageClass", "STANDARD"},
                          {"timeCreated", text(rfc3339(info.lastModified()))},
                          {"updated", text(rfc3339(info.lastModified()))}});
}

ApiResult ObjectStore::insertBucket(const json &body)
{
    const QString bucket = rest::stringMember(body, "name");
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    const QString path = QDir(m_root).filePath(bucket);
    if (QFileInfo(path).isDir())
        return ApiResult::error(
            rest::ApiError::withHttpStatus(409, QStringLiteral("ALREADY_EXISTS"),
                                           QStringLiteral("Bucket %1 exists already").arg(bucket)));
    if (!QDir().mkpath(path))
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("cannot create %1").arg(path));
    return getBucket(bucket);
}

ApiResult ObjectStore::list(const QString &bucket, const QString &prefix, const QString &delimiter,
                            const QString &pageToken, const QString &maxResults) const
{
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    const QDir root(QDir(m_root).filePath(bucket));
    if (!root.exists())
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("No such bucket: %1").arg(bucket));
    bool ok = true;
    const int limit = maxResults.isEmpty() ? kMaxResults : maxResults.toInt(&ok);
    if (!ok || limit < 1)
        return invalid(QStringLiteral("maxResults must be a whole number from 1"));
    const QString after = QString::fromUtf8(QByteArray::fromBase64(pageToken.toLatin1()));
    std::vector<QString> names;
    QDirIterator files(root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString name = root.relativeFilePath(files.next());
        if (name.startsWith(prefix) && objectNameProblem(name).isEmpty())
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    json items = json::array();
    std::set<QString> prefixes;
    QString last;
    bool more = false;
    for (const QString &name : names) {
        if (!after.isEmpty() && name <= after)
            continue;
        if (int(items.size() + prefixes.size()) >= std::min(limit, kMaxResults)) {
            more = true;
            break;
        }
        last = name;
        const qsizetype cut = delimiter.isEmpty() ? -1 : name.indexOf(delimiter, prefix.size());
        if (cut >= 0)
            prefixes.insert(name.left(cut + delimiter.size()));
        else
            items.push_back(objectJson(bucket, name, root.filePath(name), nullptr));
    }
    json page = {{"kind", "storage#objects"}, {"items", items}};
    if (!prefixes.empty()) {
        page["prefixes"] = json::array();
        for (const QString &folder : prefixes)
            page["prefixes"].push_back(text(folder));
    }
    if (more)
        page["nextPageToken"] = last.toUtf8().toBase64().toStdString();
    return ApiResult::ok(page);
}

ApiResult ObjectStore::get(const QString &bucket, const QString &object, bool media) const
{
    const QString path = pathOf(bucket, object);
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return noSuchObject(bucket, object);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("cannot read %1").arg(path));
    const QByteArray data = file.readAll();
    if (!media)
        return ApiResult::ok(objectJson(bucket, object, path, &data));
    ApiResult result;
    result.rawBody = data.toStdString();
    result.rawContentType = "application/octet-stream";
    const json meta = objectJson(bucket, object, path, &data);
    result.headers.push_back({"x-goog-hash", "crc32c=" + meta["crc32c"].get<std::string>() +
                                                 ",md5=" + meta["md5Hash"].get<std::string>()});
    result.headers.push_back({"x-goog-generation", meta["generation"].get<std::string>()});
    result.headers.push_back({"x-goog-stored-content-length", std::to_string(data.size())});
    return result;
}

ApiResult ObjectStore::remove(const QString &bucket, const QString &object)
{
    const QString path = pathOf(bucket, object);
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return noSuchObject(bucket, object);
    if (!QFile::remove(path))
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("cannot remove %1").arg(path));
    // Empty folders go with their last object, as "folders" do in Cloud Storage.
    QDir bucketDir(QDir(m_root).filePath(bucket));
    for (QDir parent = QFileInfo(path).dir(); parent != bucketDir && parent.isEmpty();) {
        const QString name = parent.dirName();
        parent.cdUp();
        parent.rmdir(name);
    }
    ApiResult result = ApiResult::ok(json::object());
    result.status = 204;
    result.rawBody = std::string();
    return result;
}

ApiResult ObjectStore::write(const QString &bucket, const QString &name, const QByteArray &data)
{
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    if (const QString problem = objectNameProblem(name); !problem.isEmpty())
        return invalid(problem);
    const QString path = pathOf(bucket, name);
    if (QFileInfo(path).isDir())
        return invalid(QStringLiteral("%1 is a folder of other objects here: rovd keeps objects as "
                                      "files")
                           .arg(name.left(200)));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return invalid(
            QStringLiteral("an object is named like a folder of %1").arg(name.left(200)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return ApiResult::error(
            QStringLiteral("UNAVAILABLE"),
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return ApiResult::ok(objectJson(bucket, name, path, &data));
}

ApiResult ObjectStore::store(const QString &bucket, const QString &name, const QString &from)
{
    QFile file(from);
    if (!file.open(QIODevice::ReadOnly))
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("cannot read the upload %1").arg(from));
    ApiResult result = write(bucket, name, file.readAll());
    file.remove();
    return result;
}

ApiResult ObjectStore::uploadMedia(const QString &bucket, const QString &name,
                                   const QByteArray &data)
{
    if (name.isEmpty())
        return invalid(QStringLiteral("uploadType=media needs the object's name in the query "
                                      "(name=...)"));
    return write(bucket, name, data);
}

ApiResult ObjectStore::uploadMultipart(const QString &bucket, const QByteArray &contentType,
                                       const QByteArray &body)
{
    const QByteArray boundary = boundaryOf(contentType);
    if (!contentType.startsWith("multipart/") || boundary.isEmpty())
        return invalid(QStringLiteral("uploadType=multipart needs a multipart/related body with a "
                                      "boundary"));
    const auto parts = partsOf(body, boundary);
    if (parts.size() != 2)
        return invalid(QStringLiteral("A multipart upload has two parts, the metadata (JSON) and "
                                      "the data; this one has %1")
                           .arg(parts.size()));
    const json metadata = json::parse(parts[0].toStdString(), nullptr, false);
    if (!metadata.is_object())
        return invalid(QStringLiteral("The first part of a multipart upload is the object's "
                                      "metadata as JSON"));
    return write(bucket, rest::stringMember(metadata, "name"), parts[1]);
}

ApiResult ObjectStore::startResumable(const QString &bucket, const QString &name,
                                      const json &metadata, const QString &sessionBase)
{
    QString object = name;
    if (object.isEmpty())
        object = rest::stringMember(metadata, "name");
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    if (const QString problem = objectNameProblem(object); !problem.isEmpty())
        return invalid(problem);
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    Session session{bucket, object, QDir(m_uploads).filePath(id), 0};
    QFile file(session.file);
    if (!file.open(QIODevice::WriteOnly))
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("cannot create %1").arg(session.file));
    {
        std::lock_guard lock(m_mutex);
        m_sessions[id] = session;
    }
    ApiResult result = ApiResult::ok(json::object());
    result.headers.push_back(
        {"Location", text(QStringLiteral("%1/upload/storage/v1/b/%2/o?uploadType=resumable&"
                                         "upload_id=%3")
                              .arg(sessionBase, bucket, id))});
    return result;
}

ApiResult ObjectStore::putChunk(const QString &uploadId, const QByteArray &contentRange,
                                const QByteArray &data)
{
    std::unique_lock lock(m_mutex);
    const auto it = m_sessions.find(uploadId);
    if (it == m_sessions.end())
        return ApiResult::error(
            QStringLiteral("NOT_FOUND"),
            QStringLiteral("No such upload session: %1").arg(uploadId.left(80)));
    Session &session = it->second;
    // bytes A-B/TOTAL, bytes A-B/*, bytes */TOTAL; none: the whole object in one request.
    static const QRegularExpression range(
        QStringLiteral("^bytes (?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)$"));
    const auto match = range.match(QString::fromLatin1(contentRange).trimmed());
    if (!contentRange.isEmpty() && !match.hasMatch())
        return invalid(QStringLiteral("Content-Range \"%1\" is not bytes A-B/TOTAL")
                           .arg(QString::fromLatin1(contentRange.left(80))));
    const bool hasBytes = contentRange.isEmpty() || !match.captured(1).isEmpty();
    const qint64 first =
        hasBytes && !contentRange.isEmpty() ? match.captured(1).toLongLong() : session.received;
    qint64 total = -1;
    if (contentRange.isEmpty())
        total = session.received + data.size();
    else if (match.captured(3) != QLatin1String("*"))
        total = match.captured(3).toLongLong();
    if (hasBytes) {
        if (first > session.received)
            return invalid(QStringLiteral("The chunk starts at byte %1; %2 arrived so far")
                               .arg(first)
                               .arg(session.received));
        QFile file(session.file);
        if (!file.open(QIODevice::ReadWrite) || !file.seek(first) ||
            file.write(data) != data.size())
            return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                    QStringLiteral("cannot write the upload %1").arg(session.file));
        session.received = std::max(session.received, first + data.size());
    }
    if (total < 0 || session.received < total) {
        ApiResult incomplete = ApiResult::ok(json::object());
        incomplete.status = 308;
        incomplete.rawBody = std::string();
        if (session.received > 0)
            incomplete.headers.push_back(
                {"Range", "bytes=0-" + std::to_string(session.received - 1)});
        return incomplete;
    }
    const Session done = session;
    m_sessions.erase(it);
    lock.unlock();
    QFile::resize(done.file, total);
    return store(done.bucket, done.name, done.file);
}

} // namespace rov::localplane::storage
