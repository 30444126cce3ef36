// Every built-in chart of the Monitoring page read without hovering, at the main window's
// smallest size (a third of 1024 pixels less the navigation), in English and in Chinese: the
// legend's entries do not overlap and are not cut at the end (a long name is shortened from the
// middle, whole in its tooltip), time labels are there and do not overlap, percentages run
// 0–100, and fresh data reaches the right edge.
#include "core/languagemanager.h"
#include "core/monitoringpanels.h"
#include "core/servingmodels.h"
#include "monitoring/chartlegend.h"
#include "monitoring/chartpanel.h"
#include "screenshots.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

using rov::api::monitoring::Series;
using rov::core::PanelSpec;
using rov::ui::ChartPanel;

namespace {

constexpr int kPanelWidth = (1024 - 200) / 3;

// What a label of Ray's looks like on this machine.
QString labelValue(const QString &name, int index)
{
    if (name == QLatin1String("instance"))
        return QStringLiteral("127.0.0.%1:5%2").arg(index + 3).arg(4217 + index * 111);
    if (name == QLatin1String("resource_pool"))
        return index == 0 ? QStringLiteral("head-node") : QStringLiteral("worker-pool1");
    if (name == QLatin1String("State"))
        return QStringList{QStringLiteral("FINISHED"), QStringLiteral("RUNNING"),
                           QStringLiteral("PENDING_NODE_ASSIGNMENT")}[index % 3];
    if (name == QLatin1String("Name"))
        return QStringList{QStringLiteral("train_one_epoch"), QStringLiteral("preprocess_batch"),
                           QStringLiteral("Trainer.evaluate_checkpoint")}[index % 3];
    if (name == QLatin1String("Location"))
        return QStringList{QStringLiteral("MMAP_SHM"), QStringLiteral("MMAP_DISK"),
                           QStringLiteral("SPILLED")}[index % 3];
    if (name == QLatin1String("ray_io_cluster"))
        return QStringLiteral("gui-c1");
    return QString::number(index);
}

// Three series a query (one for a sum), a sample every 15 s up to now over 15 minutes.
std::shared_ptr<const ChartPanel::PerQuery> answersFor(const PanelSpec &spec, qint64 now)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_]+)\\}"));
    ChartPanel::PerQuery perQuery;
    for (const auto &query : spec.queries) {
        QStringList names;
        for (auto it = placeholder.globalMatch(query.legend); it.hasNext();)
            names << it.next().captured(1);
        const int count = names.isEmpty() ? 1 : 3;
        std::vector<Series> series(static_cast<size_t>(count));
        for (int s = 0; s < count; ++s) {
            for (const QString &name : names)
                series[size_t(s)].labels[name] = labelValue(name, s);
            const double scale = spec.unit == PanelSpec::Unit::Percent          ? 60
                                 : spec.unit == PanelSpec::Unit::Bytes          ? 3e9
                                 : spec.unit == PanelSpec::Unit::BytesPerSecond ? 2e6
                                 : spec.unit == PanelSpec::Unit::DollarsPerHour ? 0.44
                                 : spec.unit == PanelSpec::Unit::Milliseconds   ? 2500
                                                                                : 6;
            for (qint64 t = now - 900; t <= now; t += 15)
                series[size_t(s)].samples.push_back(
                    {double(t), scale * (0.3 + 0.1 * s + 0.2 * std::sin(double(t) / 120 + s))});
        }
        perQuery.push_back(std::move(series));
    }
    return std::make_shared<const ChartPanel::PerQuery>(std::move(perQuery));
}

// The chart's texts as drawn: Qt Charts' axis labels are text items of its scene.
struct DrawnText
{
    QString text;
    QRectF rect;
};

std::vector<DrawnText> sceneTexts(QChart *chart)
{
    std::vector<DrawnText> texts;
    for (QGraphicsItem *item : chart->scene()->items()) {
        if (!item->isVisible())
            continue;
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            texts.push_back({text->toPlainText(), text->sceneBoundingRect()});
        else if (auto *simple = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            texts.push_back({simple->text(), simple->sceneBoundingRect()});
    }
    return texts;
}

} // namespace

