#include "localizer.h"

#include <QCoreApplication>
#include <QTranslator>
#include <algorithm>

namespace rov::localplane {

namespace {

// The messages a client of rovd reads, in one place. rovd's code writes the same English; a text
// that matches none of these goes out as it is.
const char *const kMessages[] = {
    // A failed start's reason, said again on its own; the Ray log after the marker stays as Ray
    // wrote it.
    QT_TRANSLATE_NOOP("Rovd", "%1\n--- Ray log ---\n%2"),
    QT_TRANSLATE_NOOP("Rovd", "Starting the head node"),
    QT_TRANSLATE_NOOP("Rovd", "Starting node %1 of %2 (%3)"),
    QT_TRANSLATE_NOOP("Rovd", "Starting %1 Ray nodes"),
    QT_TRANSLATE_NOOP("Rovd", "Created; starting %1 Ray nodes"),
    QT_TRANSLATE_NOOP("Rovd", "All %1 Ray nodes are alive"),
    QT_TRANSLATE_NOOP("Rovd", "All %1 Ray nodes are alive again"),
    QT_TRANSLATE_NOOP("Rovd", "Scaled to %1 Ray nodes"),
    QT_TRANSLATE_NOOP("Rovd", "Resizing from %1 to %2 nodes"),
    QT_TRANSLATE_NOOP("Rovd", "Scaling from %1 to %2 nodes"),
    QT_TRANSLATE_NOOP("Rovd", "Every pool already has the size asked for"),
    QT_TRANSLATE_NOOP("Rovd", "Stopping every Ray node"),
    QT_TRANSLATE_NOOP("Rovd", "Restarting every Ray node"),
    QT_TRANSLATE_NOOP("Rovd", "Deletion requested"), QT_TRANSLATE_NOOP("Rovd", "Reboot requested"),
    QT_TRANSLATE_NOOP("Rovd", "Every node stopped; the cluster is gone"),
    QT_TRANSLATE_NOOP("Rovd", "No node is live"), QT_TRANSLATE_NOOP("Rovd", "Live nodes: %1"),
    QT_TRANSLATE_NOOP("Rovd", "The head node exited"),
    QT_TRANSLATE_NOOP("Rovd", "Node %1 exited; starting a replacement"),
    QT_TRANSLATE_NOOP("Rovd", "Node %1 exited while starting"),
    QT_TRANSLATE_NOOP("Rovd", "Node %1 did not join the cluster in time"),
    QT_TRANSLATE_NOOP("Rovd", "Node %1 did not start (%2); trying again (attempt %3 of %4)"),
    QT_TRANSLATE_NOOP("Rovd", "Autoscaling could not add nodes: %1"),
    QT_TRANSLATE_NOOP("Rovd", "The cluster did not start within %1"),
    QT_TRANSLATE_NOOP("Rovd", "Scaling did not finish within %1"),
    QT_TRANSLATE_NOOP("Rovd", "The reboot did not finish within %1"),
    QT_TRANSLATE_NOOP("Rovd", "The nodes did not stop within %1; they were killed"),
    QT_TRANSLATE_NOOP("Rovd", "Cancelled; the cluster is being deleted"),
    QT_TRANSLATE_NOOP("Rovd", "The cluster was deleted"),
    QT_TRANSLATE_NOOP("Rovd", "The cluster is %1; it can be scaled only while RUNNING"),
    QT_TRANSLATE_NOOP("Rovd", "The cluster is %1; it can be rebooted when RUNNING or in ERROR"),
    QT_TRANSLATE_NOOP("Rovd", "The autoscaler is resizing this cluster; try again in a minute"),
    QT_TRANSLATE_NOOP("Rovd", "The cluster asks for %1 nodes; a cluster has at most %2"),
    QT_TRANSLATE_NOOP("Rovd", "This machine has no free TCP ports left for another Ray node"),
    QT_TRANSLATE_NOOP("Rovd", "The cluster has no temp directory; delete and create it again"),
    QT_TRANSLATE_NOOP("Rovd", "PersistentResource %1 not found"),
    QT_TRANSLATE_NOOP("Rovd", "Operation %1 not found"),
    QT_TRANSLATE_NOOP("Rovd", "No such resource: %1"),
    QT_TRANSLATE_NOOP("Rovd", "The bearer token is not one of rovd's tokens"),
    QT_TRANSLATE_NOOP("Rovd", "The bearer token is a Ray node's, and its cluster no longer exists"),
    QT_TRANSLATE_NOOP("Rovd", "%1 %2 is not for a Ray node's token, which reads and writes Cloud "
                              "Storage objects, reads the Model Registry and uses BigQuery's data; "
                              "send a user or admin token"),
    QT_TRANSLATE_NOOP("Rovd", "The metadata server answers Ray nodes, at the address their "
                              "environment gives them (GCE_METADATA_HOST); a user's or admin's "
                              "token is no node's"),
    QT_TRANSLATE_NOOP("Rovd", "The node has no metadata attribute \"%1\""),
    QT_TRANSLATE_NOOP("Rovd", "BigQuery's Storage Read API is not running: %1"),
    QT_TRANSLATE_NOOP("Rovd", "The request has no bearer token: send \"Authorization: Bearer "
                              "<token>\" with a token from rovd's token file"),
    QT_TRANSLATE_NOOP("Rovd",
                      "%1 %2 needs the admin role (Vertex AI Administrator); this token "
                      "has the user role, which can read clusters, connect and submit jobs"),
    QT_TRANSLATE_NOOP("Rovd", "%1 is not a method of %2; it takes %3"),
    QT_TRANSLATE_NOOP("Rovd", "Content-Length \"%1\" is not a number of bytes"),
    QT_TRANSLATE_NOOP("Rovd", "Content-Type must be application/json, not \"%1\""),
    QT_TRANSLATE_NOOP("Rovd", "pageSize must be a number of at least 0, not \"%1\""),
    QT_TRANSLATE_NOOP("Rovd", "pageToken \"%1\" is not one this list gave out"),
    QT_TRANSLATE_NOOP("Rovd", "pageSize must be a whole number from 0 to %1"),
    QT_TRANSLATE_NOOP("Rovd", "rovd is stopping; nothing was changed. Try again once it runs"),
    QT_TRANSLATE_NOOP("Rovd", "The request body is empty; it must be a JSON object"),
    QT_TRANSLATE_NOOP("Rovd", "The request body must be a JSON object"),
    QT_TRANSLATE_NOOP("Rovd", "The request body must be a JSON object: a PersistentResource"),
    QT_TRANSLATE_NOOP("Rovd", "The request body is not valid JSON: %1"),
    QT_TRANSLATE_NOOP("Rovd",
                      "The request body is larger than %1 bytes, the most this route takes"),
    QT_TRANSLATE_NOOP("Rovd", "This request needs a JSON body, and it has no Content-Length"),
    QT_TRANSLATE_NOOP("Rovd", "The request could not be read (HTTP %1)"),
    QT_TRANSLATE_NOOP("Rovd", "All pools of a cluster must run the same Ray version"),
    // A disk without room or a read-only one: what the client can act on, never a path.
    QT_TRANSLATE_NOOP("Rovd",
                      "No space left on device: rovd could not store the change, so it changes "
                      "nothing now (it keeps trying every few seconds); free space on the disk of "
                      "its data directory and try again (what was stored before is kept)"),
    QT_TRANSLATE_NOOP("Rovd",
                      "No space left on device: rovd could not store %1; free space on the disk "
                      "of its data directory and try again (what was stored before is kept)"),
    QT_TRANSLATE_NOOP("Rovd", "%1: rovd could not store %2; its data directory is on a read-only "
                              "file system"),
    // The serving instance as the Endpoints page shows it while rovd heals it.
    QT_TRANSLATE_NOOP("Rovd", "The model server stopped; rovd is starting it again"),
    QT_TRANSLATE_NOOP("Rovd", "The model server is starting"),
    QT_TRANSLATE_NOOP("Rovd", "The model server is starting the model"),
    QT_TRANSLATE_NOOP("Rovd", "The model server could not start again (%1); rovd tries again "
                              "in %2 s"),
    QT_TRANSLATE_NOOP("Rovd", "The model server did not answer (%1); try again in a few seconds"),
    QT_TRANSLATE_NOOP("Rovd", "The model refused the request: %1"),
    QT_TRANSLATE_NOOP("Rovd", "The model server failed (HTTP %1): %2"),
    QT_TRANSLATE_NOOP("Rovd", "rovd's Prometheus refused the request: %1"),
    // Cloud Logging's filter, as entries:list reads it; the position is its own template.
    QT_TRANSLATE_NOOP("Rovd", "Unparseable filter: %1 at %2"),
    QT_TRANSLATE_NOOP("Rovd", "Invalid filter: %1 at %2"),
    QT_TRANSLATE_NOOP("Rovd", "line %1, column %2"),
    QT_TRANSLATE_NOOP("Rovd", "filter is %1 characters long; at most 20000 are allowed"),
    QT_TRANSLATE_NOOP("Rovd", "expected an operator (= != < <= > >= : =~ !~)"),
    QT_TRANSLATE_NOOP("Rovd", "a quoted value that is never closed"),
    QT_TRANSLATE_NOOP("Rovd", "a ')' without its '('"), QT_TRANSLATE_NOOP("Rovd", "expected ')'"),
    QT_TRANSLATE_NOOP("Rovd", "expected a term at the end of the filter"),
    QT_TRANSLATE_NOOP("Rovd", "expected a term before ')'"),
    QT_TRANSLATE_NOOP("Rovd", "expected a term before %1"),
    QT_TRANSLATE_NOOP("Rovd", "expected a field name before the operator"),
    QT_TRANSLATE_NOOP("Rovd", "expected a term"),
    QT_TRANSLATE_NOOP("Rovd", "expected OR or ')' in a list of values"),
    QT_TRANSLATE_NOOP("Rovd", "expected a value after the operator"),
    QT_TRANSLATE_NOOP("Rovd", "%1 compares with = != < <= > >="),
    QT_TRANSLATE_NOOP("Rovd", "a field name, not a quoted value, goes before an operator"),
    QT_TRANSLATE_NOOP("Rovd", "unknown field \"%1\"; a filter may name severity, timestamp, "
                              "receiveTimestamp, logName, insertId, resource.type, "
                              "resource.labels.KEY, labels.KEY, textPayload or jsonPayload.FIELD"),
    QT_TRANSLATE_NOOP("Rovd", "unknown severity \"%1\"; one of DEFAULT, DEBUG, INFO, NOTICE, "
                              "WARNING, ERROR, CRITICAL, ALERT, EMERGENCY"),
    QT_TRANSLATE_NOOP("Rovd", "\"%1\" is not a time; write it as RFC 3339, like "
                              "\"2026-12-01T17:00:00Z\""),
    QT_TRANSLATE_NOOP("Rovd", "the filter nests NOT, '-' and parentheses more than %1 levels deep, "
                              "which is as deep as rovd reads"),
    QT_TRANSLATE_NOOP("Rovd", "the filter has more than %1 terms (comparisons and search words), "
                              "which is as many as rovd reads"),
    QT_TRANSLATE_NOOP("Rovd", "The log store failed: %1"),
    // What the spec parser says about a PersistentResource body.
    QT_TRANSLATE_NOOP("Rovd", "displayName is %1 characters long; at most %2 are allowed"),
    QT_TRANSLATE_NOOP("Rovd", "resourcePools is required: give at least the head node's pool"),
    QT_TRANSLATE_NOOP("Rovd", "%1.machineSpec.machineType is required; known types: %2"),
    QT_TRANSLATE_NOOP("Rovd", "%1.machineSpec.acceleratorType %2 is unknown; known types: %3"),
    QT_TRANSLATE_NOOP("Rovd", "%1.machineSpec.acceleratorCount cannot be negative"),
    QT_TRANSLATE_NOOP("Rovd", "%1.replicaCount is %2; a pool needs at least 1 replica"),
    QT_TRANSLATE_NOOP("Rovd", "%1.replicaCount is %2; a pool has at most %3 nodes"),
    QT_TRANSLATE_NOOP("Rovd", "%1.diskSpec.bootDiskSizeGb is %2; it must be between 100 and 64000"),
    QT_TRANSLATE_NOOP("Rovd", "raySpec.resourcePoolImages must map pool ids to image URIs"),
    QT_TRANSLATE_NOOP("Rovd", "labels must map keys to values"),
    // The most general last: the first template that matches is the one said.
    QT_TRANSLATE_NOOP("Rovd", "%1 must be an integer (a JSON number or a decimal string), not %2"),
    QT_TRANSLATE_NOOP("Rovd", "%1 must be a JSON object"),
    QT_TRANSLATE_NOOP("Rovd", "%1 (attempt %2 of %3)"), // the attempt a start gave up on
};

const QString kChinese = QStringLiteral("zh-CN");

// "%1 of %2" → ^(.+?) of (.+?)$, and which %n each group is.
QRegularExpression patternOf(const QString &text, std::vector<int> *order)
{
    static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
    QString pattern = QStringLiteral("^");
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        pattern += QRegularExpression::escape(text.mid(at, match.capturedStart() - at));
        pattern += QStringLiteral("(.+?)");
        order->push_back(match.captured(1).toInt());
        at = match.capturedEnd();
    }
    pattern += QRegularExpression::escape(text.mid(at)) + QLatin1Char('$');
    return QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption);
}

} // namespace

