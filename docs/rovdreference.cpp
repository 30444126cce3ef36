// Writes the generated parts of docs/rovd.md, so the reference cannot drift from the program:
// rovd's flags from its own --help, and its routes from the route table that serves them (with
// who may call each) and the OpenAPI document that describes them. Run by the build
// (docs/CMakeLists.txt) into the build tree; tst_docs fails when docs/rovd.md differs from it,
// and `cmake --build build --target update-docs` copies it over.
//
//   rov-rovdreference ROVD OPENAPI_JSON ROVD_MD_IN ROVD_MD_OUT

#include "localplane/server/routetable.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <cstdio>
#include <map>

using namespace rov::localplane;

namespace {

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "rov-rovdreference: cannot read %s\n", qPrintable(path));
        std::exit(1);
    }
    return QString::fromUtf8(file.readAll());
}

QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QLatin1String("\\|")).trimmed();
}

// Words for a table cell outside code: <uid> would be read as an HTML tag and vanish.
QString prose(QString text)
{
    return cell(text.replace(QLatin1Char('<'), QLatin1String("&lt;"))
                    .replace(QLatin1Char('>'), QLatin1String("&gt;")));
}

// QCommandLineParser's help as a table: each option's names and value, and its words (the
// default among them) joined from their lines.
QString flagsTable(const QString &help)
{
    static const QRegularExpression option(QStringLiteral(R"(^  (-\S.*?)(?:\s{2,}(.*))?$)"));
    QStringList out{QStringLiteral("| Flag | What it sets, and its default |"),
                    QStringLiteral("|---|---|")};
    QString names;
    QString words;
    const auto flush = [&] {
        if (!names.isEmpty())
            out << QStringLiteral("| `%1` | %2 |").arg(cell(names), prose(words));
        names.clear();
        words.clear();
    };
    bool inOptions = false;
    bool lastLineHadSpace = true;
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Options:"))) {
            inOptions = true;
            continue;
        }
        if (!inOptions)
            continue;
        if (line.trimmed().isEmpty()) {
            flush();
            inOptions = false;
            continue;
        }
        if (const auto m = option.match(line); m.hasMatch()) {
            flush();
            names = m.captured(1).trimmed();
            words = m.captured(2).trimmed();
        } else {
            // QCommandLineParser breaks a word longer than the line where the line ends (a
            // list of limits with no space in it): such a piece goes on without a space.
            const QString piece = line.trimmed();
            const QString previous = words.section(QLatin1Char(' '), -1);
            const bool brokenWord = previous.size() >= 30 && !lastLineHadSpace;
            words += (brokenWord ? QString() : QStringLiteral(" ")) + piece;
            lastLineHadSpace = piece.contains(QLatin1Char(' '));
            continue;
        }
        lastLineHadSpace = words.contains(QLatin1Char(' '));
    }
    flush();
    return out.join(QLatin1Char('\n'));
}

struct Api
{
    const char *title;
    QStringList rows;
};

QString apiOf(const RouteSpec &route)
{
    if (routes::isMetadataRoute(route.id))
        return QStringLiteral("9 Metadata server (Ray nodes only)");
    switch (route.subsystem) {
    case Subsystem::Clusters:
        return QStringLiteral("1 Vertex AI: Ray clusters (persistentResources), rovd's documents");
    case Subsystem::Metrics:
        return QStringLiteral("2 Cloud Monitoring: PromQL, and rovd's own metrics");
    case Subsystem::Logs:
        return QStringLiteral("3 Cloud Logging");
    case Subsystem::Serving:
    case Subsystem::Prediction:
        return QStringLiteral("4 Vertex AI: Model Registry, endpoints and predictions");
    case Subsystem::Batch:
        return QStringLiteral("5 Vertex AI: batch prediction");
    case Subsystem::Storage:
        return QStringLiteral("6 Cloud Storage (JSON API)");
    case Subsystem::BigQuery:
        return QStringLiteral("7 BigQuery (REST API v2)");
    case Subsystem::Count:
        break;
    }
    return QStringLiteral("8 Other");
}

// The first sentence of an operation's description, unless it is the note every GET carries.
QString firstSentence(const QString &description)
{
    static const QRegularExpression end(QStringLiteral(R"(\.(\s|$))"));
    QStringList sentences;
    int from = 0;
    for (auto it = end.globalMatch(description); it.hasNext();) {
        const auto m = it.next();
        sentences << description.mid(from, m.capturedStart() + 1 - from).trimmed();
        from = m.capturedEnd();
    }
    if (from < description.size())
        sentences << description.mid(from).trimmed();
    // At most a line or two in the table; the whole description is in /openapi.json.
    constexpr qsizetype kLongest = 160;
    for (QString sentence : sentences) {
        if (sentence.startsWith(QLatin1String("HEAD is answered like GET")) || sentence.isEmpty())
            continue;
        if (sentence.size() > kLongest)
            sentence = sentence.left(sentence.lastIndexOf(QLatin1Char(' '), kLongest)) + u'…';
        return sentence;
    }
    return {};
}

