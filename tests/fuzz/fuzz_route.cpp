// libFuzzer target: a request line's path and query, as the router reads them.
#include "localplane/server/routetable.h"

#include <QString>
#include <string_view>

using namespace rov::localplane;
using namespace std::chrono_literals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const size_t question = text.find('?');
    const std::string_view path = text.substr(0, question);
    const std::string_view query =
        question == std::string_view::npos ? std::string_view() : text.substr(question + 1);
    const QString pathText = QString::fromUtf8(path.data(), qsizetype(path.size()));
    if (const auto found = routes::match(pathText)) {
        // A matched route names a resource inside the path it came from.
        if (!found->resource.isEmpty() && !pathText.contains(found->resource))
            __builtin_trap();
        for (const char *method : {"GET", "HEAD", "POST", "PATCH", "DELETE", "TRACE"})
            (void)routes::method(found->id, method);
        (void)routes::allow(found->id);
    }
    const auto values = routes::parseQuery(query);
    const QString timeout = routes::queryValue(values, QStringLiteral("timeout"));
    const auto waited = routes::duration(timeout, 60s);
    if (waited < 0ms || waited > 60s)
        __builtin_trap();
    (void)routes::queryValue(values, QStringLiteral("pageSize"), QStringLiteral("page_size"));
    return 0;
}
