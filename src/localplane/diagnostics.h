#pragma once

#include <QByteArray>
#include <QString>

// rovd's own log lines (its standard error, which scripts/run.sh and the console's rovd keep in
// a file): one line each, written whole, never carrying a token. Answers to clients say what went
// wrong in words; the paths and system errors behind them are told here.
namespace rov::localplane::diagnostics {

void warn(const QString &message);

// `secret` (a token rovd holds) is never written: warn() and redact() replace it.
void addSecret(const QByteArray &secret);
// `text` without secrets: the known tokens, a path token (/t/<token>/…), a bearer credential
// and a password or token in a URL's query are replaced by <token>.
QString redact(QString text);

} // namespace rov::localplane::diagnostics
