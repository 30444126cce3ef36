#pragma once

#include <QString>

// rovd's own log lines (its standard error, which scripts/run.sh and the console's rovd keep in
// a file): one line each, written whole, never carrying a token. Answers to clients say what went
// wrong in words; the paths and system errors behind them are told here.
namespace rov::localplane::diagnostics {

void warn(const QString &message);

} // namespace rov::localplane::diagnostics
