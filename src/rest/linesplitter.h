#pragma once

#include <QByteArray>
#include <QList>

namespace rov::rest {

// Turns streamed chunks into whole lines (without "\n" or "\r\n"), whatever the chunk borders.
class LineSplitter
{
public:
    QList<QByteArray> push(const QByteArray &chunk);
    // The last line when the stream ended without a newline; empty otherwise.
    QByteArray finish();

private:
    QByteArray m_partial;
};

} // namespace rov::rest
