#include "diagnostics.h"

#include <cstdio>
#include <unistd.h>

namespace rov::localplane::diagnostics {

void warn(const QString &message)
{
    // One write(2) a line: lines of several threads never interleave.
    const QByteArray line = "rovd: " + message.toUtf8().replace('\n', ' ') + '\n';
    [[maybe_unused]] const ssize_t wrote = ::write(STDERR_FILENO, line.constData(), line.size());
}

} // namespace rov::localplane::diagnostics
