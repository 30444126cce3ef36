#include "callview.h"

#include "api/vertex/wire.h"
#include "localplane/clusters/operationdoc.h"

namespace rov::localplane::callview {

using nlohmann::json;
namespace wire = api::vertex::wire;

namespace {

void renameTypes(json &value)
{
    if (value.is_object()) {
        for (auto &[key, member] : value.items()) {
            if (key == "@type" && member.is_string()) {
                std::string type = member.get<std::string>();
                const std::string from = ".aiplatform.v1beta1.", to = ".aiplatform.v1.";
                if (const size_t at = type.find(from); at != std::string::npos)
                    member = type.replace(at, from.size(), to);
            } else {
                renameTypes(member);
            }
        }
    } else if (value.is_array()) {
        for (auto &item : value)
            renameTypes(item);
    }
}

} // namespace

json cluster(json resource, const ApiCall &call)
{
    if (!resource.is_object())
        return resource;
    if (!call.isV1beta1() && resource.contains("resourceRuntimeSpec")) {
        json &runtimeSpec = resource["resourceRuntimeSpec"];
        if (runtimeSpec.is_object() && runtimeSpec.contains("raySpec") &&
            runtimeSpec["raySpec"].is_object())
            runtimeSpec["raySpec"].erase("nfsMounts"); // v1 has no NFS mounts
    }
    if (!call.enumsAsIntegers)
        return resource;
    if (const auto it = resource.find("state"); it != resource.end() && it->is_string())
        *it = int(wire::stateFromJson(*it));
    if (const auto pools = resource.find("resourcePools");
        pools != resource.end() && pools->is_array()) {
        for (auto &pool : *pools) {
            if (!pool.is_object() || !pool.contains("machineSpec"))
                continue;
            json &machine = pool["machineSpec"];
            if (const auto type = machine.find("acceleratorType");
                type != machine.end() && type->is_string())
                *type =
                    wire::acceleratorTypeNumber(QString::fromStdString(type->get<std::string>()));
        }
    }
    return resource;
}

json operation(json stored, const ApiCall &call)
{
    if (!stored.is_object())
        return stored;
    const bool v1beta1 =
        call.version == QLatin1String("ui")
            ? stored.value(operationdoc::kOriginKey, std::string("v1beta1")) == "v1beta1"
            : call.isV1beta1();
    stored.erase(operationdoc::kOriginKey);
    stored.erase(operationdoc::kDeadlineKey);
    const ApiCall asked{v1beta1 ? QStringLiteral("v1beta1") : QStringLiteral("v1"),
                        call.enumsAsIntegers};
    if (const auto response = stored.find("response");
        response != stored.end() && response->is_object() &&
        response->value("@type", std::string()).find("PersistentResource") != std::string::npos)
        *response = cluster(std::move(*response), asked);
    if (!v1beta1)
        renameTypes(stored);
    return stored;
}

} // namespace rov::localplane::callview