QString whoMayCall(const RouteSpec &route, const MethodSpec &method, const QJsonObject &operation)
{
    if (routes::isMetadataRoute(route.id))
        return QStringLiteral("a Ray node of the cluster (its token in the path)");
    for (const QJsonValue &requirement : operation.value(QLatin1String("security")).toArray()) {
        if (requirement.toObject().isEmpty())
            return QStringLiteral("the holder of the URL (no token)");
    }
    QString who = method.needsAdmin ? QStringLiteral("admin") : QStringLiteral("user, admin");
    // As ApiRouter admits a node's token: what it may reach, and never what needs admin.
    if (!method.needsAdmin && routes::nodeMayReach(route.id, method))
        who += QStringLiteral(", Ray nodes");
    return who;
}

QString routesTables(const QJsonObject &openApi)
{
    const QJsonObject paths = openApi.value(QLatin1String("paths")).toObject();
    std::map<QString, QStringList> byApi;
    for (const RouteSpec &route : routes::all()) {
        const QJsonObject path = paths.value(QLatin1String(route.pathTemplate)).toObject();
        for (const MethodSpec &method : route.methods) {
            const QJsonObject operation =
                path.value(QString::fromLatin1(method.method).toLower()).toObject();
            const QString what =
                firstSentence(operation.value(QLatin1String("description")).toString());
            byApi[apiOf(route)] << QStringLiteral("| %1 | `%2` | `%3` | %4 | %5 |")
                                       .arg(QLatin1String(method.method),
                                            cell(QString::fromLatin1(route.pathTemplate)),
                                            QLatin1String(method.operationId),
                                            whoMayCall(route, method, operation), prose(what));
        }
    }
    QStringList out;
    for (const auto &[api, rows] : byApi) {
        out << QStringLiteral("### %1").arg(api.mid(2)) << QString()
            << QStringLiteral("| Method | Path | Operation | Who may call | What it does |")
            << QStringLiteral("|---|---|---|---|---|") << rows << QString();
    }
    if (!out.isEmpty())
        out.removeLast();
    return out.join(QLatin1Char('\n'));
}

// Replaces what stands between <!-- generated: NAME --> and <!-- end generated: NAME -->.
QString replaceBlock(const QString &text, const QString &name, const QString &content)
{
    const QString begin = QStringLiteral("<!-- generated: %1 -->").arg(name);
    const QString end = QStringLiteral("<!-- end generated: %1 -->").arg(name);
    const qsizetype from = text.indexOf(begin);
    const qsizetype to = text.indexOf(end);
    if (from < 0 || to < from) {
        std::fprintf(stderr, "rov-rovdreference: docs/rovd.md has no %s … %s\n", qPrintable(begin),
                     qPrintable(end));
        std::exit(1);
    }
    const qsizetype start = from + begin.size();
    return text.left(start) + QStringLiteral("\n") + content + QStringLiteral("\n") + text.mid(to);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: rov-rovdreference ROVD OPENAPI_JSON ROVD_MD_IN ROVD_MD_OUT\n");
        return 2;
    }
    QProcess rovd;
    rovd.start(args[1], {QStringLiteral("--help")});
    if (!rovd.waitForFinished(60000) || rovd.exitStatus() != QProcess::NormalExit ||
        rovd.exitCode() != 0) {
        std::fprintf(stderr, "rov-rovdreference: %s --help failed: %s\n", qPrintable(args[1]),
                     qPrintable(rovd.errorString()));
        return 1;
    }
    const QString help = QString::fromUtf8(rovd.readAllStandardOutput());
    const QJsonObject openApi = QJsonDocument::fromJson(readAll(args[2]).toUtf8()).object();
    QString text = readAll(args[3]);
    text = replaceBlock(text, QStringLiteral("flags"), flagsTable(help));
    text = replaceBlock(text, QStringLiteral("routes"), routesTables(openApi));
    QFile out(args[4]);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        out.write(text.toUtf8()) != text.toUtf8().size() || !out.flush()) {
        std::fprintf(stderr, "rov-rovdreference: cannot write %s\n", qPrintable(args[4]));
        return 1;
    }
    return 0;
}
