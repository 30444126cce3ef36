#include "objectstore.h"

#include "localplane/diagnostics.h"
#include "localplane/state/durablefile.h"
#include "multipartbody.h"
#include "rest/jsonfields.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>
#include <array>
#include <cerrno>
#include <fcntl.h>
#include <set>
#include <unistd.h>

namespace rov::localplane::storage {

using nlohmann::json;
using rest::ApiError;

namespace {

constexpr int kMaxResults = 1000;
constexpr int kMaxSegmentBytes = 255; // NAME_MAX: each part of a name is a file or a folder

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

ApiResult noSuchBucket(const QString &bucket)
{
    return ApiResult::error(QStringLiteral("NOT_FOUND"),
                            QStringLiteral("No such bucket: %1").arg(bucket.left(80)));
}

// A fault of this computer's disk: rovd's log names the file, the answer does not.
ApiResult diskFault(const FileFault &fault, const QString &what)
{
    diagnostics::warn(diagnostics::lcStorage(), fault.describe());
    return ApiResult::error(fault.toApiError(what));
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// The checksums Cloud Storage gives: MD5 and CRC32C (big-endian), base64.
struct Checksums
{
    QByteArray md5;
    QByteArray crc32c;
};

QByteArray bigEndian(quint32 value)
{
    QByteArray bytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        bytes[i] = char((value >> (24 - 8 * i)) & 0xff);
    return bytes;
}

Checksums checksumsOf(const QByteArray &data)
{
    return {QCryptographicHash::hash(data, QCryptographicHash::Md5).toBase64(),
            bigEndian(crc32c(data)).toBase64()};
}

// Read in blocks: a resumable upload may be larger than rovd wants to hold.
std::optional<Checksums> checksumsOfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QCryptographicHash md5(QCryptographicHash::Md5);
    quint32 crc = 0;
    while (!file.atEnd()) {
        const QByteArray block = file.read(1 << 20);
        if (block.isEmpty() && file.error() != QFileDevice::NoError)
            return std::nullopt;
        md5.addData(block);
        crc = crc32c(block, crc);
    }
    return Checksums{md5.result().toBase64(), bigEndian(crc).toBase64()};
}

// A temporary file of DurableFile's (".NAME.rov-XXXXXX"): not an object.
bool isTemporary(const QString &name)
{
    static const QRegularExpression temporary(
        QStringLiteral("(^|/)\\.[^/]*\\.rov-[A-Za-z0-9]{6}$"));
    return temporary.match(name).hasMatch();
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
    if (!rule.match(bucket).hasMatch())
        return QStringLiteral("Bucket name \"%1\" must be 3 to 63 of a-z, 0-9, -, _ and ., "
                              "starting and ending with a letter or digit")
            .arg(bucket.left(80));
    // As Cloud Storage: names that could pass for Google's own are refused.
    if (bucket.startsWith(QLatin1String("goog")) || bucket.contains(QLatin1String("google")))
        return QStringLiteral("Bucket name \"%1\" cannot start with \"goog\" or contain "
                              "\"google\"")
            .arg(bucket);
    return {};
}

QString objectNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("The object needs a name");
    if (name.toUtf8().size() > 1024)
        return QStringLiteral("An object name is at most 1024 bytes of UTF-8");
    if (name.contains(QChar(0)) || name.contains(QLatin1Char('\n')) ||
        name.contains(QLatin1Char('\r')))
        return QStringLiteral("An object name cannot hold NUL, carriage return or line feed "
                              "characters");
    if (name.endsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('/')))
        return QStringLiteral("rovd keeps objects as files: a name cannot start or end with /");
    for (const QString &segment : name.split(QLatin1Char('/'))) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return QStringLiteral("rovd keeps objects as files: \"%1\" has an empty, . or .. "
                                  "part between slashes")
                .arg(name.left(200));
        if (segment.toUtf8().size() > kMaxSegmentBytes)
            return QStringLiteral("rovd keeps objects as files: each part of a name between "
                                  "slashes is at most %1 bytes, and \"%2…\" has %3")
                .arg(kMaxSegmentBytes)
                .arg(segment.left(40))
                .arg(segment.toUtf8().size());
    }
    return {};
}