class TestChartReadability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyBuiltInChartReads_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en_US");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    }

    void everyBuiltInChartReads()
    {
        QFETCH(QString, language);
        QVERIFY(m_languages.apply(QLocale(language)));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QWidget grid;
        std::vector<ChartPanel *> panels;
        QVERIFY(drawAll(grid, rov::core::defaultPanels(), false, 300, now, panels));
        QStringList problems;
        for (ChartPanel *panel : panels) {
            problems << problemsOf(panel, now);
            if (!panel->legend()->isVisible())
                problems << panel->spec().id + QStringLiteral(": no legend");
        }
        // Zoomed in to two minutes: the labels still tell times apart.
        ChartPanel *zoomed = panels.front();
        QSignalSpy drawn(zoomed, &ChartPanel::drawn);
        zoomed->setTimeRange((now - 120) * 1000, now * 1000, false);
        zoomed->showSeries(answersFor(zoomed->spec(), now), 15);
        QVERIFY(drawn.wait(5000));
        QTest::qWait(50);
        const QStringList zoomProblems = problemsOf(zoomed, now);
        for (const QString &problem : zoomProblems)
            if (!problem.contains(QLatin1String("time axis runs"))) // two minutes, as asked
                problems << QStringLiteral("zoomed ") + problem;
        for (ChartPanel *panel : panels)
            QVERIFY(screenshots::save(
                *panel, QStringLiteral("chart_%1_%2.png").arg(panel->spec().id, language)));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // An endpoint's small charts: the latency's two lines have a legend, its axis says seconds
    // past a second (it read "1.5e+03" with no legend once); a chart of one series has none.
    void endpointChartsSayWhatTheirLinesAre()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QWidget grid;
        std::vector<ChartPanel *> panels;
        QVERIFY(drawAll(grid, rov::core::endpointPanels({QStringLiteral("1234")}), true, 260, now,
                        panels));
        for (ChartPanel *panel : panels) {
            const bool many = panel->seriesCount() > 1;
            QVERIFY2(panel->legend()->isVisible() == many, qPrintable(panel->spec().id));
            QStringList problems = problemsOf(panel, now);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
            QVERIFY(screenshots::save(*panel,
                                      QStringLiteral("chart_%1_en_US.png").arg(panel->spec().id)));
        }
        auto *latency = panels[1];
        QCOMPARE(latency->spec().id, QStringLiteral("endpointLatency"));
        QCOMPARE(latency->legend()->count(), 2);
        auto *values =
            qobject_cast<QValueAxis *>(latency->view()->chart()->axes(Qt::Vertical).value(0));
        QCOMPARE(values->titleText(), QStringLiteral("s"));
    }

