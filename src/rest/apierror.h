#pragma once

#include <QByteArray>
#include <QString>
#include <nlohmann/json.hpp>

namespace rov::rest {

// Every failure of a request, as a value. Transport failures (no HTTP answer) and HTTP errors are
// kept apart by `kind`; Google error bodies fill `status`, `message` and `details`.
struct ApiError
{
    enum class Kind
    {
        Transport,
        Timeout,
        Cancelled,
        Http,
        Operation
    };

    Kind kind = Kind::Transport;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString status;     // canonical code name, e.g. "NOT_FOUND"
    QString message;
    nlohmann::json details = nlohmann::json::array();
    int transportCode = 0; // libcurl's CURLcode for transport failures and timeouts

    static ApiError fromHttpResponse(int httpStatus, const QByteArray &body);
    // A google.rpc.Status, as found in an Operation's or a resource's `error` (numeric code).
    static ApiError fromRpcStatus(const nlohmann::json &status);
    static ApiError transport(int transportCode, const QString &message);
    static ApiError timeout(int transportCode, const QString &message);
    static ApiError cancelled();
    // An error a server answers with: `status` is a canonical name ("INVALID_ARGUMENT" ...).
    static ApiError withStatus(const QString &status, const QString &message);
    static ApiError invalidArgument(const QString &message); // INVALID_ARGUMENT, HTTP 400
    // The same with an HTTP status of its own, for answers outside Google's mapping (405, 411,
    // 413).
    static ApiError withHttpStatus(int httpStatus, const QString &status, const QString &message);

    static QString canonicalNameForHttpStatus(int httpStatus);
    static QString canonicalNameForRpcCode(int code);
    static int httpStatusForRpcCode(int code);
    static int rpcCodeForName(const QString &status); // 2 (UNKNOWN) for names it does not know

    bool isHttp() const { return kind == Kind::Http; }
    // The host's name did not resolve (no network, or a wrong name): nothing was reached.
    bool isNameResolutionFailure() const;
    // The Google error body: {"error": {"code": <http status>, "message", "status", "details"}}.
    nlohmann::json toGoogleJson() const;
    // Takes the message of a google.rpc.LocalizedMessage detail, when there is one.
    void preferLocalizedMessage();
    // A google.rpc.Status, as an Operation's `error`: {"code": <rpc code>, "message", "details"}.
    nlohmann::json toRpcStatusJson() const;
    // One line for people: "NOT_FOUND (HTTP 404): Cluster x not found".
    QString toString() const;
};

} // namespace rov::rest