ObjectStore::ObjectStore(QString root, QString uploads)
    : m_root(std::move(root)), m_uploads(std::move(uploads))
{
    for (const QString &folder : {m_root, m_uploads}) {
        if (const auto problem = makeDirectories(folder))
            diagnostics::warn(diagnostics::lcStorage(), problem->describe());
    }
}

void ObjectStore::setPublicBase(const QString &base)
{
    std::lock_guard lock(m_mutex);
    m_publicBase = base;
}

QString ObjectStore::publicBase() const
{
    std::lock_guard lock(m_mutex);
    return m_publicBase;
}

QString ObjectStore::pathOf(const QString &bucket, const QString &name) const
{
    if (!bucketProblem(bucket).isEmpty() || !objectNameProblem(name).isEmpty())
        return {};
    return QDir(m_root).filePath(bucket + QLatin1Char('/') + name);
}

namespace {

// Objects are files: generation and times come from the file (a rewrite is a new generation).
// The checksums need the bytes: given by a caller that has them; a listing, which would read
// every file for them, goes without (as Cloud Storage's composite objects do).
json objectJson(const QString &base, const QString &bucket, const QString &name,
                const QString &path, const Checksums *sums)
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
        {"selfLink", text(QStringLiteral("%1/storage/v1/b/%2/o/%3").arg(base, bucket, encoded))},
        {"mediaLink",
         text(QStringLiteral("%1/download/storage/v1/b/%2/o/%3?generation=%4&alt=media")
                  .arg(base, bucket, encoded, generation))}};
    if (sums) {
        object["md5Hash"] = sums->md5.toStdString();
        object["crc32c"] = sums->crc32c.toStdString();
    }
    return object;
}

} // namespace

ApiResult ObjectStore::getBucket(const QString &bucket) const
{
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    const QFileInfo info(QDir(m_root).filePath(bucket));
    if (!info.isDir())
        return noSuchBucket(bucket);
    return ApiResult::ok(
        {{"kind", "storage#bucket"},
         {"id", text(bucket)},
         {"name", text(bucket)},
         {"selfLink", text(publicBase() + QStringLiteral("/storage/v1/b/") + bucket)},
         {"location", "US-CENTRAL1"},
         {"locationType", "region"},
         {"storageClass", "STANDARD"},
         {"metageneration", "1"},
         {"etag", "CAE="},
         {"timeCreated", text(rfc3339(info.lastModified()))},
         {"updated", text(rfc3339(info.lastModified()))}});
}

ApiResult ObjectStore::listBuckets() const
{
    // rovd has one project: every bucket is its. Folders whose names Cloud Storage would refuse
    // (none rovd makes) are not buckets.
    json items = json::array();
    const QStringList names = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        if (!bucketProblem(name).isEmpty())
            continue;
        ApiResult bucket = getBucket(name);
        if (bucket.status == 200)
            items.push_back(std::move(bucket.body));
    }
    return ApiResult::ok({{"kind", "storage#buckets"}, {"items", std::move(items)}});
}

ApiResult ObjectStore::storageLayout(const QString &bucket) const
{
    const ApiResult found = getBucket(bucket);
    if (found.status != 200)
        return found;
    return ApiResult::ok({{"kind", "storage#storageLayout"},
                          {"bucket", text(bucket)},
                          {"location", "US-CENTRAL1"},
                          {"locationType", "region"},
                          {"hierarchicalNamespace", {{"enabled", false}}}});
}

ApiResult ObjectStore::insertBucket(const json &body)
{
    const QString bucket = rest::stringMember(body, "name");
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    const QString path = QDir(m_root).filePath(bucket);
    if (QFileInfo(path).isDir())
        return ApiResult::error(
            ApiError::withHttpStatus(409, QStringLiteral("ALREADY_EXISTS"),
                                     QStringLiteral("Bucket %1 exists already").arg(bucket)));
    if (const auto problem = makeDirectories(path))
        return diskFault(*problem, QStringLiteral("the bucket"));
    if (const auto problem = syncDirectory(m_root))
        return diskFault(*problem, QStringLiteral("the bucket"));
    return getBucket(bucket);
}

