#pragma once

#include "serveinstance.h"

#include <memory>

namespace rov::localplane::serving {

// The seam between serving's state machine and Ray Serve: every call the worker makes to the
// serving instance. rayServe() is the real one; tests put a fake Serve behind it to drive
// deploys, failures and restarts without Ray. Calls block (they are the worker's, never the
// owner's or the server's) and say why in words when they fail.
class ServeBackend
{
public:
    virtual ~ServeBackend() = default;
    // A new instance, once its dashboard answers.
    virtual std::variant<InstanceRecord, QString> start() = 0;
    // Its process runs and its dashboard answers.
    virtual bool alive(const InstanceRecord &instance) = 0;
    // Its process runs (the dashboard may be busy).
    virtual bool processAlive(const InstanceRecord &instance) = 0;
    virtual void stop(const InstanceRecord &instance) = 0;
    // Serve's applications replaced by `config`'s.
    virtual std::optional<QString> putConfig(const InstanceRecord &instance,
                                             const nlohmann::json &config) = 0;
    // GET /api/serve/applications/.
    virtual std::variant<nlohmann::json, QString> status(const InstanceRecord &instance) = 0;
};

std::unique_ptr<ServeBackend> rayServe(InstanceSettings settings);

} // namespace rov::localplane::serving