private:
    // `specs` side by side in `grid`, each a third of the smallest window wide, drawn with
    // Ray-like answers over the last 15 minutes.
    static bool drawAll(QWidget &grid, const std::vector<PanelSpec> &specs, bool compact,
                        int height, qint64 now, std::vector<ChartPanel *> &panels)
    {
        auto *row = new QHBoxLayout(&grid);
        for (const PanelSpec &spec : specs) {
            auto *panel = new ChartPanel(spec, &grid);
            panel->setCompact(compact);
            panel->setFixedSize(kPanelWidth, height);
            row->addWidget(panel);
            panels.push_back(panel);
        }
        grid.show();
        if (!QTest::qWaitForWindowExposed(&grid))
            return false;
        for (ChartPanel *panel : panels) {
            QSignalSpy drawn(panel, &ChartPanel::drawn);
            panel->setTimeRange((now - 900) * 1000, now * 1000);
            panel->showSeries(answersFor(panel->spec(), now), 15);
            if (!drawn.wait(5000))
                return false;
        }
        QTest::qWait(100);
        return true;
    }

    // What a person could not read on `panel`, each with the chart's id.
    static QStringList problemsOf(ChartPanel *panel, qint64 now)
    {
        QStringList problems;
        const QString id = panel->spec().id;
        QChart *chart = panel->view()->chart();
        const QRectF plot = chart->plotArea();
        const QRectF whole = panel->view()->sceneRect();
        // Time labels: at least two, under the plot, inside the chart, none over another.
        std::vector<DrawnText> times;
        for (const DrawnText &text : sceneTexts(chart)) {
            if (!whole.contains(text.rect))
                problems
                    << QStringLiteral("%1: \"%2\" is cut by the chart's edge").arg(id, text.text);
            if (text.rect.top() >= plot.bottom() - 1 && text.text.contains(QLatin1Char(':')))
                times.push_back(text);
        }
        for (size_t a = 0; a < times.size(); ++a)
            for (size_t b = a + 1; b < times.size(); ++b)
                if (times[a].text == times[b].text)
                    problems << QStringLiteral("%1: two time labels say %2").arg(id, times[a].text);
        if (times.size() < 2)
            problems << QStringLiteral("%1: %2 time labels").arg(id).arg(times.size());
        for (size_t a = 0; a < times.size(); ++a)
            for (size_t b = a + 1; b < times.size(); ++b)
                if (times[a].rect.adjusted(-2, 0, 2, 0).intersects(times[b].rect))
                    problems << QStringLiteral("%1: time labels %2 and %3 overlap")
                                    .arg(id, times[a].text, times[b].text);
        // The legend: every series, none cut at its end, none over another, inside the panel.
        const rov::ui::ChartLegend *legend = panel->legend();
        if (legend->count() != panel->seriesCount())
            problems << QStringLiteral("%1: %2 legend entries for %3 series")
                            .arg(id)
                            .arg(legend->count())
                            .arg(panel->seriesCount());
        for (int i = 0; legend->isVisible() && i < legend->count(); ++i) {
            const QString shown = legend->shownText(i);
            const QRect rect = legend->entryRect(i);
            if (shown.isEmpty() || shown.endsWith(QStringLiteral("…")) ||
                shown.endsWith(QStringLiteral("...")))
                problems << QStringLiteral("%1: legend entry \"%2\"").arg(id, shown);
            if (QFontMetrics(legend->font()).horizontalAdvance(shown) > rect.width())
                problems << QStringLiteral("%1: legend entry \"%2\" wider than its place")
                                .arg(id, shown);
            if (!legend->rect().contains(rect))
                problems << QStringLiteral("%1: legend entry \"%2\" not on screen").arg(id, shown);
            for (int j = i + 1; j < legend->count(); ++j)
                if (rect.intersects(legend->entryRect(j)))
                    problems << QStringLiteral("%1: legend entries %2 and %3 overlap")
                                    .arg(id)
                                    .arg(i)
                                    .arg(j);
        }
        // Units and bounds: a share runs 0–100; no number in exponent notation.
        auto *values = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
        if (panel->spec().unit == PanelSpec::Unit::Percent && values &&
            (values->min() != 0 || values->max() != 100))
            problems << QStringLiteral("%1: a percentage axis from %2 to %3")
                            .arg(id)
                            .arg(values->min())
                            .arg(values->max());
        for (const DrawnText &text : sceneTexts(chart))
            if (text.text.contains(QRegularExpression(QStringLiteral("\\de[+-]\\d"))))
                problems << QStringLiteral("%1: \"%2\"").arg(id, text.text);
        // Fresh data reaches the right edge: the axis ends now.
        const auto [from, to] = panel->timeRange();
        if (std::abs(to - now * 1000) > 1000 || to - from < 5 * 60 * 1000)
            problems << QStringLiteral("%1: the time axis runs %2 s to %3 s from now")
                            .arg(id)
                            .arg((from - now * 1000) / 1000)
                            .arg((to - now * 1000) / 1000);
        return problems;
    }

    rov::core::LanguageManager m_languages;
};

QTEST_MAIN(TestChartReadability)
#include "tst_chartreadability.moc"
