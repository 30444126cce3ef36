#include "ansifilter.h"

namespace rov::core {

QByteArray AnsiFilter::filter(QByteArrayView chunk)
{
    QByteArray input = m_pending + chunk.toByteArray();
    m_pending.clear();
    QByteArray output;
    output.reserve(input.size());
    const qsizetype size = input.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (input[i] != '\x1b') {
            output.append(input[i]);
            continue;
        }
        if (i + 1 >= size) {
            m_pending = input.mid(i);
            break;
        }
        if (input[i + 1] != '[') { // a two-byte escape
            ++i;
            continue;
        }
        // CSI: parameters and intermediates, then one final byte in @..~
        qsizetype end = i + 2;
        while (end < size && (uchar(input[end]) < 0x40 || uchar(input[end]) > 0x7e))
            ++end;
        if (end >= size) {
            m_pending = input.mid(i);
            break;
        }
        i = end;
    }
    return output;
}

} // namespace rov::core
