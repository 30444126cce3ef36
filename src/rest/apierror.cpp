#include "apierror.h"

#include <array>
#include <curl/curl.h>

namespace rov::rest {

namespace {

// google.rpc.Code, indexed by number.
constexpr std::array<const char *, 17> kRpcCodeNames = {
    "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
    "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
    "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
    "DATA_LOSS", "UNAUTHENTICATED"};

constexpr std::array<int, 17> kRpcCodeHttpStatus = {200, 499, 500, 400, 504, 404, 409, 403, 429,
                                                    400, 409, 400, 501, 500, 503, 500, 401};

QString stringField(const nlohmann::json &object, const char *key)
{
    auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

QString plainTextMessage(const QByteArray &body)
{
    constexpr qsizetype kMaxChars = 2000;
    QString text = QString::fromUtf8(body).trimmed();
    if (text.size() > kMaxChars)
        text = text.left(kMaxChars) + QStringLiteral("…");
    return text;
}

} // namespace

ApiError ApiError::fromHttpResponse(int httpStatus, const QByteArray &body)
{
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = httpStatus;
    error.status = canonicalNameForHttpStatus(httpStatus);

    auto parsed = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    // Some Google APIs wrap the error object in a one-element array.
    if (parsed.is_array() && parsed.size() == 1)
        parsed = parsed.front();
    if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_object()) {
        const auto &googleError = parsed["error"];
        if (auto name = stringField(googleError, "status"); !name.isEmpty())
            error.status = name;
        error.message = stringField(googleError, "message");
        if (auto it = googleError.find("details"); it != googleError.end() && it->is_array())
            error.details = *it;
        error.preferLocalizedMessage();
    } else if (!body.isEmpty()) {
        error.message = plainTextMessage(body);
    }
    if (error.message.isEmpty())
        error.message = QStringLiteral("HTTP %1").arg(httpStatus);
    return error;
}

ApiError ApiError::fromRpcStatus(const nlohmann::json &status)
{
    ApiError error;
    error.kind = Kind::Operation;
    // A server's document may be anything: a code that is not a number is UNKNOWN.
    const auto found = status.is_object() ? status.find("code") : status.end();
    const int code = found != status.end() && found->is_number_integer() ? found->get<int>() : 2;
    error.status = canonicalNameForRpcCode(code);
    error.httpStatus = httpStatusForRpcCode(code);
    error.message = stringField(status, "message");
    if (auto it = status.find("details"); it != status.end() && it->is_array())
        error.details = *it;
    error.preferLocalizedMessage();
    return error;
}

bool ApiError::isNameResolutionFailure() const
{
    return kind == Kind::Transport && (transportCode == CURLE_COULDNT_RESOLVE_HOST ||
                                       transportCode == CURLE_COULDNT_RESOLVE_PROXY);
}

void ApiError::preferLocalizedMessage()
{
    // google.rpc.LocalizedMessage: the message in the language the request asked for; the
    // English one stays in `details` for logs and support.
    for (const auto &detail : details) {
        if (detail.is_object() &&
            detail.value("@type", std::string()) ==
                "type.googleapis.com/google.rpc.LocalizedMessage" &&
            detail.contains("message") && detail["message"].is_string()) {
            const QString localized = QString::fromStdString(detail["message"].get<std::string>());
            if (!localized.isEmpty())
                message = localized;
            return;
        }
    }
}

ApiError ApiError::transport(int transportCode, const QString &message)
{
    ApiError error;
    error.kind = Kind::Transport;
    error.status = QStringLiteral("UNAVAILABLE");
    error.transportCode = transportCode;
    error.message = message;
    return error;
}

ApiError ApiError::timeout(int transportCode, const QString &message)
{
    ApiError error = transport(transportCode, message);
    error.kind = Kind::Timeout;
    error.status = QStringLiteral("DEADLINE_EXCEEDED");
    return error;
}

ApiError ApiError::cancelled()
{
    ApiError error;
    error.kind = Kind::Cancelled;
    error.status = QStringLiteral("CANCELLED");
    error.message = QStringLiteral("The request was cancelled");
    return error;
}

ApiError ApiError::invalidArgument(const QString &message)
{
    return withStatus(QStringLiteral("INVALID_ARGUMENT"), message);
}

ApiError ApiError::withStatus(const QString &status, const QString &message)
{
    ApiError error;
    error.kind = Kind::Http;
    error.status = status;
    error.httpStatus = httpStatusForRpcCode(rpcCodeForName(status));
    error.message = message;
    return error;
}

ApiError ApiError::withHttpStatus(int httpStatus, const QString &status, const QString &message)
{
    ApiError error = withStatus(status, message);
    error.httpStatus = httpStatus;
    return error;
}

int ApiError::rpcCodeForName(const QString &status)
{
    for (size_t code = 0; code < kRpcCodeNames.size(); ++code) {
        if (status == QLatin1String(kRpcCodeNames[code]))
            return int(code);
    }
    return 2;
}

nlohmann::json ApiError::toGoogleJson() const
{
    return {{"error",
             {{"code", httpStatus},
              {"message", message.toStdString()},
              {"status", status.toStdString()},
              {"details", details}}}};
}

nlohmann::json ApiError::toRpcStatusJson() const
{
    return {
        {"code", rpcCodeForName(status)}, {"message", message.toStdString()}, {"details", details}};
}

QString ApiError::canonicalNameForHttpStatus(int httpStatus)
{
    switch (httpStatus) {
    case 400:
        return QStringLiteral("INVALID_ARGUMENT");
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 408:
        return QStringLiteral("DEADLINE_EXCEEDED");
    case 409:
        return QStringLiteral("ABORTED");
    case 412:
        return QStringLiteral("FAILED_PRECONDITION");
    case 416:
        return QStringLiteral("OUT_OF_RANGE");
    case 429:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case 499:
        return QStringLiteral("CANCELLED");
    case 501:
        return QStringLiteral("UNIMPLEMENTED");
    case 503:
        return QStringLiteral("UNAVAILABLE");
    case 504:
        return QStringLiteral("DEADLINE_EXCEEDED");
    default:
        break;
    }
    if (httpStatus >= 500)
        return QStringLiteral("INTERNAL");
    if (httpStatus >= 400)
        return QStringLiteral("FAILED_PRECONDITION");
    return QStringLiteral("UNKNOWN");
}

QString ApiError::canonicalNameForRpcCode(int code)
{
    if (code < 0 || code >= int(kRpcCodeNames.size()))
        return QStringLiteral("UNKNOWN");
    return QString::fromLatin1(kRpcCodeNames[size_t(code)]);
}

int ApiError::httpStatusForRpcCode(int code)
{
    if (code < 0 || code >= int(kRpcCodeHttpStatus.size()))
        return 500;
    return kRpcCodeHttpStatus[size_t(code)];
}

QString ApiError::toString() const
{
    QString where;
    if (httpStatus > 0)
        where = QStringLiteral(" (HTTP %1)").arg(httpStatus);
    return QStringLiteral("%1%2: %3").arg(status, where, message);
}

} // namespace rov::rest
