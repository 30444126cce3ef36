#include "curltransfer.h"

#include <QCoreApplication>
#include <QUrl>

namespace rov::rest {

namespace {

bool isTimeout(CURLcode code)
{
    return code == CURLE_OPERATION_TIMEDOUT;
}

int versionNumber(long curlVersion)
{
    switch (curlVersion) {
    case CURL_HTTP_VERSION_2_0:
        return 2;
    case CURL_HTTP_VERSION_3:
        return 3;
    default:
        return 1;
    }
}

double millis(CURL *easy, CURLINFO info)
{
    curl_off_t micros = 0;
    curl_easy_getinfo(easy, info, &micros);
    return double(micros) / 1000.0;
}

} // namespace

CurlTransfer::CurlTransfer(const HttpRequest &request, const TransferSettings &settings,
                           ChunkHandler onChunk)
    : m_easy(curl_easy_init()), m_onChunk(std::move(onChunk)), m_streaming(request.streaming)
{
    configure(request, settings);
}

CurlTransfer::~CurlTransfer()
{
    curl_easy_cleanup(m_easy);
    curl_slist_free_all(m_headerList);
}

void CurlTransfer::configure(const HttpRequest &request, const TransferSettings &settings)
{
    m_url = request.effectiveUrl().toEncoded();
    m_userAgent = settings.userAgent;
    curl_easy_setopt(m_easy, CURLOPT_URL, m_url.constData());
    curl_easy_setopt(m_easy, CURLOPT_PRIVATE, this);
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_USERAGENT, m_userAgent.constData());
    // Compressed streams reach us in bursts, when the server's compressor flushes: ask for none.
    if (!request.streaming)
        curl_easy_setopt(m_easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(m_easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    // Wait for an HTTP/2 connection being set up rather than opening another one.
    curl_easy_setopt(m_easy, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings.caBundleFile.isEmpty())
        curl_easy_setopt(m_easy, CURLOPT_CAINFO, settings.caBundleFile.toLocal8Bit().constData());
    curl_easy_setopt(m_easy, CURLOPT_TIMEOUT_MS, long(request.timeout.count()));
    if (request.lowSpeedTime.count() > 0) {
        curl_easy_setopt(m_easy, CURLOPT_LOW_SPEED_LIMIT,
                         long(request.lowSpeedLimitBytesPerSecond));
        curl_easy_setopt(m_easy, CURLOPT_LOW_SPEED_TIME, long(request.lowSpeedTime.count()));
    }
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &CurlTransfer::onWrite);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, &CurlTransfer::onHeader);
    curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, this);

    const bool hasBody = !request.body.isEmpty() || !request.bodyFile.isEmpty();
    switch (request.method) {
    case HttpMethod::Get:
        break;
    case HttpMethod::Head:
        curl_easy_setopt(m_easy, CURLOPT_NOBODY, 1L);
        break;
    case HttpMethod::Post:
        curl_easy_setopt(m_easy, CURLOPT_POST, 1L);
        break;
    default:
        curl_easy_setopt(m_easy, CURLOPT_CUSTOMREQUEST, methodName(request.method).constData());
        if (hasBody)
            curl_easy_setopt(m_easy, CURLOPT_POST, 1L);
        break;
    }
    if (!request.bodyFile.isEmpty()) {
        m_bodyFilePath = request.bodyFile;
        curl_easy_setopt(m_easy, CURLOPT_READFUNCTION, &CurlTransfer::onRead);
        curl_easy_setopt(m_easy, CURLOPT_READDATA, this);
        curl_easy_setopt(m_easy, CURLOPT_SEEKFUNCTION, &CurlTransfer::onSeek);
        curl_easy_setopt(m_easy, CURLOPT_SEEKDATA, this);
    } else if (hasBody || request.method == HttpMethod::Post) {
        m_body = request.body;
        curl_easy_setopt(m_easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_body.size()));
        curl_easy_setopt(m_easy, CURLOPT_POSTFIELDS, m_body.constData());
    }

    // Never Origin or Referer: the Ray dashboard refuses requests that look like a browser's.
    // "Expect:" turns off curl's 100-continue round trip for large uploads.
    m_headerList = curl_slist_append(m_headerList, "Expect:");
    if (!request.contentType.isEmpty())
        m_headerList =
            curl_slist_append(m_headerList, ("Content-Type: " + request.contentType).constData());
    if (!settings.authorization.isEmpty())
        m_headerList = curl_slist_append(m_headerList,
                                         ("Authorization: " + settings.authorization).constData());
    for (const auto &[name, value] : settings.credentialHeaders)
        m_headerList = curl_slist_append(m_headerList, (name + ": " + value).constData());
    for (const auto &[name, value] : request.headers)
        m_headerList = curl_slist_append(m_headerList, (name + ": " + value).constData());
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headerList);
}