ApiResult ObjectStore::list(const QString &bucket, const QString &prefix, const QString &delimiter,
                            const QString &pageToken, const QString &maxResults) const
{
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    const QDir root(QDir(m_root).filePath(bucket));
    if (!root.exists())
        return noSuchBucket(bucket);
    bool ok = true;
    const int limit = maxResults.isEmpty() ? kMaxResults : maxResults.toInt(&ok);
    if (!ok || limit < 1)
        return invalid(QStringLiteral("maxResults must be a whole number from 1"));
    const QString after = QString::fromUtf8(QByteArray::fromBase64(pageToken.toLatin1()));
    std::vector<QString> names;
    QDirIterator files(root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString name = root.relativeFilePath(files.next());
        if (name.startsWith(prefix) && objectNameProblem(name).isEmpty() && !isTemporary(name))
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
            items.push_back(objectJson(publicBase(), bucket, name, root.filePath(name), nullptr));
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

std::optional<ByteRange> readByteRange(const QByteArray &header, qint64 size)
{
    const QByteArray spec = header.trimmed();
    if (!spec.startsWith("bytes=") || spec.contains(','))
        return std::nullopt;
    const QByteArray range = spec.mid(6).trimmed();
    const qsizetype dash = range.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    bool firstOk = false;
    bool lastOk = false;
    const QByteArray firstText = range.left(dash).trimmed();
    const QByteArray lastText = range.mid(dash + 1).trimmed();
    const qint64 first = firstText.toLongLong(&firstOk);
    const qint64 last = lastText.toLongLong(&lastOk);
    ByteRange answer;
    if (firstText.isEmpty()) { // bytes=-N: the last N bytes
        if (!lastOk || last < 0)
            return std::nullopt;
        if (last == 0 || size == 0)
            return ByteRange{0, -1, false};
        answer.first = std::max<qint64>(0, size - last);
        answer.last = size - 1;
        return answer;
    }
    if (!firstOk || first < 0 || (!lastText.isEmpty() && (!lastOk || last < first)))
        return std::nullopt;
    if (first >= size)
        return ByteRange{first, -1, false};
    answer.first = first;
    answer.last = lastText.isEmpty() ? size - 1 : std::min(last, size - 1);
    return answer;
}

ApiResult ObjectStore::get(const QString &bucket, const QString &object, bool media,
                           const QByteArray &rangeHeader) const
{
    const QString path = pathOf(bucket, object);
    if (path.isEmpty() || !QFileInfo(path).isFile() || isTemporary(object))
        return noSuchObject(bucket, object);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return diskFault({errno, QStringLiteral("open"), path}, QStringLiteral("the object"));
    const QByteArray data = file.readAll();
    const Checksums sums = checksumsOf(data);
    const json meta = objectJson(publicBase(), bucket, object, path, &sums);
    if (!media)
        return ApiResult::ok(meta);
    const auto range = readByteRange(rangeHeader, data.size());
    if (range && !range->satisfiable) {
        ApiResult refused = ApiResult::error(
            QStringLiteral("OUT_OF_RANGE"),
            QStringLiteral("The requested range %1 is past the end of %2 (%3 bytes).")
                .arg(QString::fromLatin1(rangeHeader.trimmed()), object)
                .arg(data.size()));
        refused.status = 416; // Cloud Storage's "requestedRangeNotSatisfiable"
        refused.body["error"]["code"] = 416;
        refused.headers.push_back({"Content-Range", "bytes */" + std::to_string(data.size())});
        return refused;
    }
    ApiResult result;
    if (range) {
        result.status = 206;
        result.rawBody = data.mid(range->first, range->last - range->first + 1).toStdString();
        result.headers.push_back({"Content-Range", "bytes " + std::to_string(range->first) + "-" +
                                                       std::to_string(range->last) + "/" +
                                                       std::to_string(data.size())});
    } else {
        result.rawBody = data.toStdString();
    }
    // rovd keeps no content type of an upload's (the metadata's follows the name): the bytes go
    // out as they are, never compressed on the way (clients check the size they were told).
    result.rawContentType = "application/octet-stream";
    result.headers.push_back(
        {"x-goog-hash", "crc32c=" + sums.crc32c.toStdString() + ",md5=" + sums.md5.toStdString()});
    result.headers.push_back({"x-goog-generation", meta["generation"].get<std::string>()});
    result.headers.push_back({"x-goog-metageneration", "1"});
    result.headers.push_back({"x-goog-stored-content-length", std::to_string(data.size())});
    result.headers.push_back({"x-goog-stored-content-encoding", "identity"});
    return result;
}

// rmdir(2) itself is the test of emptiness: it refuses a folder that holds anything, atomically,
// so removals running side by side (gcloud's `rm -r` deletes in parallel) cannot remove a folder
// another just wrote into. The walk stops at the first folder that stays, or is gone already
// (another removal took it and the ones above): it never asks twice about the same folder.
void removeEmptyFolders(const QString &from, const QString &stopAt)
{
    const QString stop = QDir::cleanPath(stopAt);
    for (QString folder = QDir::cleanPath(from);
         folder.size() > stop.size() && folder.startsWith(stop + QLatin1Char('/'));
         folder = QFileInfo(folder).path()) {
        if (::rmdir(QFile::encodeName(folder).constData()) != 0)
            return;
    }
}

ApiResult ObjectStore::remove(const QString &bucket, const QString &object)
{
    const QString path = pathOf(bucket, object);
    if (path.isEmpty() || !QFileInfo(path).isFile() || isTemporary(object))
        return noSuchObject(bucket, object);
    if (::unlink(QFile::encodeName(path).constData()) != 0)
        return diskFault({errno, QStringLiteral("unlink"), path},
                         QStringLiteral("the object's removal"));
    // A folder gone already was emptied and removed by a removal running beside this one: the
    // unlink took effect.
    if (const auto problem = syncDirectory(QFileInfo(path).absolutePath());
        problem && problem->error != ENOENT)
        return diskFault(*problem, QStringLiteral("the object's removal"));
    // Empty folders go with their last object, as "folders" do in Cloud Storage.
    removeEmptyFolders(QFileInfo(path).absolutePath(), QDir(m_root).filePath(bucket));
    ApiResult result = ApiResult::ok(json::object());
    result.status = 204;
    result.rawBody = std::string();
    return result;
}

// Why `name` cannot be stored in `bucket` before any byte is written; an empty result if it can.
std::optional<ApiResult> ObjectStore::storeProblem(const QString &bucket, const QString &name) const
{
    if (const QString problem = bucketProblem(bucket); !problem.isEmpty())
        return invalid(problem);
    if (const QString problem = objectNameProblem(name); !problem.isEmpty())
        return invalid(problem);
    const QString path = pathOf(bucket, name);
    if (QFileInfo(path).isDir())
        return ApiResult::error(ApiError::withStatus(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral("rovd keeps objects as files, and %1 is the folder of other objects "
                           "(%1/...)")
                .arg(name.left(200))));
    // A part of the name that is an object already cannot be a folder too.
    for (QString folder = QFileInfo(path).absolutePath();
         folder.size() > m_root.size() && folder.startsWith(m_root);
         folder = QFileInfo(folder).absolutePath()) {
        if (QFileInfo(folder).isFile())
            return ApiResult::error(ApiError::withStatus(
                QStringLiteral("FAILED_PRECONDITION"),
                QStringLiteral("rovd keeps objects as files, and %1 is an object already: it "
                               "cannot also be a folder of %2")
                    .arg(QDir(QDir(m_root).filePath(bucket)).relativeFilePath(folder),
                         name.left(200))));
    }
    return std::nullopt;
}

ApiResult ObjectStore::writeObject(const QString &bucket, const QString &name,
                                   const QByteArray &data)
{
    if (auto problem = storeProblem(bucket, name))
        return *problem;
    const QString path = pathOf(bucket, name);
    if (const auto fault = writeFileDurably(path, data))
        return diskFault(*fault, QStringLiteral("the object"));
    const Checksums sums = checksumsOf(data);
    return ApiResult::ok(objectJson(publicBase(), bucket, name, path, &sums));
}

ApiResult ObjectStore::uploadMedia(const QString &bucket, const QString &name,
                                   const QByteArray &data)
{
    if (name.isEmpty())
        return invalid(QStringLiteral("uploadType=media needs the object's name in the query "
                                      "(name=...)"));
    return writeObject(bucket, name, data);
}

ApiResult ObjectStore::uploadMultipart(const QString &bucket, const QByteArray &contentType,
                                       const QByteArray &body)
{
    const auto read = readMultipartBody(contentType, body);
    if (const auto *problem = std::get_if<QString>(&read))
        return invalid(QStringLiteral("uploadType=multipart: %1").arg(*problem));
    const auto &parts = std::get<std::vector<BodyPart>>(read);
    if (parts.size() != 2)
        return invalid(QStringLiteral("A multipart upload has two parts, the metadata (JSON) and "
                                      "the data; this one has %1")
                           .arg(parts.size()));
    const json metadata = json::parse(parts[0].data.toStdString(), nullptr, false);
    if (!metadata.is_object())
        return invalid(QStringLiteral("The first part of a multipart upload is the object's "
                                      "metadata as a JSON object"));
    return writeObject(bucket, rest::stringMember(metadata, "name"), parts[1].data);
}

// ---- resumable uploads ----------------------------------------------------------------------

namespace {

bool isSessionId(const QString &id)
{
    static const QRegularExpression rule(QStringLiteral("^[0-9a-f]{32}$"));
    return rule.match(id).hasMatch();
}

} // namespace

QString ObjectStore::sessionFile(const QString &uploadId) const
{
    return QDir(m_uploads).filePath(uploadId + QStringLiteral(".json"));
}

QString ObjectStore::sessionData(const QString &uploadId) const
{
    return QDir(m_uploads).filePath(uploadId + QStringLiteral(".part"));
}

std::optional<ObjectStore::Session> ObjectStore::session(const QString &uploadId) const
{
    if (!isSessionId(uploadId))
        return std::nullopt;
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_sessions.find(uploadId); it != m_sessions.end())
            return it->second;
    }
    // One a restarted rovd has not seen yet: what is on disk is what arrived.
    QFile file(sessionFile(uploadId));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const json doc = json::parse(file.readAll().toStdString(), nullptr, false);
    if (!doc.is_object())
        return std::nullopt;
    Session found{rest::stringMember(doc, "bucket"), rest::stringMember(doc, "name"),
                  std::max<qint64>(0, QFileInfo(sessionData(uploadId)).size())};
    std::lock_guard lock(m_mutex);
    return m_sessions.emplace(uploadId, found).first->second;
}

