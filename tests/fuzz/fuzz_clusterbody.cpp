// libFuzzer target: a create or PATCH body as a client sends it. The bytes go through the same
// steps as in rovd: the body reader, the cluster parser (both API versions), the scale request
// against the parsed spec, and the record's document round trip.
#include "catalog/machinecatalog.h"
#include "localplane/clusters/clusterspecparser.h"
#include "localplane/clusters/scalerequest.h"
#include "localplane/server/bodyreader.h"

#include <QByteArray>

using namespace rov::localplane;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto decoded = decodeJsonBody(body, "application/json", BodyRule::JsonRequired);
    const auto *json = std::get_if<nlohmann::json>(&decoded);
    if (!json)
        return 0;
    static const ClusterSpecParser parser(rov::catalog::MachineCatalog::builtIn(), {});
    for (const bool v1beta1 : {false, true}) {
        const auto parsed = parser.parse(*json, v1beta1);
        const auto *spec = std::get_if<ClusterSpec>(&parsed);
        if (!spec)
            continue;
        // A spec that was accepted reads back as itself.
        const auto again = parser.parse(spec->toJson({}), v1beta1);
        if (!std::holds_alternative<ClusterSpec>(again))
            __builtin_trap();
        for (const char *mask : {"resourcePools.replicaCount", "resource_pools.replica_count", ""}) {
            const auto scale = ScaleRequest::read(*spec, *json, QString::fromLatin1(mask));
            if (const auto *request = std::get_if<ScaleRequest>(&scale))
                (void)request->changesNothing(*spec);
        }
    }
    return 0;
}
