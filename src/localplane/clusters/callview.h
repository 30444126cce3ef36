#pragma once

#include <QString>
#include <nlohmann/json.hpp>

namespace rov::localplane {

// How the client asked: through which API version, and whether enums come back as numbers
// ($alt=json;enum-encoding=int, as Google's Python REST client asks).
struct ApiCall
{
    QString version = QStringLiteral("v1beta1"); // v1, v1beta1, or ui (operations only)
    bool enumsAsIntegers = false;

    bool isV1beta1() const { return version == QLatin1String("v1beta1"); }
};

// rovd keeps resources in one canonical form (v1beta1 names, enums as names) and answers each
// call in the form it asked for. Pure functions: the server's threads call them.
namespace callview {

nlohmann::json cluster(nlohmann::json resource, const ApiCall &call);
// Under /ui/ an operation answers in the version of the call that made it.
nlohmann::json operation(nlohmann::json stored, const ApiCall &call);

} // namespace callview

} // namespace rov::localplane
