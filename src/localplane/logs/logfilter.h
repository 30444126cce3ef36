#pragma once

#include <QString>
#include <QStringList>
#include <variant>
#include <vector>

namespace rov::localplane::logs {

// A filter of Cloud Logging's query language, as users type it in Logs Explorer
// (cloud.google.com/logging/docs/view/logging-query-language), parsed. What it may name:
// severity (compared by rank), timestamp and receiveTimestamp (RFC 3339), logName, insertId,
// resource.type, resource.labels.K, labels.K (a key with dots in quotes:
// labels."ml.googleapis.com/ray_cluster_id"), textPayload and jsonPayload.a.b; and bare words or
// "quoted phrases", which search every field.
struct FilterNode
{
    enum class Kind
    {
        And,
        Or,
        Not,
        Compare, // field op value
        Text     // a global restriction: the value anywhere in the entry
    };
    enum class Op
    {
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Has,     // ":" (a substring, case-insensitive)
        Regex,   // "=~" (RE2, case-sensitive)
        NotRegex // "!~"
    };

    Kind kind = Kind::Text;
    std::vector<FilterNode> children; // And, Or (two or more), Not (one)
    QStringList field;                // Compare: the path, quoted segments unquoted
    Op op = Op::Equal;
    QString value;    // Compare, Text: as written, quotes and escapes removed
    int position = 0; // where it starts in the filter, for messages

    // A canonical form for tests and logs: AND(…), OR(…), NOT(…), severity>=WARNING, "text".
    QString toString() const;
};

struct FilterError
{
    int position = 0; // 0-based, in UTF-16 code units like QString
    QString message;  // what was expected, in words
};

// The filter's tree, or where and why it cannot be read. An empty filter matches every entry
// (an And without children). As in Cloud Logging: NOT (or a '-' before a term) binds tightest,
// then OR, then AND, explicit or implied by whitespace; AND, OR and NOT must be upper case
// (lower-case words are search terms); field=("a" OR "b") compares one field with several values.
// Limits of what rovd reads (Cloud Logging documents only the filter's 20,000 characters): at
// most kMaxFilterDepth levels of NOT, '-' and parentheses, and kMaxFilterTerms comparisons and
// search words. A filter past either is an error at the place it goes past, never work that
// overflows a stack or takes seconds.
inline constexpr int kMaxFilterDepth = 32;
inline constexpr int kMaxFilterTerms = 200;
std::variant<FilterNode, FilterError> parseLogFilter(const QString &filter);

// Cloud Logging's severities by rank (DEFAULT 0 … EMERGENCY 800); -1 for another word. A number
// is taken as a rank.
int severityRank(const QString &name);

} // namespace rov::localplane::logs