bool ObjectStore::hasSession(const QString &uploadId) const
{
    return session(uploadId).has_value();
}

ApiResult ObjectStore::startResumable(const QString &bucket, const QString &name,
                                      const json &metadata)
{
    QString object = name;
    if (object.isEmpty())
        object = rest::stringMember(metadata, "name");
    if (auto problem = storeProblem(bucket, object))
        return *problem;
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    const json doc = {{"bucket", text(bucket)},
                      {"name", text(object)},
                      {"created", text(rfc3339(QDateTime::currentDateTimeUtc()))}};
    if (const auto fault = writeFileDurably(sessionData(id), {}))
        return diskFault(*fault, QStringLiteral("the upload session"));
    if (const auto fault = writeFileDurably(sessionFile(id), QByteArray::fromStdString(doc.dump())))
        return diskFault(*fault, QStringLiteral("the upload session"));
    {
        std::lock_guard lock(m_mutex);
        m_sessions[id] = Session{bucket, object, 0};
    }
    ApiResult result = ApiResult::ok(json::object());
    result.headers.push_back(
        {"Location", text(QStringLiteral("%1/upload/storage/v1/b/%2/o?uploadType=resumable&"
                                         "upload_id=%3")
                              .arg(publicBase(), bucket, id))});
    return result;
}