const Localizer &Localizer::instance()
{
    static const Localizer localizer;
    return localizer;
}

Localizer::Localizer()
{
    QTranslator chinese;
    if (!chinese.load(QStringLiteral(":/i18n/rov_zh_CN.qm")))
        return; // no translations compiled in: English only
    for (const char *message : kMessages) {
        Template entry;
        entry.english = patternOf(QString::fromUtf8(message), &entry.order);
        entry.chinese = chinese.translate("Rovd", message);
        if (!entry.chinese.isEmpty())
            m_templates.push_back(std::move(entry));
    }
}

QString Localizer::languageOf(const std::string &acceptLanguage)
{
    // The first language named decides; weights beyond that do not matter for two languages.
    const QString first =
        QString::fromStdString(acceptLanguage).section(QLatin1Char(','), 0, 0).trimmed();
    return first.startsWith(QLatin1String("zh"), Qt::CaseInsensitive) ? kChinese : QString();
}

QString Localizer::translate(const QString &english, const QString &language) const
{
    if (language != kChinese)
        return english;
    return said(english, 0);
}

QString Localizer::said(const QString &english, int depth) const
{
    for (const auto &entry : m_templates) {
        const auto match = entry.english.match(english);
        if (!match.hasMatch())
            continue;
        // Filled in one pass, so that a %n inside a filled-in text is never taken for ours.
        QString out;
        static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
        qsizetype at = 0;
        for (auto it = placeholder.globalMatch(entry.chinese); it.hasNext();) {
            const auto hole = it.next();
            out += QStringView(entry.chinese).mid(at, hole.capturedStart() - at);
            const int number = hole.captured(1).toInt();
            const auto group = std::find(entry.order.begin(), entry.order.end(), number);
            if (group != entry.order.end()) {
                const QString argument =
                    match.captured(int(std::distance(entry.order.begin(), group)) + 1);
                // An argument is one of rovd's messages too when it is a line of words (a
                // reason inside "(attempt 2 of 3)"); a text of several lines is data, like a log.
                out += depth < 2 && !argument.contains(QLatin1Char('\n'))
                           ? said(argument, depth + 1)
                           : argument;
            }
            at = hole.capturedEnd();
        }
        return out + entry.chinese.mid(at);
    }
    return english;
}

