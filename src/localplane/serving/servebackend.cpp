#include "servebackend.h"

#include "localplane/clusters/raynodeprocess.h"

namespace rov::localplane::serving {

namespace {

class RayServe final : public ServeBackend
{
public:
    explicit RayServe(InstanceSettings settings) : m_settings(std::move(settings)) {}

    std::variant<InstanceRecord, QString> start() override { return startInstance(m_settings); }
    bool alive(const InstanceRecord &instance) override
    {
        return instanceAlive(instance, m_settings);
    }
    bool processAlive(const InstanceRecord &instance) override
    {
        return RayNodeProcess::isAliveWithMarker(
            instance.pid, QStringLiteral("--temp-dir=%1").arg(m_settings.tempDir));
    }
    void stop(const InstanceRecord &instance) override { stopInstance(instance); }
    std::optional<QString> putConfig(const InstanceRecord &instance,
                                     const nlohmann::json &config) override
    {
        return putServeConfig(instance, config);
    }
    std::variant<nlohmann::json, QString> status(const InstanceRecord &instance) override
    {
        return serveStatus(instance);
    }

private:
    const InstanceSettings m_settings;
};

} // namespace

std::unique_ptr<ServeBackend> rayServe(InstanceSettings settings)
{
    return std::make_unique<RayServe>(std::move(settings));
}

} // namespace rov::localplane::serving