QString CurlTransfer::prepare()
{
    if (m_bodyFilePath.isEmpty())
        return {};
    m_bodyFile = std::make_unique<QFile>(m_bodyFilePath);
    if (!m_bodyFile->open(QIODevice::ReadOnly))
        return QStringLiteral("Cannot read %1: %2").arg(m_bodyFilePath, m_bodyFile->errorString());
    curl_easy_setopt(m_easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_bodyFile->size()));
    return {};
}

long CurlTransfer::responseCode() const
{
    long code = 0;
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

size_t CurlTransfer::onWrite(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    const size_t bytes = size * count;
    // Error bodies are kept whole so they can be parsed; good bodies of a stream are handed on.
    if (transfer->m_streaming && transfer->responseCode() < 400) {
        transfer->m_deliveredChunks = true;
        transfer->m_onChunk(QByteArray(data, qsizetype(bytes)));
    } else {
        transfer->m_responseBody.append(data, qsizetype(bytes));
    }
    return bytes;
}

size_t CurlTransfer::onHeader(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new status line (after 100 Continue or a redirect) starts a new header block.
        transfer->m_responseHeaders.clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        transfer->m_responseHeaders.append(
            {line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return bytes;
}

size_t CurlTransfer::onRead(char *buffer, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    const qint64 read = transfer->m_bodyFile->read(buffer, qint64(size * count));
    return read < 0 ? CURL_READFUNC_ABORT : size_t(read);
}

int CurlTransfer::onSeek(void *self, curl_off_t offset, int origin)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    if (origin != SEEK_SET || !transfer->m_bodyFile->seek(offset))
        return CURL_SEEKFUNC_CANTSEEK;
    return CURL_SEEKFUNC_OK;
}

HttpResponse CurlTransfer::result(CURLcode code) const
{
    HttpResponse response;
    response.status = int(responseCode());
    response.headers = m_responseHeaders;
    response.body = m_responseBody;
    long version = 0;
    curl_easy_getinfo(m_easy, CURLINFO_HTTP_VERSION, &version);
    response.httpVersion = versionNumber(version);
    curl_easy_getinfo(m_easy, CURLINFO_NUM_CONNECTS, &response.newConnections);
    response.timings.connectMs = millis(m_easy, CURLINFO_CONNECT_TIME_T);
    response.timings.tlsMs =
        std::max(0.0, millis(m_easy, CURLINFO_APPCONNECT_TIME_T) - response.timings.connectMs);
    response.timings.firstByteMs = millis(m_easy, CURLINFO_STARTTRANSFER_TIME_T);
    response.timings.totalMs = millis(m_easy, CURLINFO_TOTAL_TIME_T);

    if (code != CURLE_OK) {
        const QString detail = m_errorBuffer[0] ? QString::fromUtf8(m_errorBuffer)
                                                : QString::fromUtf8(curl_easy_strerror(code));
        // curl's words, in a sentence of the user's language that says what failed.
        const QString host = QUrl::fromEncoded(m_url).authority();
        if (isTimeout(code))
            response.error = ApiError::timeout(
                code, QCoreApplication::translate("Transport", "%1 did not answer in time (%2)")
                          .arg(host, detail));
        else if (code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY)
            // Fails at once without a network: say so rather than "could not reach".
            response.error = ApiError::transport(
                code, QCoreApplication::translate("Transport",
                                                  "%1 cannot be found: there is no network, or "
                                                  "the name does not exist (%2)")
                          .arg(host, detail));
        else
            response.error = ApiError::transport(
                code, QCoreApplication::translate("Transport", "Could not reach %1 (%2)")
                          .arg(host, detail));
    } else if (response.status >= 400) {
        response.error = ApiError::fromHttpResponse(response.status, response.body);
    }
    return response;
}

} // namespace rov::rest
