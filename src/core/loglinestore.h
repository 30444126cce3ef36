#pragma once

#include "logsearch.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace rov::core {

// Log text as it streams in, kept as bytes in large blocks with an index of where each line
// starts: a million lines cost their bytes plus 12 bytes each, and finding a line copies nothing.
class LogLineStore
{
public:
    static constexpr qsizetype kBlockBytes = 4 * 1024 * 1024;

    // Appends a chunk as it came off the wire; a line without its newline waits for the next
    // chunk. Returns how many whole lines were added.
    qsizetype append(QByteArrayView chunk);
    // Ends the stream: a last line without a newline becomes a line.
    qsizetype finish();
    void clear();

    qsizetype lineCount() const { return qsizetype(m_lines.size()); }
    QByteArrayView line(qsizetype index) const;
    QString lineText(qsizetype index) const { return QString::fromUtf8(line(index)); }
    qsizetype byteCount() const { return m_bytes; }

    // Lines that contain the search's needle, in order.
    std::vector<qsizetype> find(const LogSearch &search) const;

private:
    struct LineRef
    {
        quint32 block;
        quint32 offset;
        quint32 length; // without the newline, which is kept in the block as a separator
    };
    void addLine(QByteArrayView text);
    qsizetype firstLineOfBlock(size_t block) const;

    std::vector<QByteArray> m_blocks;
    std::vector<LineRef> m_lines;
    std::vector<qsizetype> m_blockFirstLine; // index of the first line stored in each block
    QByteArray m_partial;
    qsizetype m_bytes = 0;
};

} // namespace rov::core
