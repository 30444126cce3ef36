#pragma once

#include "rest/apierror.h"

#include <optional>

namespace rov::api {

// What a typed call hands to its callback: a value, or the error that says why not.
template <typename T> struct Result
{
    T value{};
    std::optional<rest::ApiError> error;
    bool ok() const { return !error; }
};

} // namespace rov::api
