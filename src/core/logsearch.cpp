#include "logsearch.h"

namespace rov::core {

namespace {

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
}

} // namespace

LogSearch::LogSearch(const QString &needle, Qt::CaseSensitivity sensitivity)
    : m_pattern(needle.toUtf8()), m_fold(sensitivity == Qt::CaseInsensitive)
{
    if (m_pattern.contains('\n'))
        m_pattern.clear();
    if (m_fold)
        m_pattern = m_pattern.toLower(); // ASCII only, like asciiLower
    m_skip.fill(m_pattern.size());
    for (qsizetype i = 0; i + 1 < m_pattern.size(); ++i) {
        const auto c = uchar(m_pattern[i]);
        m_skip[c] = m_pattern.size() - 1 - i;
        if (m_fold && c >= 'a' && c <= 'z')
            m_skip[c - ('a' - 'A')] = m_skip[c];
    }
}

char LogSearch::fold(char c) const
{
    return m_fold ? asciiLower(c) : c;
}

const char *LogSearch::find(const char *from, const char *to) const
{
    const qsizetype length = m_pattern.size();
    if (length == 0)
        return to;
    const char *last = m_pattern.constData() + length - 1;
    for (const char *at = from; to - at >= length; at += m_skip[uchar(at[length - 1])]) {
        const char *probe = at + length - 1;
        const char *want = last;
        while (fold(*probe) == *want) {
            if (want == m_pattern.constData())
                return probe;
            --probe;
            --want;
        }
    }
    return to;
}

} // namespace rov::core