void Localizer::localizeError(nlohmann::json &error, const QString &language) const
{
    if (!error.contains("message") || !error["message"].is_string())
        return;
    const QString english = QString::fromStdString(error["message"].get<std::string>());
    const QString said = translate(english, language);
    if (said == english)
        return;
    if (!error.contains("details") || !error["details"].is_array())
        error["details"] = nlohmann::json::array();
    error["details"].push_back({{"@type", "type.googleapis.com/google.rpc.LocalizedMessage"},
                                {"locale", language.toStdString()},
                                {"message", said.toStdString()}});
}

void Localizer::localize(nlohmann::json &body, const QString &language) const
{
    if (language.isEmpty() || m_templates.empty())
        return;
    if (body.is_array()) {
        for (auto &item : body)
            localize(item, language);
        return;
    }
    if (!body.is_object())
        return;
    for (auto &[key, value] : body.items()) {
        if ((key == "progressMessage" || key == "reason") && value.is_string())
            value =
                translate(QString::fromStdString(value.get<std::string>()), language).toStdString();
        else if (key == "error" && value.is_object())
            localizeError(value, language);
        else if (key == "status" && value.is_object() && value.contains("message") &&
                 value["message"].is_string()) // a deployed model's, said in place
            value["message"] =
                translate(QString::fromStdString(value["message"].get<std::string>()), language)
                    .toStdString();
        else if (value.is_structured())
            localize(value, language);
    }
}

} // namespace rov::localplane
