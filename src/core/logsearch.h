#pragma once

#include <QByteArray>
#include <QString>
#include <array>

namespace rov::core {

// A needle prepared once for searching log bytes: Boyer-Moore-Horspool that folds ASCII case as
// it compares, so the text is never copied. Empty (matches nothing) for an empty needle or one
// with a newline.
class LogSearch
{
public:
    LogSearch() = default;
    LogSearch(const QString &needle, Qt::CaseSensitivity sensitivity);

    bool isEmpty() const { return m_pattern.isEmpty(); }
    // The start of the first match in [from, to), or `to`.
    const char *find(const char *from, const char *to) const;
    bool matches(QByteArrayView line) const
    {
        return !isEmpty() && find(line.begin(), line.end()) != line.end();
    }

private:
    char fold(char c) const;

    QByteArray m_pattern;
    bool m_fold = false;
    std::array<qsizetype, 256> m_skip{};
};

} // namespace rov::core