namespace {

struct ChunkRange
{
    bool hasBytes = true; // false: "bytes */TOTAL", a question
    qint64 first = -1;    // -1: from what arrived (no Content-Range)
    qint64 last = -1;
    qint64 total = -1; // -1: not known yet
};

std::variant<ChunkRange, QString> readContentRange(const QByteArray &header, qint64 size)
{
    ChunkRange range;
    if (header.trimmed().isEmpty())
        return range; // the whole rest of the object in this request
    static const QRegularExpression rule(
        QStringLiteral("^bytes (?:(\\d{1,18})-(\\d{1,18})|\\*)/(\\d{1,18}|\\*)$"));
    const auto match = rule.match(QString::fromLatin1(header).trimmed());
    if (!match.hasMatch())
        return QStringLiteral("Content-Range \"%1\" is not bytes A-B/TOTAL, bytes A-B/* or "
                              "bytes */TOTAL")
            .arg(QString::fromLatin1(header.left(80)));
    range.hasBytes = !match.captured(1).isEmpty();
    if (match.captured(3) != QLatin1String("*"))
        range.total = match.captured(3).toLongLong();
    if (!range.hasBytes)
        return size == 0 ? std::variant<ChunkRange, QString>(range)
                         : QStringLiteral("Content-Range bytes */… asks how much arrived and "
                                          "carries no bytes; this request has %1")
                               .arg(size);
    range.first = match.captured(1).toLongLong();
    range.last = match.captured(2).toLongLong();
    if (range.last < range.first || range.last - range.first + 1 != size)
        return QStringLiteral("Content-Range says bytes %1-%2, but the request carries %3")
            .arg(range.first)
            .arg(range.last)
            .arg(size);
    if (range.total >= 0 && range.last >= range.total)
        return QStringLiteral("Content-Range ends at byte %1 of an object of %2 bytes")
            .arg(range.last)
            .arg(range.total);
    return range;
}

// The bytes at `offset` of the file, synced; the file is cut back to `keep` bytes if they are not.
std::optional<FileFault> writeAt(const QString &path, qint64 offset, const QByteArray &data,
                                 qint64 keep)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return FileFault{errno, QStringLiteral("open"), path};
    std::optional<FileFault> problem;
    const char *bytes = data.constData();
    qint64 left = data.size();
    while (left > 0 && !problem) {
        const ssize_t wrote = ::pwrite(fd, bytes, size_t(left), off_t(offset));
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            problem = FileFault{wrote < 0 ? errno : ENOSPC, QStringLiteral("write"), path};
        else
            bytes += wrote, left -= wrote, offset += wrote;
    }
    if (!problem)
        problem = syncDescriptor(fd, path);
    if (problem && ::ftruncate(fd, off_t(keep)) != 0)
        diagnostics::warn(diagnostics::lcStorage(),
                          QStringLiteral("could not cut %1 back to %2 bytes").arg(path).arg(keep));
    ::close(fd);
    return problem;
}

} // namespace

