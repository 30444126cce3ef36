// libFuzzer target: Cloud Storage's multipart/related upload bodies as clients frame them. The
// first line is the Content-Type header, the rest the body. Whatever comes, the reader answers
// parts or a reason, never throws or reads out of bounds, and each part is a slice of the body
// (or its base64 decoding), so never longer than the body.
#include "localplane/storage/multipartbody.h"

#include <variant>

using namespace rov::localplane::storage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    (void)headerParameter(contentType, "boundary");
    const auto read = readMultipartBody(contentType, body);
    if (const auto *parts = std::get_if<std::vector<BodyPart>>(&read)) {
        for (const BodyPart &part : *parts)
            if (part.data.size() > body.size())
                __builtin_trap();
    } else if (std::get<QString>(read).isEmpty()) {
        __builtin_trap(); // a refusal always says why
    }
    return 0;
}
