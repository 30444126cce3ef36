#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <vector>

// The user guide (docs/user-guide*.md) read as the console shows it and as the documentation
// test checks it: its sections, the anchors a link may name, its links. Pure functions of the
// Markdown text, so the viewer and the test cannot disagree about where a section is.
namespace rov::core::guide {

// A heading of the guide. `id` is the stable name a `<a id="…"></a>` line just before the
// heading gives it (the same in every language: the console opens a page's section by it);
// `slug` is the anchor GitHub makes from the heading's words (what the guide's own table of
// contents links to).
struct Section
{
    QString id;
    QString title;
    QString slug;
    int level = 0;
    int line = 0; // 1-based, of the heading
};

// GitHub's anchor for a heading: lower case, punctuation and symbols dropped (letters of any
// script, digits, '-' and '_' kept), each space a '-'. "Data (BigQuery)" → "data-bigquery",
// "数据（BigQuery）" → "数据bigquery".
QString slug(const QString &heading);

// The headings (#, ##, ###…) outside fenced code, in order. A repeated slug gets "-1", "-2"…
// as GitHub gives it.
std::vector<Section> sections(const QString &markdown);

// Every anchor a link into this text may name: the sections' ids and slugs.
QStringList anchors(const QString &markdown);

struct Link
{
    QString target; // as written: "user-guide.md#logs", "#the-window", "screenshots/a.png"
    int line = 0;
    bool image = false;
};

// Inline links and images ([…](…), ![…](…)) outside fenced code and code spans.
std::vector<Link> links(const QString &markdown);

// The text with the `<a id="…"></a>` lines taken out: Qt's Markdown reader would make each an
// empty paragraph. The viewer gives the headings their ids itself (from sections()).
QString withoutAnchorLines(const QString &markdown);

// The guide's file name for a language: "user-guide.zh_CN.md" for Chinese, else "user-guide.md".
QString fileName(const QLocale &language);

} // namespace rov::core::guide
