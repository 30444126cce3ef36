// The documentation as a reader meets it: every link of the README, the guide and the references
// leads somewhere that exists (a file, a section, a screenshot); every page of the console has
// its section in the guide, in both languages; the two guides have the same sections; the copy
// the console opens is the current one; and the rovd reference says what rovd does today.

#include "core/userguide.h"
#include "navigation.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

namespace guide = rov::core::guide;
using rov::ui::Page;

namespace {

const QString kSource = QStringLiteral(ROV_SOURCE_DIR);
const QString kBuild = QStringLiteral(ROV_BINARY_DIR);

QString read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The Markdown a reader reaches: the README, the contributor guide, everything in docs/.
QStringList documents()
{
    QStringList out{kSource + QStringLiteral("/README.md"),
                    kSource + QStringLiteral("/CONTRIBUTING.md")};
    for (const QFileInfo &file : QDir(kSource + QStringLiteral("/docs"))
                                     .entryInfoList({QStringLiteral("*.md")}, QDir::Files))
        out << file.absoluteFilePath();
    return out;
}

QStringList ids(const QString &markdown, int level)
{
    QStringList out;
    for (const auto &section : guide::sections(markdown)) {
        if (section.level == level)
            out << section.id;
    }
    return out;
}

QString relative(const QString &path)
{
    return QDir(kSource).relativeFilePath(path);
}

} // namespace

