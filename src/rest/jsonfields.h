#pragma once

#include <QString>
#include <nlohmann/json.hpp>

namespace rov::rest {

// The member `camel` or, as some clients and servers spell it, `snake`; nullptr when absent or
// null. Google's APIs accept both spellings, and Ray's dashboard camelCases only some keys.
inline const nlohmann::json *member(const nlohmann::json &object, const char *camel,
                                    const char *snake = nullptr)
{
    if (!object.is_object())
        return nullptr;
    for (const char *key : {camel, snake}) {
        if (!key)
            continue;
        auto it = object.find(key);
        if (it != object.end() && !it->is_null())
            return &*it;
    }
    return nullptr;
}

// The string member `key`, or an empty string when it is absent or not a string.
inline QString stringMember(const nlohmann::json &object, const char *key)
{
    const nlohmann::json *value = member(object, key);
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>())
                                       : QString();
}

} // namespace rov::rest
