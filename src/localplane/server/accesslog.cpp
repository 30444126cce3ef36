#include "accesslog.h"

#include <QDateTime>
#include <cmath>
#include <nlohmann/json.hpp>

namespace rov::localplane {

std::string AccessLog::line(const Entry &entry)
{
    const QString time =
        QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
    const nlohmann::ordered_json object = {
        {"time", time.toStdString()}, {"method", entry.method},
        {"route", entry.route},       {"subsystem", entry.subsystem},
        {"status", entry.status},     {"ms", std::lround(entry.seconds * 100000) / 100.0},
        {"role", entry.role}};
    // Invalid UTF-8 (a method no client sends) is replaced, never a throw on a server thread.
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace rov::localplane
