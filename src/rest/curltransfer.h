#pragma once

#include "httpresponse.h"

#include <QFile>
#include <curl/curl.h>
#include <functional>
#include <memory>

namespace rov::rest {

struct TransferSettings
{
    QByteArray userAgent;
    QByteArray authorization;          // full header value or empty
    QString caBundleFile;              // empty = the system CA store
    HeaderList credentialHeaders = {}; // from the credentials provider (x-goog-user-project)
};

// One attempt of one request: a configured libcurl easy handle and what it received.
class CurlTransfer
{
public:
    using ChunkHandler = std::function<void(QByteArray chunk)>;

    CurlTransfer(const HttpRequest &request, const TransferSettings &settings,
                 ChunkHandler onChunk);
    ~CurlTransfer();
    CurlTransfer(const CurlTransfer &) = delete;
    CurlTransfer &operator=(const CurlTransfer &) = delete;

    // Opens the upload file, if any. Returns an error message when it cannot.
    QString prepare();
    CURL *handle() const { return m_easy; }
    bool deliveredChunks() const { return m_deliveredChunks; }
    // Bytes of the upload file handed to libcurl so far.
    qint64 uploadedBytes() const { return m_bodyFile ? m_bodyFile->pos() : 0; }
    // The outcome once libcurl is done with the handle; `error` unset means an HTTP answer came.
    HttpResponse result(CURLcode code) const;

private:
    static size_t onWrite(char *data, size_t size, size_t count, void *self);
    static size_t onHeader(char *data, size_t size, size_t count, void *self);
    static size_t onRead(char *buffer, size_t size, size_t count, void *self);
    static int onSeek(void *self, curl_off_t offset, int origin);
    long responseCode() const;
    void configure(const HttpRequest &request, const TransferSettings &settings);

    CURL *m_easy = nullptr;
    curl_slist *m_headerList = nullptr;
    QByteArray m_url;
    QByteArray m_body;
    QByteArray m_userAgent;
    QString m_bodyFilePath;
    std::unique_ptr<QFile> m_bodyFile;
    ChunkHandler m_onChunk;
    bool m_streaming = false;
    bool m_deliveredChunks = false;
    HeaderList m_responseHeaders;
    QByteArray m_responseBody;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
};

} // namespace rov::rest