ApiResult ObjectStore::putChunk(const QString &uploadId, const QByteArray &contentRange,
                                const QByteArray &data)
{
    const auto read = readContentRange(contentRange, data.size());
    if (const auto *problem = std::get_if<QString>(&read))
        return invalid(*problem);
    const ChunkRange range = std::get<ChunkRange>(read);
    auto found = session(uploadId);
    if (!found)
        return ApiResult::error(
            QStringLiteral("NOT_FOUND"),
            QStringLiteral("No such upload session: %1 (it finished, or never was)")
                .arg(uploadId.left(80)));
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_sessions.find(uploadId);
        if (it == m_sessions.end())
            return ApiResult::error(
                QStringLiteral("NOT_FOUND"),
                QStringLiteral("The upload session %1 has just finished").arg(uploadId.left(80)));
        if (!m_busy.insert(uploadId).second)
            return ApiResult::error(ApiError::withHttpStatus(
                409, QStringLiteral("ABORTED"),
                QStringLiteral("Another chunk of this upload is being written; send chunks one "
                               "at a time")));
        found = it->second;
    }
    Session session = *found;
    const auto release = [&](qint64 received) {
        std::lock_guard lock(m_mutex);
        m_busy.erase(uploadId);
        if (const auto it = m_sessions.find(uploadId); it != m_sessions.end())
            it->second.received = received;
    };
    if (range.hasBytes) {
        const qint64 first = range.first >= 0 ? range.first : session.received;
        if (first > session.received) {
            release(session.received);
            return invalid(QStringLiteral("The chunk starts at byte %1, but %2 bytes arrived so "
                                          "far: send from byte %2")
                               .arg(first)
                               .arg(session.received));
        }
        if (const auto fault = writeAt(sessionData(uploadId), first, data, session.received)) {
            release(session.received);
            return diskFault(*fault, QStringLiteral("the upload's bytes"));
        }
        session.received = std::max(session.received, first + data.size());
    }
    const qint64 total = contentRange.trimmed().isEmpty() ? session.received : range.total;
    if (total < 0 || session.received < total) {
        release(session.received);
        ApiResult incomplete = ApiResult::ok(json::object());
        incomplete.status = 308;
        incomplete.rawBody = std::string();
        if (session.received > 0)
            incomplete.headers.push_back(
                {"Range", "bytes=0-" + std::to_string(session.received - 1)});
        return incomplete;
    }
    ApiResult done = finishUpload(uploadId, session, total);
    release(session.received);
    return done;
}

