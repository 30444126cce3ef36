// Cloud Storage over a folder, without a server: how clients frame uploads (gcloud's single-quoted
// boundary and bare LF, Python's CRLF, base64 parts), the names Cloud Storage refuses, a resumable
// upload across chunks and across a restart, and files written whole (DurableFile) with modes
// 0600 in folders 0700.
#include "localplane/state/durablefile.h"
#include "localplane/storage/multipartbody.h"
#include "localplane/storage/objectstore.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <future>
#include <sys/stat.h>
#include <thread>

using namespace rov::localplane;
using namespace rov::localplane::storage;
using nlohmann::json;

namespace {

QString statusOf(const ApiResult &result)
{
    return QString::fromStdString(result.body.value("error", json::object()).value("status", ""));
}

QString messageOf(const ApiResult &result)
{
    return QString::fromStdString(result.body.value("error", json::object()).value("message", ""));
}

std::string header(const ApiResult &result, const std::string &name)
{
    for (const auto &[key, value] : result.headers)
        if (key == name)
            return value;
    return {};
}

int modeOf(const QString &path)
{
    struct stat info
    {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

class TestObjectStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Links of objects asked for through /t/<token> keep the token; nothing else is touched.
    void linksGoThroughThePathToken()
    {
        const QString base = QStringLiteral("http://127.0.0.1:8788");
        nlohmann::json object = {
            {"kind", "storage#object"},
            {"selfLink", "http://127.0.0.1:8788/storage/v1/b/b/o/x"},
            {"mediaLink", "http://127.0.0.1:8788/download/storage/v1/b/b/o/x?alt=media"},
            {"name", "http://127.0.0.1:8788/x"}};
        nlohmann::json listing = {{"kind", "storage#objects"}, {"items", {object, object}}};
        rov::localplane::storage::linkThroughPathToken(listing, base, QStringLiteral("/t/tok"));
        for (const auto &item : listing["items"]) {
            QCOMPARE(item["selfLink"].get<std::string>(),
                     std::string("http://127.0.0.1:8788/t/tok/storage/v1/b/b/o/x"));
            QCOMPARE(
                item["mediaLink"].get<std::string>(),
                std::string("http://127.0.0.1:8788/t/tok/download/storage/v1/b/b/o/x?alt=media"));
            QCOMPARE(item["name"].get<std::string>(), std::string("http://127.0.0.1:8788/x"));
        }
        nlohmann::json bucket = {{"kind", "storage#bucket"},
                                 {"selfLink", "http://127.0.0.1:8788/storage/v1/b/b"}};
        rov::localplane::storage::linkThroughPathToken(bucket, base, QStringLiteral("/t/tok"));
        QCOMPARE(bucket["selfLink"].get<std::string>(),
                 std::string("http://127.0.0.1:8788/storage/v1/b/b"));
    }

    void boundariesAreReadQuotedEitherWay_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("boundary");
        QTest::newRow("bare") << QByteArray("multipart/related; boundary=abc") << QByteArray("abc");
        QTest::newRow("double quotes")
            << QByteArray("multipart/related; boundary=\"a b\"") << QByteArray("a b");
        // What gcloud storage cp sends for a small file.
        QTest::newRow("single quotes")
            << QByteArray("multipart/related; boundary='===============123=='")
            << QByteArray("===============123==");
        QTest::newRow("case and spaces")
            << QByteArray("Multipart/Related ;  Boundary = x1 ; charset=utf-8") << QByteArray("x1");
    }

    void boundariesAreReadQuotedEitherWay()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, boundary);
        QCOMPARE(headerParameter(contentType, "boundary").value_or("<none>"), boundary);
    }

    void aMissingParameterIsNone()
    {
        QVERIFY(!headerParameter("multipart/related", "boundary"));
        QVERIFY(!headerParameter("multipart/related; charset=x", "boundary"));
    }

    void multipartBodiesInEveryFramingClientsUse_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("CRLF (google-cloud-storage)")
            << QByteArray("multipart/related; boundary=\"xx\"")
            << QByteArray("--xx\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                          "{\"name\": \"a.txt\"}\r\n--xx\r\nContent-Type: text/plain\r\n\r\n"
                          "hello\r\n--xx--\r\n")
            << QByteArray("hello");
        QTest::newRow("LF and single quotes (gcloud)")
            << QByteArray("multipart/related; boundary='===b=='")
            << QByteArray("--===b==\nContent-Type: application/json\nMIME-Version: 1.0\n\n"
                          "{\"name\": \"a.txt\"}\n--===b==\nContent-Type: text/plain\n"
                          "MIME-Version: 1.0\n\nline 1\nline 2\n\n--===b==--")
            << QByteArray("line 1\nline 2\n");
        QTest::newRow("base64 part")
            << QByteArray("multipart/related; boundary=b")
            << QByteArray("--b\r\nContent-Type: application/json\r\n\r\n{\"name\": \"x\"}\r\n"
                          "--b\r\nContent-Type: application/octet-stream\r\n"
                          "Content-Transfer-Encoding: base64\r\n\r\nAAEC/w==\r\n--b--")
            << QByteArray("\x00\x01\x02\xff", 4);
        QTest::newRow("bytes that look like a boundary inside a line")
            << QByteArray("multipart/related; boundary=b")
            << QByteArray("--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b\r\n\r\n"
                          "x --b y\r\n--b--")
            << QByteArray("x --b y");
    }

    void multipartBodiesInEveryFramingClientsUse()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, data);
        const auto read = readMultipartBody(contentType, body);
        if (const auto *problem = std::get_if<QString>(&read))
            QFAIL(qPrintable(*problem));
        const auto &parts = std::get<std::vector<BodyPart>>(read);
        QCOMPARE(parts.size(), size_t(2));
        QVERIFY(json::accept(parts[0].data.toStdString()));
        QCOMPARE(parts[1].data, data);
    }

    void malformedBodiesGetAReason_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no boundary") << QByteArray("multipart/related") << QByteArray("--x\r\n");
        QTest::newRow("empty boundary")
            << QByteArray("multipart/related; boundary=\"\"") << QByteArray("--\r\n");
        QTest::newRow("boundary never seen")
            << QByteArray("multipart/related; boundary=b") << QByteArray("hello");
        QTest::newRow("no end") << QByteArray("multipart/related; boundary=b")
                                << QByteArray("--b\r\n\r\n{}\r\n--b\r\n\r\nxyz");
        QTest::newRow("bad base64")
            << QByteArray("multipart/related; boundary=b")
            << QByteArray("--b\r\n\r\n{}\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                          "!!!\r\n--b--");
    }

    void malformedBodiesGetAReason()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        const auto read = readMultipartBody(contentType, body);
        QVERIFY(std::holds_alternative<QString>(read));
        QVERIFY(!std::get<QString>(read).isEmpty());
    }

    void bucketNamesAsCloudStorageRulesThem()
    {
        QVERIFY(bucketProblem(QStringLiteral("my-bucket_1.data")).isEmpty());
        QVERIFY(!bucketProblem(QStringLiteral("ab")).isEmpty());
        QVERIFY(!bucketProblem(QStringLiteral("Upper")).isEmpty());
        QVERIFY(!bucketProblem(QStringLiteral("-dash")).isEmpty());
        QVERIFY(!bucketProblem(QString(64, QLatin1Char('a'))).isEmpty());
        QVERIFY(bucketProblem(QStringLiteral("googbye")).contains(QLatin1String("goog")));
        QVERIFY(bucketProblem(QStringLiteral("my-google-data")).contains(QLatin1String("google")));
    }

    void objectNamesAFileCanHold()
    {
        QVERIFY(objectNameProblem(QStringLiteral("models/v1/model.pkl")).isEmpty());
        QVERIFY(objectNameProblem(QStringLiteral("名字/数据.csv")).isEmpty());
        QVERIFY(objectNameProblem(QString(255, QLatin1Char('a'))).isEmpty());
        // A part longer than a file name can be: the client's mistake, said as such.
        QVERIFY(objectNameProblem(QString(256, QLatin1Char('a'))).contains(QLatin1String("255")));
        QVERIFY(!objectNameProblem(QString(1025, QLatin1Char('a'))).isEmpty());
        QVERIFY(!objectNameProblem(QString()).isEmpty());
        QVERIFY(!objectNameProblem(QStringLiteral("a\nb")).isEmpty());
        QVERIFY(!objectNameProblem(QStringLiteral("a\rb")).isEmpty());
        QVERIFY(!objectNameProblem(QStringLiteral("a/../b")).isEmpty());
        QVERIFY(!objectNameProblem(QStringLiteral("./b")).isEmpty());
    }

    void crc32cIsCastagnolis()
    {
        QCOMPARE(crc32c("123456789"), quint32(0xE3069283)); // RFC 3720's check value
        QCOMPARE(crc32c(QByteArray()), quint32(0));
    }

    void anUploadIsStoredWholeWithPrivateModes()
    {
        QTemporaryDir root;
        ObjectStore store(root.filePath(QStringLiteral("b")), root.filePath(QStringLiteral("u")));
        store.setPublicBase(QStringLiteral("http://127.0.0.1:9"));
        const auto stored = store.uploadMedia(QStringLiteral("bkt"), QStringLiteral("d/x.bin"),
                                              QByteArray("12345"));
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.body.value("size", ""), std::string("5"));
        // Links are absolute, from the address rovd listens on.
        QVERIFY(stored.body.value("mediaLink", "").starts_with("http://127.0.0.1:9/"));
        QVERIFY(stored.body.value("selfLink", "").starts_with("http://127.0.0.1:9/storage/v1/"));
        const QString path = store.pathOf(QStringLiteral("bkt"), QStringLiteral("d/x.bin"));
        QCOMPARE(fileBytes(path), QByteArray("12345"));
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(QFileInfo(path).absolutePath()), 0700);
        const auto media = store.get(QStringLiteral("bkt"), QStringLiteral("d/x.bin"), true);
        QCOMPARE(media.status, 200);
        QCOMPARE(media.rawBody.value_or(""), std::string("12345"));
        // Nothing of the write is left beside it.
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("x.bin")});
        QCOMPARE(store.remove(QStringLiteral("bkt"), QStringLiteral("d/x.bin")).status, 204);
        QCOMPARE(store.get(QStringLiteral("bkt"), QStringLiteral("d/x.bin"), false).status, 404);
    }

    void aRangeHeaderIsReadAsRfc9110Says_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("first"); // -1: the whole object; -2: not satisfiable
        QTest::addColumn<int>("last");
        QTest::newRow("none") << QByteArray() << -1 << 0;
        QTest::newRow("the first ten") << QByteArray("bytes=0-9") << 0 << 9;
        QTest::newRow("from 5 on") << QByteArray("bytes=5-") << 5 << 99;
        QTest::newRow("the last 4") << QByteArray("bytes=-4") << 96 << 99;
        QTest::newRow("more than there is") << QByteArray("bytes=-500") << 0 << 99;
        QTest::newRow("an end past the end") << QByteArray("bytes=90-1000") << 90 << 99;
        QTest::newRow("a start past the end") << QByteArray("bytes=100-") << -2 << 0;
        QTest::newRow("none of it") << QByteArray("bytes=-0") << -2 << 0;
        QTest::newRow("backwards") << QByteArray("bytes=9-0") << -1 << 0;
        QTest::newRow("not bytes") << QByteArray("items=0-9") << -1 << 0;
        QTest::newRow("several") << QByteArray("bytes=0-1,5-6") << -1 << 0;
        QTest::newRow("not a number") << QByteArray("bytes=x-") << -1 << 0;
    }

    void aRangeHeaderIsReadAsRfc9110Says()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, first);
        QFETCH(int, last);
        const auto range = readByteRange(header, 100);
        if (first == -1) {
            QVERIFY(!range);
            return;
        }
        QVERIFY(range);
        QCOMPARE(range->satisfiable, first != -2);
        if (first >= 0) {
            QCOMPARE(range->first, qint64(first));
            QCOMPARE(range->last, qint64(last));
        }
    }

    void aDownloadAnswersOneRange()
    {
        QTemporaryDir root;
        ObjectStore store(root.filePath(QStringLiteral("b")), root.filePath(QStringLiteral("u")));
        QCOMPARE(store.uploadMedia(QStringLiteral("bkt"), QStringLiteral("x"), "0123456789").status,
                 200);
        const auto whole = store.get(QStringLiteral("bkt"), QStringLiteral("x"), true);
        const auto part = store.get(QStringLiteral("bkt"), QStringLiteral("x"), true, "bytes=2-4");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.rawBody.value_or(""), std::string("234"));
        const auto header = [](const rov::localplane::ApiResult &result, const std::string &name) {
            for (const auto &[key, value] : result.headers)
                if (key == name)
                    return value;
            return std::string();
        };
        QCOMPARE(header(part, "Content-Range"), std::string("bytes 2-4/10"));
        // The hash is the whole object's, as Cloud Storage sends it with a range.
        QCOMPARE(header(part, "x-goog-hash"), header(whole, "x-goog-hash"));
        const auto past = store.get(QStringLiteral("bkt"), QStringLiteral("x"), true, "bytes=10-");
        QCOMPARE(past.status, 416);
        QCOMPARE(past.body["error"]["code"].get<int>(), 416);
        QVERIFY(past.body["error"]["message"].get<std::string>().find("past the end") !=
                std::string::npos);
        QCOMPARE(header(past, "Content-Range"), std::string("bytes */10"));
        // The metadata is never cut.
        const auto meta = store.get(QStringLiteral("bkt"), QStringLiteral("x"), false, "bytes=0-1");
        QCOMPARE(meta.status, 200);
        QCOMPARE(meta.body.value("size", ""), std::string("10"));
    }

    void emptyFoldersGoAndTheWalkEndsWhenTheyAreGoneAlready()
    {
        QTemporaryDir root;
        const QString bucket = root.filePath(QStringLiteral("bkt"));
        QVERIFY(QDir().mkpath(bucket + QStringLiteral("/keep/a/b")));
        QVERIFY(QFile(bucket + QStringLiteral("/keep/file")).open(QIODevice::WriteOnly));
        removeEmptyFolders(bucket + QStringLiteral("/keep/a/b"), bucket);
        QVERIFY(!QFileInfo::exists(bucket + QStringLiteral("/keep/a")));
        QVERIFY(QFileInfo::exists(bucket + QStringLiteral("/keep/file")));
        // Another removal took these folders first (as in gcloud's parallel rm -r): the walk
        // ends. It once asked about the vanished folder forever, and rovd hung.
        std::promise<void> done;
        auto finished = done.get_future();
        std::thread([&bucket, &done] {
            removeEmptyFolders(bucket + QStringLiteral("/gone/x/y"), bucket);
            done.set_value();
        }).detach();
        QVERIFY2(finished.wait_for(std::chrono::seconds(10)) == std::future_status::ready,
                 "the walk over folders that are gone did not end");
        removeEmptyFolders(bucket, bucket);
        QVERIFY(QFileInfo(bucket).isDir());
    }

    void removalsSideBySideAllEndAndLeaveNoFolder()
    {
        QTemporaryDir root;
        ObjectStore store(root.filePath(QStringLiteral("b")), root.filePath(QStringLiteral("u")));
        QStringList names;
        for (int i = 0; i < 64; ++i)
            names << QStringLiteral("m/%1/%2/o%3").arg(i % 2).arg(i % 4).arg(i);
        for (const QString &name : names)
            QCOMPARE(store.uploadMedia(QStringLiteral("bkt"), name, "x").status, 200);
        std::atomic<int> next = 0;
        std::atomic<int> removed = 0;
        std::vector<std::future<void>> workers;
        for (int w = 0; w < 8; ++w)
            workers.push_back(std::async(std::launch::async, [&] {
                for (int i = next++; i < names.size(); i = next++)
                    removed += store.remove(QStringLiteral("bkt"), names[i]).status == 204;
            }));
        for (auto &worker : workers)
            QVERIFY(worker.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        QCOMPARE(removed.load(), int(names.size()));
        QCOMPARE(QDir(root.filePath(QStringLiteral("b/bkt")))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());
    }

    void aBadNameIsRefusedBeforeAnyByteAndNamesNoPath()
    {
        QTemporaryDir root;
        ObjectStore store(root.filePath(QStringLiteral("b")), root.filePath(QStringLiteral("u")));
        const auto refused =
            store.uploadMedia(QStringLiteral("bkt"), QString(256, QLatin1Char('n')), "x");
        QCOMPARE(refused.status, 400);
        QCOMPARE(statusOf(refused), QStringLiteral("INVALID_ARGUMENT"));
        QVERIFY2(!messageOf(refused).contains(root.path()), qPrintable(messageOf(refused)));
        const auto google =
            store.uploadMedia(QStringLiteral("goog-data"), QStringLiteral("a"), "x");
        QCOMPARE(google.status, 400);
        QVERIFY(!QFileInfo::exists(root.filePath(QStringLiteral("b/goog-data"))));
    }

    void gcloudsMultipartUploadIsStored()
    {
        QTemporaryDir root;
        ObjectStore store(root.filePath(QStringLiteral("b")), root.filePath(QStringLiteral("u")));
        const auto stored = store.uploadMultipart(
            QStringLiteral("bkt"), "multipart/related; boundary='===7=='",
            "--===7==\nContent-Type: application/json\n\n{\"name\": \"notes.txt\"}\n--===7==\n"
            "Content-Type: text/plain\n\nhi\n--===7==--");
        QVERIFY2(stored.status == 200, stored.body.dump().c_str());
        QCOMPARE(fileBytes(store.pathOf(QStringLiteral("bkt"), QStringLiteral("notes.txt"))),
                 QByteArray("hi"));
    }

    void aResumableUploadGoesOnAcrossChunksAndARestart()
    {
        QTemporaryDir root;
        const QString buckets = root.filePath(QStringLiteral("b"));
        const QString uploads = root.filePath(QStringLiteral("u"));
        QString id;
        {
            ObjectStore store(buckets, uploads);
            store.setPublicBase(QStringLiteral("http://127.0.0.1:9"));
            const auto started = store.startResumable(QStringLiteral("bkt"),
                                                      QStringLiteral("big.bin"), json::object());
            QCOMPARE(started.status, 200);
            const std::string location = header(started, "Location");
            QVERIFY2(location.starts_with("http://127.0.0.1:9/"), location.c_str());
            id = QString::fromStdString(location.substr(location.find("upload_id=") + 10));
            QVERIFY(store.hasSession(id));
            const auto first = store.putChunk(id, "bytes 0-3/*", "abcd");
            QCOMPARE(first.status, 308);
            QCOMPARE(header(first, "Range"), std::string("bytes=0-3"));
            // A chunk that would leave a gap is refused and changes nothing.
            QCOMPARE(store.putChunk(id, "bytes 6-7/*", "gh").status, 400);
            // The Content-Range must say what the request carries.
            QCOMPARE(store.putChunk(id, "bytes 4-9/*", "ef").status, 400);
        }
        // A restarted rovd takes the session up where it was.
        ObjectStore store(buckets, uploads);
        QVERIFY(store.hasSession(id));
        const auto asked = store.putChunk(id, "bytes */8", {});
        QCOMPARE(asked.status, 308);
        QCOMPARE(header(asked, "Range"), std::string("bytes=0-3"));
        const auto done = store.putChunk(id, "bytes 4-7/8", "efgh");
        QVERIFY2(done.status == 200, done.body.dump().c_str());
        QCOMPARE(done.body.value("size", ""), std::string("8"));
        QCOMPARE(fileBytes(store.pathOf(QStringLiteral("bkt"), QStringLiteral("big.bin"))),
                 QByteArray("abcdefgh"));
        QVERIFY(!store.hasSession(id));
        QCOMPARE(store.putChunk(id, "bytes 0-0/1", "x").status, 404);
        QVERIFY(QDir(uploads).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void aDurableFileIsWholeOrNotThere()
    {
        QTemporaryDir root;
        const QString path = root.filePath(QStringLiteral("deep/er/f.json"));
        QVERIFY(!writeFileDurably(path, "old"));
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(root.filePath(QStringLiteral("deep/er"))), 0700);
        {
            DurableFile abandoned(path);
            QVERIFY(!abandoned.open());
            QVERIFY(!abandoned.append(QByteArray("new, never committed")));
        } // destroyed without commit: the old bytes stay and no temporary file is left
        QCOMPARE(fileBytes(path), QByteArray("old"));
        QCOMPARE(
            QDir(root.filePath(QStringLiteral("deep/er"))).entryList(QDir::Files | QDir::Hidden),
            QStringList{QStringLiteral("f.json")});
        DurableFile file(path);
        QVERIFY(!file.open());
        QVERIFY(!file.append(QByteArray("new")));
        QVERIFY(!file.commit());
        QCOMPARE(fileBytes(path), QByteArray("new"));
        QVERIFY(!copyFileDurably(path, root.filePath(QStringLiteral("copy"))));
        QCOMPARE(fileBytes(root.filePath(QStringLiteral("copy"))), QByteArray("new"));
    }

    void aFullDiskIsResourceExhaustedWithoutAPath()
    {
        const FileFault full{ENOSPC, QStringLiteral("write"), QStringLiteral("/secret/data/x")};
        const auto error = full.toApiError(QStringLiteral("the object"));
        QCOMPARE(error.httpStatus, 429);
        QCOMPARE(error.status, QStringLiteral("RESOURCE_EXHAUSTED"));
        QVERIFY(error.message.startsWith(QLatin1String("No space left on device")));
        QVERIFY(!error.message.contains(QLatin1String("/secret")));
        QVERIFY(full.describe().contains(QLatin1String("/secret/data/x"))); // rovd's own log
        // A file-size limit or a quota is the same to a client.
        QCOMPARE(FileFault({EFBIG, QStringLiteral("write"), {}}).toApiError({}).httpStatus, 429);
        QCOMPARE(FileFault({EDQUOT, QStringLiteral("write"), {}}).toApiError({}).httpStatus, 429);
        const auto readOnly = FileFault{EROFS, QStringLiteral("open"), QStringLiteral("/secret")};
        QCOMPARE(readOnly.toApiError(QStringLiteral("x")).httpStatus, 503);
        QVERIFY(
            !readOnly.toApiError(QStringLiteral("x")).message.contains(QLatin1String("/secret")));
        const auto other = FileFault{EIO, QStringLiteral("fsync"), QStringLiteral("/secret")};
        QCOMPARE(other.toApiError(QStringLiteral("x")).status, QStringLiteral("UNAVAILABLE"));
        QVERIFY(!other.toApiError(QStringLiteral("x")).message.contains(QLatin1String("/secret")));
    }
};

QTEST_GUILESS_MAIN(TestObjectStore)
#include "tst_objectstore.moc"
