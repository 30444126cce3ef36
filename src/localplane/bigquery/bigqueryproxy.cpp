#include "bigqueryproxy.h"

#include "bigquerysupervisor.h"
#include "localplane/querystring.h"

#include <QUrl>
#include <httplib.h>
#include <memory>

namespace rov::localplane::bigquery {

namespace {

// Each of rovd's server threads keeps one connection to the service open (keep-alive): a call
// costs no connect, and the service no new thread per call. A connection the service closed (it
// was restarted) is noticed before the next request and opened again.
httplib::Client &clientFor(quint16 port)
{
    thread_local std::unique_ptr<httplib::Client> client;
    thread_local quint16 clientPort = 0;
    if (!client || clientPort != port) {
        client = std::make_unique<httplib::Client>("127.0.0.1", port);
        clientPort = port;
        client->set_keep_alive(true);
        client->set_connection_timeout(2);
        client->set_tcp_nodelay(true); // the request's head and body go out at once
        // getQueryResults and jobs.query wait up to a minute for a job; a load reads its file.
        client->set_read_timeout(300);
        client->set_write_timeout(300);
    }
    return *client;
}

} // namespace

ApiResult forwardToBigQuery(const BigQuerySupervisor *service, const BigQueryCall &call)
{
    const quint16 port = service ? service->port() : 0;
    if (port == 0) {
        const QString why = service ? service->problem() : QString();
        ApiResult refused = ApiResult::error(
            QStringLiteral("UNAVAILABLE"),
            why.isEmpty() ? QStringLiteral("rovd's BigQuery service is not running") : why);
        refused.headers.push_back({"Retry-After", "2"});
        return refused;
    }
    httplib::Client &client = clientFor(port);
    httplib::Request request;
    request.method = call.method == "HEAD" ? "GET" : call.method.toStdString();
    request.path = QUrl::toPercentEncoding(call.path, "/").toStdString();
    if (!call.query.empty())
        request.path += '?' + encodedQuery(call.query);
    request.set_header("X-Rov-Secret", service->secret().toStdString());
    request.set_header("X-Rov-Role", call.role.toStdString());
    request.set_header("X-Rov-Base", call.publicBase.toStdString());
    if (!call.contentRange.isEmpty())
        request.set_header("Content-Range", call.contentRange.toStdString());
    request.set_header("Content-Type", call.contentType.isEmpty() ? std::string("application/json")
                                                                  : call.contentType.toStdString());
    request.body = call.body.toStdString();
    request.set_header("Content-Length", std::to_string(request.body.size()));
    const httplib::Result answer = client.send(request);
    if (!answer) {
        ApiResult refused = ApiResult::error(
            QStringLiteral("UNAVAILABLE"),
            QStringLiteral("rovd's BigQuery service did not answer (%1); it may be starting")
                .arg(QString::fromStdString(httplib::to_string(answer.error()))));
        refused.headers.push_back({"Retry-After", "2"});
        return refused;
    }
    ApiResult result;
    result.status = answer->status;
    result.rawBody = answer->body;
    const std::string type = answer->get_header_value("Content-Type");
    result.rawContentType = type.empty() ? std::string("application/json") : type;
    for (const char *name : {"Location", "Range"})
        if (answer->has_header(name))
            result.headers.push_back({name, answer->get_header_value(name)});
    return result;
}

} // namespace rov::localplane::bigquery
