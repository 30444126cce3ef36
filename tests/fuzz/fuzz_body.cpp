// libFuzzer target: the request-body readers. The input is split into a header block and a body:
// Content-Length and Transfer-Encoding values, the route's rule, then the body in pieces.
#include "localplane/server/bodyreader.h"

#include <QByteArrayList>

using namespace rov::localplane;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const BodyRule rule = BodyRule(data[0] % 3);
    const qsizetype split = input.indexOf("\n\n");
    const QByteArray head = split < 0 ? input.mid(1) : input.mid(1, split - 1);
    const QByteArray body = split < 0 ? QByteArray() : input.mid(split + 2);
    const QByteArrayList lines = head.split('\n');
    BodyHeaders headers;
    headers.hasContentLength = !lines.value(0).isEmpty();
    headers.contentLength = lines.value(0);
    headers.transferEncoding = lines.value(1);
    constexpr qint64 limit = 4096;
    const auto framing = frameBody(headers, rule, limit);
    if (const auto *frame = std::get_if<BodyFraming>(&framing)) {
        if (frame->kind == BodyFraming::Kind::Length && frame->length > quint64(limit))
            __builtin_trap(); // a length over the limit must be refused before reading
    }
    BodyCollector collector(limit);
    for (qsizetype at = 0; at < body.size(); at += 97) {
        if (!collector.append(body.constData() + at, size_t(std::min<qsizetype>(97, body.size() - at))))
            break;
    }
    if (collector.body().size() > limit)
        __builtin_trap();
    (void)decodeJsonBody(collector.body(), lines.value(2), rule);
    return 0;
}
