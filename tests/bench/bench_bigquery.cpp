// scripts/bench.sh bigquery: what rovd's BigQuery costs on top of DuckDB itself, and how the Data
// page's grid scrolls. A 10,000,000-row table (and a 1,000-row one to join) is made through rovd;
// then 50 mixed GoogleSQL queries (filters, GROUP BY, joins, window functions, QUALIFY) go
// through rovd's REST (jobs.query: the token, the route, the service, the job's record, its
// results table and the first page of rows) and, interleaved, straight to DuckDB in a process of
// its own holding the same rows (tests/bench/bigquery_direct.py: the service's own translation,
// done before its clock starts), three rounds each. Then the results grid (QueryResultsModel in a
// QTableView) holds 1,000,000 rows and is scrolled to 300 places: the time to paint each frame.
// And the whole table is read through the Storage Read API (gRPC, Arrow; Google's client, as
// ray.data.read_bigquery reads) and through DuckDB's own Arrow export in the helper, interleaved,
// the best of three each. The last line:
// bigquery: rows=<n> query_p50_ms=<x> query_p99_ms=<x> direct_p50_ms=<x> overhead_ratio=<x>
// read_rows_per_s=<n> direct_read_rows_per_s=<n> read_ratio=<x> grid_frame_ms=<x>
#include "core/queryresultsmodel.h"
#include "rovdfixture.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <httplib.h>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

constexpr qint64 kDefaultRows = 10'000'000; // scripts/bench.sh bigquery [ROWS]
constexpr int kRounds = 3;
constexpr int kReadRounds = 3;
constexpr int kReadStreams = 2; // one a core, as Ray's read tasks on this machine
constexpr int kGridRows = 1'000'000;
constexpr int kFrames = 300;
const char *const kProject = "bench-project";

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench-bigquery: %s\n", qPrintable(why));
    std::exit(1);
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

// Ten shapes an analyst writes, five variants each.
QStringList mixedQueries()
{
    const QStringList shapes{
        QStringLiteral("SELECT COUNT(*) AS n FROM bench.events WHERE category = %1"),
        QStringLiteral("SELECT category, SUM(amount) AS total FROM bench.events WHERE user_id > %1 "
                       "GROUP BY category ORDER BY total DESC LIMIT 10"),
        QStringLiteral("SELECT u.region, COUNT(*) AS n FROM bench.events e JOIN bench.users u ON "
                       "e.user_id = u.user_id WHERE e.category < %1 * 10 GROUP BY u.region ORDER "
                       "BY n DESC"),
        QStringLiteral("SELECT user_id, amount, RANK() OVER (PARTITION BY user_id ORDER BY amount "
                       "DESC) AS r FROM bench.events WHERE category = %1 QUALIFY r <= 3 ORDER BY "
                       "user_id, r LIMIT 100"),
        QStringLiteral("SELECT name, AVG(amount) AS a FROM bench.events WHERE id BETWEEN %1 * "
                       "100000 AND %1 * 100000 + 2000000 GROUP BY name ORDER BY a DESC LIMIT 20"),
        QStringLiteral("SELECT DATE_TRUNC(DATE(ts), MONTH) AS month, COUNT(*) AS n FROM "
                       "bench.events WHERE MOD(id, %1 + 1) = 0 GROUP BY month ORDER BY month"),
        QStringLiteral("SELECT APPROX_COUNT_DISTINCT(name) AS names FROM bench.events WHERE "
                       "category > %1 * 15"),
        QStringLiteral("SELECT category, MAX(amount) - MIN(amount) AS spread FROM bench.events "
                       "WHERE user_id = %1 GROUP BY category ORDER BY category"),
        QStringLiteral("SELECT e.category, u.tier, SUM(e.amount) AS total FROM bench.events e "
                       "JOIN bench.users u USING (user_id) WHERE u.tier = 'gold' AND "
                       "MOD(e.id, %1 + 2) = 0 GROUP BY 1, 2 ORDER BY 1, 2"),
        QStringLiteral("SELECT id, SUM(amount) OVER (ORDER BY id ROWS BETWEEN 10 PRECEDING AND "
                       "CURRENT ROW) AS running FROM bench.events WHERE id BETWEEN %1 * 1000 AND "
                       "%1 * 1000 + 20000 ORDER BY id LIMIT 50")};
    QStringList queries;
    for (int variant = 1; variant <= 5; ++variant) {
        for (const QString &shape : shapes)
            queries << shape.arg(variant);
    }
    return queries;
}

