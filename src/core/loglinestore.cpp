#include "loglinestore.h"

#include <algorithm>
#include <cstring>

namespace rov::core {

void LogLineStore::addLine(QByteArrayView text)
{
    // A line longer than a block gets a block of its own.
    const qsizetype needed = text.size() + 1;
    if (m_blocks.empty() || m_blocks.back().size() + needed > m_blocks.back().capacity()) {
        m_blocks.emplace_back();
        m_blocks.back().reserve(std::max(kBlockBytes, needed));
        m_blockFirstLine.push_back(lineCount());
    }
    QByteArray &block = m_blocks.back();
    m_lines.push_back({quint32(m_blocks.size() - 1), quint32(block.size()), quint32(text.size())});
    block.append(text);
    block.append('\n');
    m_bytes += needed;
}

qsizetype LogLineStore::append(QByteArrayView chunk)
{
    qsizetype added = 0;
    qsizetype start = 0;
    while (start < chunk.size()) {
        const auto *newline = static_cast<const char *>(
            std::memchr(chunk.data() + start, '\n', size_t(chunk.size() - start)));
        if (!newline) {
            m_partial.append(chunk.sliced(start));
            break;
        }
        const qsizetype end = newline - chunk.data();
        QByteArrayView text = chunk.sliced(start, end - start);
        if (!m_partial.isEmpty()) {
            m_partial.append(text);
            text = m_partial;
        }
        if (text.endsWith('\r'))
            text.chop(1);
        addLine(text);
        m_partial.clear();
        ++added;
        start = end + 1;
    }
    return added;
}

qsizetype LogLineStore::finish()
{
    if (m_partial.isEmpty())
        return 0;
    addLine(m_partial);
    m_partial.clear();
    return 1;
}

void LogLineStore::clear()
{
    m_blocks.clear();
    m_lines.clear();
    m_blockFirstLine.clear();
    m_partial.clear();
    m_bytes = 0;
}

QByteArrayView LogLineStore::line(qsizetype index) const
{
    if (index < 0 || index >= lineCount())
        return {};
    const LineRef &ref = m_lines[size_t(index)];
    return QByteArrayView(m_blocks[ref.block].constData() + ref.offset, ref.length);
}

qsizetype LogLineStore::firstLineOfBlock(size_t block) const
{
    return m_blockFirstLine[block];
}

std::vector<qsizetype> LogLineStore::find(const LogSearch &searcher) const
{
    std::vector<qsizetype> hits;
    if (searcher.isEmpty())
        return hits;
    for (size_t block = 0; block < m_blocks.size(); ++block) {
        const QByteArrayView text = m_blocks[block];
        qsizetype line = firstLineOfBlock(block);
        const qsizetype lastLine =
            block + 1 < m_blocks.size() ? firstLineOfBlock(block + 1) : lineCount();
        auto from = text.begin();
        while (from != text.end()) {
            const auto found = searcher.find(from, text.end());
            if (found == text.end())
                break;
            const auto offset = quint32(found - text.begin());
            // The line that holds the match: the last one starting at or before it.
            const auto first = m_lines.begin() + line;
            const auto holder = std::upper_bound(first, m_lines.begin() + lastLine, offset,
                                                 [](quint32 value, const LineRef &ref) {
                                                     return value < ref.offset;
                                                 }) -
                                1;
            line = holder - m_lines.begin();
            hits.push_back(line);
            from = text.begin() + holder->offset + holder->length + 1; // the next line
            ++line;
            if (line >= lastLine)
                break;
        }
    }
    return hits;
}

} // namespace rov::core