class TestDocs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slugsAreGitHubs()
    {
        QCOMPARE(guide::slug(QStringLiteral("Data (BigQuery)")), QStringLiteral("data-bigquery"));
        QCOMPARE(guide::slug(QStringLiteral("数据（BigQuery）")), QStringLiteral("数据bigquery"));
        QCOMPARE(guide::slug(QStringLiteral("项目设置与 Google 登录")),
                 QStringLiteral("项目设置与-google-登录"));
        QCOMPARE(guide::slug(QStringLiteral("The REST client (`src/rest`)")),
                 QStringLiteral("the-rest-client-srcrest"));
        QCOMPARE(guide::slug(QStringLiteral("Project setup and Google sign-in")),
                 QStringLiteral("project-setup-and-google-sign-in"));
    }

    void sectionsAndLinksAreReadAsGitHubReadsThem()
    {
        const QString text = QStringLiteral("# Top\n\n<a id=\"one\"></a>\n\n## Same\n\ntext "
                                            "[a](#same) `[not](#code)` ![i](shot.png)\n\n"
                                            "```\n## Not a heading [x](y.md)\n```\n\n"
                                            "<a id=\"lost\"></a>\nwords\n\n## Same\n");
        const auto sections = guide::sections(text);
        QCOMPARE(sections.size(), size_t(3));
        QCOMPARE(sections[1].id, QStringLiteral("one"));
        QCOMPARE(sections[1].slug, QStringLiteral("same"));
        QCOMPARE(sections[1].level, 2);
        QCOMPARE(sections[2].id, QString()); // an id names only the heading right after it
        QCOMPARE(sections[2].slug, QStringLiteral("same-1"));
        const auto links = guide::links(text);
        QCOMPARE(links.size(), size_t(2));
        QCOMPARE(links[0].target, QStringLiteral("#same"));
        QVERIFY(!links[0].image);
        QCOMPARE(links[1].target, QStringLiteral("shot.png"));
        QVERIFY(links[1].image);
        QVERIFY(!guide::withoutAnchorLines(text).contains(QLatin1String("<a id")));
        QCOMPARE(guide::fileName(QLocale(QStringLiteral("zh_CN"))),
                 QStringLiteral("user-guide.zh_CN.md"));
        QCOMPARE(guide::fileName(QLocale(QStringLiteral("en_US"))),
                 QStringLiteral("user-guide.md"));
    }

    void everyLinkLeadsSomewhere()
    {
        QStringList broken;
        int checked = 0;
        for (const QString &document : documents()) {
            const QString text = read(document);
            QVERIFY2(!text.isEmpty(), qPrintable(document));
            for (const auto &link : guide::links(text)) {
                const QUrl url(link.target);
                if (!url.scheme().isEmpty())
                    continue; // the web: not checked offline
                ++checked;
                const QString where = QStringLiteral("%1:%2: %3")
                                          .arg(relative(document))
                                          .arg(link.line)
                                          .arg(link.target);
                const QString target =
                    url.path().isEmpty()
                        ? document
                        : QDir::cleanPath(QFileInfo(document).dir().filePath(url.path()));
                if (!QFileInfo::exists(target)) {
                    broken << where + QStringLiteral(" (no such file)");
                    continue;
                }
                if (link.image && !QFileInfo(target).isFile())
                    broken << where + QStringLiteral(" (not an image file)");
                if (url.hasFragment() && target.endsWith(QLatin1String(".md")) &&
                    !guide::anchors(read(target)).contains(url.fragment()))
                    broken << where +
                                  QStringLiteral(" (no such section in %1)").arg(relative(target));
            }
        }
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
        QVERIFY2(checked > 100, qPrintable(QString::number(checked))); // the documents were read
    }

    void noWordInAngleBracketsIsTakenForHtml()
    {
        // "<cluster>" outside code is an HTML tag to GitHub (which drops it) and to the guide's
        // viewer (whose Markdown reader took the rest of the page into it).
        static const QRegularExpression tag(QStringLiteral("</?[A-Za-z][^>]*>"));
        static const QRegularExpression codeSpan(QStringLiteral("`[^`]*`"));
        QStringList found;
        for (const QString &document : documents()) {
            bool inFence = false;
            const QStringList lines = read(document).split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i) {
                if (lines[i].trimmed().startsWith(QLatin1String("```"))) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence || guide::withoutAnchorLines(lines[i]).isEmpty())
                    continue;
                QString line = lines[i];
                line.remove(codeSpan);
                for (auto m = tag.globalMatch(line); m.hasNext();) {
                    const QString text = m.next().captured();
                    if (!text.startsWith(QLatin1String("<http")))
                        found << QStringLiteral("%1:%2: %3")
                                     .arg(relative(document))
                                     .arg(i + 1)
                                     .arg(text);
                }
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void bothGuidesHaveTheSameSectionsEachWithAnId()
    {
        const QString english = read(kSource + QStringLiteral("/docs/user-guide.md"));
        const QString chinese = read(kSource + QStringLiteral("/docs/user-guide.zh_CN.md"));
        QVERIFY(!english.isEmpty() && !chinese.isEmpty());
        for (int level = 2; level <= 4; ++level) {
            const QStringList en = ids(english, level);
            const QStringList zh = ids(chinese, level);
            QVERIFY2(
                !en.contains(QString()),
                qPrintable(
                    QStringLiteral("an English section of level %1 has no <a id>").arg(level)));
            QCOMPARE(zh, en);
        }
        QVERIFY(ids(english, 2).size() >= 15);
    }

    void everyPageOfTheConsoleHasItsSectionInBothGuides()
    {
        const QStringList en =
            guide::anchors(read(kSource + QStringLiteral("/docs/user-guide.md")));
        const QStringList zh =
            guide::anchors(read(kSource + QStringLiteral("/docs/user-guide.zh_CN.md")));
        // Page's values run from Clusters to Data (tst_mainwindow opens the guide from each row
        // of the real navigation, so a page added after Data is checked there).
        for (int value = int(Page::Clusters); value <= int(Page::Data); ++value) {
            const QString section = rov::ui::guideSection(Page(value));
            QVERIFY2(en.contains(section), qPrintable(section));
            QVERIFY2(zh.contains(section), qPrintable(section));
        }
    }

    void theConsoleOpensTheCurrentGuide()
    {
        // What the build copied beside the programs (share/rov-console/guide) is what docs/ says,
        // with every screenshot the guides show.
        const QString folder = kBuild + QStringLiteral("/share/rov-console/guide");
        for (const QString &name :
             {QStringLiteral("user-guide.md"), QStringLiteral("user-guide.zh_CN.md")}) {
            const QString source = read(kSource + QStringLiteral("/docs/") + name);
            QCOMPARE(read(folder + QLatin1Char('/') + name), source);
            for (const auto &link : guide::links(source)) {
                if (link.image)
                    QVERIFY2(QFileInfo(folder + QLatin1Char('/') + link.target).isFile(),
                             qPrintable(link.target));
            }
        }
    }

    void theRovdReferenceSaysWhatRovdDoes()
    {
        // docs/rovd.md's flags and routes are made by the build from rovd --help, the route
        // table and the OpenAPI document (docs/rovdreference.cpp).
        const QString committed = read(kSource + QStringLiteral("/docs/rovd.md"));
        const QString generated = read(kBuild + QStringLiteral("/docs/rovd.md"));
        QVERIFY2(!generated.isEmpty(), "the build made no docs/rovd.md");
        QVERIFY(generated.contains(QLatin1String("| `--data-dir <dir>` |")));
        QVERIFY(generated.contains(QLatin1String("`listPersistentResources`")));
        if (committed != generated) {
            const QStringList a = committed.split(QLatin1Char('\n'));
            const QStringList b = generated.split(QLatin1Char('\n'));
            int line = 0;
            while (line < a.size() && line < b.size() && a[line] == b[line])
                ++line;
            QFAIL(qPrintable(
                QStringLiteral("docs/rovd.md differs from what rovd says at line %1:\n  docs:  %2\n"
                               "  rovd:  %3\nRun: cmake --build build --target update-docs")
                    .arg(line + 1)
                    .arg(line < a.size() ? a[line] : QString(),
                         line < b.size() ? b[line] : QString())));
        }
    }
};

QTEST_GUILESS_MAIN(TestDocs)
#include "tst_docs.moc"
