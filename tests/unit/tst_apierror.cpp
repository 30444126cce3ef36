#include "rest/apierror.h"

#include <QTest>

using rov::rest::ApiError;

class TestApiError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void googleErrorBodyIsParsed()
    {
        const QByteArray body = R"({"error": {"code": 409, "message": "Cluster c1 already exists.",
            "status": "ALREADY_EXISTS", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "DUPLICATE"}]}})";
        const ApiError error = ApiError::fromHttpResponse(409, body);
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 409);
        QCOMPARE(error.status, QStringLiteral("ALREADY_EXISTS"));
        QCOMPARE(error.message, QStringLiteral("Cluster c1 already exists."));
        QCOMPARE(error.details.size(), size_t(1));
        QCOMPARE(error.details[0]["reason"].get<std::string>(), std::string("DUPLICATE"));
        QCOMPARE(error.toString(),
                 QStringLiteral("ALREADY_EXISTS (HTTP 409): Cluster c1 already exists."));
    }

    void aLocalizedMessageIsWhatTheUserReads()
    {
        // The backend answered in the language the request asked for (Accept-Language).
        const QByteArray body = R"({"error": {"code": 404, "message": "Operation o not found",
            "status": "NOT_FOUND", "details": [{"@type": "type.googleapis.com/google.rpc.LocalizedMessage",
            "locale": "zh-CN", "message": "找不到操作 o"}]}})";
        const ApiError error = ApiError::fromHttpResponse(404, body);
        QCOMPARE(error.message, QStringLiteral("找不到操作 o"));
        QCOMPARE(error.details[0]["@type"].get<std::string>(),
                 std::string("type.googleapis.com/google.rpc.LocalizedMessage")); // English kept
        const ApiError failed = ApiError::fromRpcStatus(nlohmann::json::parse(
            R"({"code": 4, "message": "Too slow", "details": [{"@type":
            "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "zh-CN", "message": "太慢"}]})"));
        QCOMPARE(failed.message, QStringLiteral("太慢"));
    }

    void arrayWrappedGoogleErrorIsParsed()
    {
        const ApiError error = ApiError::fromHttpResponse(
            403,
            R"([{"error": {"code": 403, "message": "denied", "status": "PERMISSION_DENIED"}}])");
        QCOMPARE(error.status, QStringLiteral("PERMISSION_DENIED"));
        QCOMPARE(error.message, QStringLiteral("denied"));
    }

    void plainTextBodyBecomesTheMessage()
    {
        const ApiError error = ApiError::fromHttpResponse(500, "Traceback ...\nValueError: boom\n");
        QCOMPARE(error.status, QStringLiteral("INTERNAL"));
        QVERIFY(error.message.endsWith(QStringLiteral("ValueError: boom")));
    }

    void emptyBodyStillSaysSomething()
    {
        const ApiError error = ApiError::fromHttpResponse(503, {});
        QCOMPARE(error.status, QStringLiteral("UNAVAILABLE"));
        QCOMPARE(error.message, QStringLiteral("HTTP 503"));
    }

    void canonicalNamesFollowGoogleMapping()
    {
        QCOMPARE(ApiError::canonicalNameForHttpStatus(400), QStringLiteral("INVALID_ARGUMENT"));
        QCOMPARE(ApiError::canonicalNameForHttpStatus(401), QStringLiteral("UNAUTHENTICATED"));
        QCOMPARE(ApiError::canonicalNameForHttpStatus(404), QStringLiteral("NOT_FOUND"));
        QCOMPARE(ApiError::canonicalNameForHttpStatus(429), QStringLiteral("RESOURCE_EXHAUSTED"));
        QCOMPARE(ApiError::canonicalNameForHttpStatus(504), QStringLiteral("DEADLINE_EXCEEDED"));
        QCOMPARE(ApiError::canonicalNameForRpcCode(9), QStringLiteral("FAILED_PRECONDITION"));
        QCOMPARE(ApiError::httpStatusForRpcCode(9), 400);
        QCOMPARE(ApiError::httpStatusForRpcCode(16), 401);
        QCOMPARE(ApiError::canonicalNameForRpcCode(99), QStringLiteral("UNKNOWN"));
    }

    void rpcStatusOfAnOperation()
    {
        const ApiError error = ApiError::fromRpcStatus(
            nlohmann::json::parse(R"({"code": 5, "message": "gone", "details": []})"));
        QCOMPARE(error.kind, ApiError::Kind::Operation);
        QCOMPARE(error.status, QStringLiteral("NOT_FOUND"));
        QCOMPARE(error.httpStatus, 404);
        QCOMPARE(error.message, QStringLiteral("gone"));
    }
};

QTEST_APPLESS_MAIN(TestApiError)
#include "tst_apierror.moc"
