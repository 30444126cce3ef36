#pragma once

#include <string>

namespace rov::localplane::metrics {

// A label value as Prometheus' text format wants it: backslash, quote and newline escaped.
inline std::string escapeLabelValue(const std::string &value)
{
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\\' || c == '"')
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace rov::localplane::metrics
