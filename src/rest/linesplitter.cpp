#include "linesplitter.h"

namespace rov::rest {

namespace {
QByteArray withoutCarriageReturn(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}
} // namespace

QList<QByteArray> LineSplitter::push(const QByteArray &chunk)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    qsizetype newline = chunk.indexOf('\n');
    while (newline >= 0) {
        QByteArray line = chunk.mid(start, newline - start);
        if (!m_partial.isEmpty()) {
            line.prepend(m_partial);
            m_partial.clear();
        }
        lines.append(withoutCarriageReturn(std::move(line)));
        start = newline + 1;
        newline = chunk.indexOf('\n', start);
    }
    m_partial.append(chunk.mid(start));
    return lines;
}

QByteArray LineSplitter::finish()
{
    QByteArray last = withoutCarriageReturn(std::move(m_partial));
    m_partial.clear();
    return last;
}

} // namespace rov::rest
