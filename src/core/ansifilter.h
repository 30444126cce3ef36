#pragma once

#include <QByteArray>

namespace rov::core {

// Removes terminal escape sequences (colours, cursor moves) from a byte stream that arrives in
// chunks; a sequence split between chunks is held back until it is complete. Ray's logs colour
// some lines, and a log view shows them as text.
class AnsiFilter
{
public:
    QByteArray filter(QByteArrayView chunk);

private:
    QByteArray m_pending; // an escape sequence cut off at the end of the last chunk
};

} // namespace rov::core