ApiResult ObjectStore::finishUpload(const QString &uploadId, const Session &session, qint64 total)
{
    if (auto problem = storeProblem(session.bucket, session.name))
        return *problem;
    const QString part = sessionData(uploadId);
    if (QFileInfo(part).size() > total && !QFile::resize(part, total))
        return diskFault({EIO, QStringLiteral("truncate"), part}, QStringLiteral("the object"));
    const auto sums = checksumsOfFile(part);
    if (!sums)
        return diskFault({EIO, QStringLiteral("read"), part}, QStringLiteral("the object"));
    const QString path = pathOf(session.bucket, session.name);
    if (const auto fault = makeDirectories(QFileInfo(path).absolutePath()))
        return diskFault(*fault, QStringLiteral("the object"));
    // The upload's file becomes the object: no second copy of its bytes.
    if (::rename(QFile::encodeName(part).constData(), QFile::encodeName(path).constData()) != 0) {
        if (errno != EXDEV)
            return diskFault({errno, QStringLiteral("rename"), path}, QStringLiteral("the object"));
        if (const auto fault = copyFileDurably(part, path))
            return diskFault(*fault, QStringLiteral("the object"));
        QFile::remove(part);
    }
    if (const auto fault = syncDirectory(QFileInfo(path).absolutePath()))
        return diskFault(*fault, QStringLiteral("the object"));
    QFile::remove(sessionFile(uploadId));
    {
        std::lock_guard lock(m_mutex);
        m_sessions.erase(uploadId);
    }
    return ApiResult::ok(objectJson(publicBase(), session.bucket, session.name, path, &*sums));
}

void linkThroughPathToken(json &resource, const QString &base, const QString &pathToken)
{
    if (resource.contains("items") && resource["items"].is_array()) {
        for (json &item : resource["items"])
            linkThroughPathToken(item, base, pathToken);
        return;
    }
    if (resource.value("kind", "") != "storage#object")
        return;
    const std::string from = base.toStdString();
    const std::string to = (base + pathToken).toStdString();
    for (const char *field : {"selfLink", "mediaLink"}) {
        auto link = resource.find(field);
        if (link != resource.end() && link->is_string() &&
            link->get_ref<const std::string &>().starts_with(from))
            *link = to + link->get<std::string>().substr(from.size());
    }
}

} // namespace rov::localplane::storage
