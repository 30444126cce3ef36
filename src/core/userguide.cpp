#include "userguide.h"

#include <QHash>
#include <QRegularExpression>

namespace rov::core::guide {

namespace {

const QRegularExpression &anchorLine()
{
    static const QRegularExpression re(
        QStringLiteral(R"re(^\s*<a\s+id="([^"]+)"\s*>\s*</a>\s*$)re"));
    return re;
}

bool isFence(const QString &line)
{
    const QString trimmed = line.trimmed();
    return trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"));
}

// A heading's words as GitHub reads them for the slug: without the markers of code and links.
QString headingText(const QString &raw)
{
    static const QRegularExpression linkText(QStringLiteral(R"re(\[([^\]]*)\]\([^)]*\))re"));
    QString text = raw;
    text.replace(linkText, QStringLiteral("\\1"));
    return text.trimmed();
}

} // namespace

QString slug(const QString &heading)
{
    QString out;
    for (const QChar c : heading.toLower()) {
        if (c == QLatin1Char(' '))
            out += QLatin1Char('-');
        else if (c.isLetterOrNumber() || c.isMark() || c == QLatin1Char('-') ||
                 c == QLatin1Char('_'))
            out += c;
    }
    return out;
}

std::vector<Section> sections(const QString &markdown)
{
    static const QRegularExpression heading(QStringLiteral(R"re(^(#{1,6})\s+(.*?)\s*#*\s*$)re"));
    std::vector<Section> found;
    QHash<QString, int> seen; // GitHub numbers a repeated slug: x, x-1, x-2
    QString pendingId;
    bool inFence = false;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (isFence(line)) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        if (const auto a = anchorLine().match(line); a.hasMatch()) {
            pendingId = a.captured(1);
            continue;
        }
        const auto h = heading.match(line);
        if (!h.hasMatch()) {
            if (!line.trimmed().isEmpty())
                pendingId.clear(); // an id names the heading right after it, nothing further
            continue;
        }
        Section section;
        section.level = int(h.captured(1).size());
        section.title = headingText(h.captured(2));
        const QString base = slug(section.title);
        const int repeat = seen.value(base, 0);
        seen.insert(base, repeat + 1);
        section.slug = repeat == 0 ? base : QStringLiteral("%1-%2").arg(base).arg(repeat);
        section.id = pendingId;
        section.line = i + 1;
        pendingId.clear();
        found.push_back(section);
    }
    return found;
}

QStringList anchors(const QString &markdown)
{
    QStringList out;
    for (const Section &section : sections(markdown)) {
        if (!section.id.isEmpty())
            out << section.id;
        out << section.slug;
    }
    return out;
}

std::vector<Link> links(const QString &markdown)
{
    static const QRegularExpression link(QStringLiteral(
        R"re((!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^()\s>]+)>?(?:\s+"[^"]*")?\s*\))re"));
    static const QRegularExpression codeSpan(QStringLiteral("`[^`]*`"));
    std::vector<Link> found;
    bool inFence = false;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (isFence(lines[i])) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        QString line = lines[i];
        // Code spans keep their text's length, so a link after one is still found where it is.
        for (auto m = codeSpan.globalMatch(lines[i]); m.hasNext();) {
            const auto span = m.next();
            line.replace(span.capturedStart(), span.capturedLength(),
                         QString(span.capturedLength(), QLatin1Char(' ')));
        }
        for (auto m = link.globalMatch(line); m.hasNext();) {
            const auto match = m.next();
            found.push_back({match.captured(2), i + 1, !match.captured(1).isEmpty()});
        }
    }
    return found;
}

QString withoutAnchorLines(const QString &markdown)
{
    QStringList kept;
    bool inFence = false;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (isFence(line))
            inFence = !inFence;
        if (!inFence && anchorLine().match(line).hasMatch())
            continue;
        kept << line;
    }
    return kept.join(QLatin1Char('\n'));
}

QString fileName(const QLocale &language)
{
    return language.language() == QLocale::Chinese ? QStringLiteral("user-guide.zh_CN.md")
                                                   : QStringLiteral("user-guide.md");
}

} // namespace rov::core::guide