json query(httplib::Client &rovd, const QString &sql)
{
    const json body = {{"query", sql.toStdString()},
                       {"useLegacySql", false},
                       {"timeoutMs", 120000},
                       {"maxResults", 1000}};
    const std::string path = std::string("/bigquery/v2/projects/") + kProject + "/queries";
    const auto answer = rovd.Post(path, body.dump(), "application/json");
    if (!answer || answer->status != 200)
        fail(QStringLiteral("rovd answered %1 to %2: %3")
                 .arg(answer ? answer->status : 0)
                 .arg(sql.left(80))
                 .arg(answer ? QString::fromStdString(answer->body.substr(0, 300))
                             : QStringLiteral("nothing")));
    json result = json::parse(answer->body, nullptr, false);
    if (!result.value("jobComplete", false))
        fail(QStringLiteral("a query did not end within two minutes: %1").arg(sql.left(80)));
    return result;
}

// The results grid with a million rows, scrolled to random places: the milliseconds to paint.
std::vector<double> gridFrames()
{
    rov::core::QueryResultsModel model;
    std::vector<rov::api::bigquery::Field> schema;
    for (const char *name : {"id", "user_id", "category", "amount", "name", "ts"})
        schema.push_back({QString::fromLatin1(name),
                          QStringLiteral("STRING"),
                          QStringLiteral("NULLABLE"),
                          {},
                          {}});
    model.reset(schema, kGridRows, [](qint64) {});
    for (int page = 0; page < kGridRows / 10000; ++page) {
        std::vector<QStringList> rows;
        rows.reserve(10000);
        for (int i = 0; i < 10000; ++i) {
            const int id = page * 10000 + i + 1;
            rows.push_back({QString::number(id), QString::number(id % 1000),
                            QString::number(id % 97), QString::number(id * 0.5),
                            QStringLiteral("u%1").arg(id % 5000),
                            QStringLiteral("2023-11-14 22:13:%1.000 UTC")
                                .arg(id % 60, 2, 10, QLatin1Char('0'))});
        }
        model.appendPage(rows);
    }
    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.resize(1200, 700);
    view.show();
    QCoreApplication::processEvents();
    QRandomGenerator random(7);
    std::vector<double> frames;
    QScrollBar *bar = view.verticalScrollBar();
    for (int frame = 0; frame < kFrames; ++frame) {
        QElapsedTimer clock;
        clock.start();
        bar->setValue(int(random.bounded(bar->maximum() + 1)));
        view.viewport()->repaint();
        frames.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return frames;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const qint64 kRows = argc > 1 ? QByteArray(argv[1]).toLongLong() : kDefaultRows;
    if (kRows < 1000)
        fail(QStringLiteral("the table needs at least 1,000 rows"));
    const std::vector<double> frames = gridFrames();

    QTemporaryDir data;
    const QString tempRoot = QStringLiteral("/tmp/rovbq-%1").arg(app.applicationPid());
    rov::test::RovdFixture rovd(data.path(), tempRoot);
    const quint16 readPort = rov::test::freeLocalPort();
    if (readPort == 0)
        fail(QStringLiteral("no free port for the Storage Read API"));
    rovd.setExtraArguments({QStringLiteral("--bigquery-read-port"), QString::number(readPort)});
    QString error;
    if (!rovd.start(&error))
        fail(error);
    httplib::Client viaRovd("127.0.0.1", rovd.port());
    viaRovd.set_keep_alive(true);
    viaRovd.set_tcp_nodelay(true);
    viaRovd.set_read_timeout(300);
    viaRovd.set_bearer_token_auth(rovd.userToken().toStdString());
    const std::string datasets = std::string("/bigquery/v2/projects/") + kProject + "/datasets";
    for (int i = 0; i < 120; ++i) {
        const auto answer = viaRovd.Get(datasets);
        if (answer && answer->status == 200)
            break;
        QThread::msleep(500);
    }
    const auto made = viaRovd.Post(datasets, R"({"datasetReference": {"datasetId": "bench"}})",
                                   "application/json");
    if (!made || made->status != 200)
        fail(QStringLiteral("could not make the dataset"));
    const QString helper = QStringLiteral(ROV_SOURCE_DIR "/tests/bench/bigquery_direct.py");
    const QString python = QStringLiteral(ROV_PYTHON_VENV "/bin/python");
    QProcess setup;
    setup.start(python, {helper, QStringLiteral("--setup"), QString::number(kRows)});
    if (!setup.waitForFinished(60000) || setup.exitCode() != 0)
        fail(QStringLiteral("the helper did not give the tables' statements"));
    QElapsedTimer loadClock;
    loadClock.start();
    for (const QByteArray &statement : setup.readAll().trimmed().split('\n'))
        query(viaRovd, QString::fromUtf8(statement));
    const double loadS = double(loadClock.elapsed()) / 1000.0;

    const QStringList queries = mixedQueries();
    QTemporaryDir scratch;
    QFile list(scratch.filePath(QStringLiteral("queries.sql")));
    if (!list.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write the queries"));
    list.write(queries.join(QLatin1Char('\n')).toUtf8() + '\n');
    list.close();
    QProcess direct;
    direct.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    direct.start(python, {helper, QDir(data.path()).filePath(QStringLiteral("bigquery/service")),
                          list.fileName(), QString::number(kRows)});
    if (!direct.waitForReadyRead(600000) || !direct.readLine().startsWith("ready"))
        fail(QStringLiteral("the direct DuckDB did not start"));
    // Milliseconds and rows of one command to the helper.
    const auto ask = [&direct](const QByteArray &command) {
        direct.write(command + '\n');
        while (!direct.canReadLine())
            if (!direct.waitForReadyRead(600000))
                fail(QStringLiteral("the direct DuckDB stopped answering"));
        const QList<QByteArray> words = direct.readLine().trimmed().split(' ');
        return std::pair{words.value(0).toDouble(), words.value(1).toLongLong()};
    };
    const auto directMs = [&ask](int index) { return ask(QByteArray::number(index)).first; };

    std::vector<double> throughRovd, straight;
    for (int index = 0; index < queries.size(); ++index) { // warm both
        query(viaRovd, queries[index]);
        directMs(index);
    }
    for (int round = 0; round < kRounds; ++round) {
        for (int index = 0; index < queries.size(); ++index) {
            QElapsedTimer clock;
            clock.start();
            query(viaRovd, queries[index]);
            throughRovd.push_back(double(clock.nsecsElapsed()) / 1e6);
            straight.push_back(directMs(index));
        }
    }
    // The whole table through the Storage Read API (gRPC, Arrow) and through DuckDB's own
    // Arrow export, interleaved; the best of each (the first of each warms it).
    double readRate = 0, directReadRate = 0;
    const QByteArray storage = "storage 127.0.0.1:" + QByteArray::number(readPort) + ' ' +
                               rovd.userToken() + ' ' + QByteArray::number(kReadStreams);
    for (int round = 0; round < kReadRounds; ++round) {
        const auto [viaApiMs, viaApiRows] = ask(storage);
        const auto [ownMs, ownRows] = ask("read");
        if (viaApiRows != kRows || ownRows != kRows)
            fail(QStringLiteral("a whole-table read gave %1 and %2 rows, not %3")
                     .arg(viaApiRows)
                     .arg(ownRows)
                     .arg(kRows));
        readRate = std::max(readRate, double(kRows) * 1000.0 / viaApiMs);
        directReadRate = std::max(directReadRate, double(kRows) * 1000.0 / ownMs);
    }
    direct.closeWriteChannel();
    direct.waitForFinished(10000);
    rovd.terminate();
    rov::test::killProcessesUnder(tempRoot);
    QDir(tempRoot).removeRecursively();

    const double rovdP50 = percentile(throughRovd, 0.5);
    const double directP50 = percentile(straight, 0.5);
    std::printf("bigquery: %lld rows made through rovd in %.1f s; %lld queries (%d rounds of %lld "
                "shapes); direct p99_ms=%.1f; grid p99_ms=%.2f over %d frames of %d rows\n",
                kRows, loadS, qlonglong(throughRovd.size()), kRounds, qlonglong(queries.size()),
                percentile(straight, 0.99), percentile(frames, 0.99), kFrames, kGridRows);
    std::printf("bigquery: rows=%lld query_p50_ms=%.1f query_p99_ms=%.1f direct_p50_ms=%.1f "
                "overhead_ratio=%.2f read_rows_per_s=%.0f direct_read_rows_per_s=%.0f "
                "read_ratio=%.2f grid_frame_ms=%.2f\n",
                kRows, rovdP50, percentile(throughRovd, 0.99), directP50, rovdP50 / directP50,
                readRate, directReadRate, readRate / directReadRate, percentile(frames, 0.5));
    return 0;
}
