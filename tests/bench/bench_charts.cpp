// 12 charts × 6 series × 100,000 points each through the console's chart pipeline (ChartPanel:
// gaps found and LTTB down to a point per pixel on the thread pool, one replace() per run into
// lines kept from the answer before), rendered offscreen into
// one 1,600 × 1,000 image; in the same run, the obvious alternative: every point handed to
// QLineSeries::replace, no reduction. Then the grid refreshes every second for 5 s, each
// chart's answer arriving in its own event-loop turn as from the network, while a timer
// measures how late the event loop runs. The last line:
// charts: grid_ms=<n> naive_grid_ms=<n> ratio=<x> max_stall_ms=<n>
// Before it, the paths that skip Qt Charts' antialiased stroking, on the same grid and data
// (issue 24): antialiasing off, one-pixel pens, and OpenGL series where a GL context can be
// made (the offscreen platform usually has none: then "unavailable"), each as a ratio to ours.
#include "core/monitoringpanels.h"
#include "monitoring/chartpanel.h"
#include "testsupport.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGridLayout>
#include <QImage>
#include <QLineSeries>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QPainter>
#include <QRandomGenerator>
#include <QTimer>
#include <QValueAxis>
#include <algorithm>
#include <cstdio>

using rov::api::monitoring::Series;

namespace {

constexpr int kCharts = 12;
constexpr int kSeries = 6;
constexpr int kPoints = 100000;
constexpr int kColumns = 4;
constexpr qint64 kStart = 1764000000; // seconds since the epoch
const QSize kGrid(1600, 1000);

// Six random walks of a chart, one sample a second, as Prometheus answers them.
std::shared_ptr<const rov::ui::ChartPanel::PerQuery> chartData(quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<Series> series(kSeries);
    for (int s = 0; s < kSeries; ++s) {
        series[size_t(s)].labels[QStringLiteral("instance")] = QStringLiteral("10.0.0.%1").arg(s);
        auto &samples = series[size_t(s)].samples;
        samples.reserve(kPoints);
        double value = 50;
        for (int i = 0; i < kPoints; ++i) {
            value = std::clamp(value + random.bounded(2.0) - 1.0, 0.0, 100.0);
            samples.push_back({double(kStart + i), value});
        }
    }
    return std::make_shared<const rov::ui::ChartPanel::PerQuery>(
        rov::ui::ChartPanel::PerQuery{series});
}

rov::core::PanelSpec spec(int index)
{
    rov::core::PanelSpec spec;
    spec.id = QStringLiteral("bench%1").arg(index);
    spec.customTitle = QStringLiteral("Chart %1").arg(index);
    spec.unit = rov::core::PanelSpec::Unit::Percent;
    spec.queries = {{QStringLiteral("q"), QStringLiteral("{instance}")}};
    return spec;
}

qint64 renderMs(QWidget &grid, const std::function<void()> &fill)
{
    QElapsedTimer clock;
    clock.start();
    fill();
    QImage image(kGrid, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    grid.render(&painter);
    return clock.elapsed();
}

qint64 median(std::vector<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The alternative: a plain QChart per chart, every point of every series given to replace().
struct NaiveChart
{
    QChart *chart = new QChart; // before the view, which is made with it
    QChartView *view;
    std::vector<QLineSeries *> lines;

    explicit NaiveChart(QWidget *parent) : view(new QChartView(chart, parent))
    {
        chart->setAnimationOptions(QChart::NoAnimation);
        auto *time = new QDateTimeAxis(chart);
        auto *values = new QValueAxis(chart);
        chart->addAxis(time, Qt::AlignBottom);
        chart->addAxis(values, Qt::AlignLeft);
        time->setRange(QDateTime::fromSecsSinceEpoch(kStart),
                       QDateTime::fromSecsSinceEpoch(kStart + kPoints));
        values->setRange(0, 100);
        for (int s = 0; s < kSeries; ++s) {
            auto *line = new QLineSeries(chart);
            chart->addSeries(line);
            line->attachAxis(time);
            line->attachAxis(values);
            lines.push_back(line);
        }
    }
    void show(const std::vector<Series> &series)
    {
        for (size_t s = 0; s < lines.size(); ++s) {
            QList<QPointF> points;
            points.reserve(qsizetype(series[s].samples.size()));
            for (const auto &sample : series[s].samples)
                points.append(QPointF(sample.time * 1000, sample.value));
            lines[s]->replace(points);
        }
    }
};

} // namespace

int main(int argc, char **argv)
{
    // Offscreen unless told otherwise: under xvfb-run with QT_QPA_PLATFORM=xcb, Mesa gives the
    // OpenGL series a context.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::vector<std::shared_ptr<const rov::ui::ChartPanel::PerQuery>> data;
    for (int c = 0; c < kCharts; ++c)
        data.push_back(chartData(quint32(c + 1)));

    // Laid out as on screen, painted only into the image: one paint per refresh, as a window's.
    QWidget grid;
    grid.setAttribute(Qt::WA_DontShowOnScreen);
    grid.resize(kGrid);
    auto *layout = new QGridLayout(&grid);
    std::vector<rov::ui::ChartPanel *> panels;
    for (int c = 0; c < kCharts; ++c) {
        auto *panel = new rov::ui::ChartPanel(spec(c), &grid);
        layout->addWidget(panel, c / kColumns, c % kColumns);
        panels.push_back(panel);
    }
    grid.show();
    QApplication::processEvents();
    // Every chart is handed its answer; the grid is drawn once all are on screen (they are
    // reduced on the thread pool meanwhile).
    int drawn = 0;
    QEventLoop allDrawn;
    for (auto *panel : panels)
        QObject::connect(panel, &rov::ui::ChartPanel::drawn, [&] {
            if (++drawn == kCharts)
                allDrawn.quit();
        });
    const auto fillOurs = [&] {
        drawn = 0;
        for (int c = 0; c < kCharts; ++c) {
            panels[size_t(c)]->setTimeRange(kStart * 1000, (kStart + kPoints) * 1000);
            panels[size_t(c)]->showSeries(data[size_t(c)], 1);
        }
        allDrawn.exec();
    };
    std::vector<qint64> ours;
    for (int run = 0; run < 5; ++run)
        ours.push_back(renderMs(grid, fillOurs));

    // The alternatives to antialiased 2-pixel strokes, each on the same grid, then undone.
    const auto variant = [&](const std::function<void(rov::ui::ChartPanel *)> &apply) {
        for (auto *panel : panels)
            apply(panel);
        std::vector<qint64> runs;
        for (int run = 0; run < 3; ++run)
            runs.push_back(renderMs(grid, fillOurs));
        return median(runs);
    };
    const auto eachLine = [](rov::ui::ChartPanel *panel,
                             const std::function<void(QLineSeries *)> &apply) {
        for (QAbstractSeries *series : panel->view()->chart()->series())
            if (auto *line = qobject_cast<QLineSeries *>(series))
                apply(line);
    };
    const qint64 aliasedMs = variant([](rov::ui::ChartPanel *panel) {
        panel->view()->setRenderHint(QPainter::Antialiasing, false);
    });
    for (auto *panel : panels)
        panel->view()->setRenderHint(QPainter::Antialiasing, true);
    // One-pixel pens: draw() sets the pen with each answer, so the width is set after it.
    qint64 thinMs = 0;
    {
        std::vector<qint64> runs;
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer clock;
            clock.start();
            drawn = 0;
            for (int c = 0; c < kCharts; ++c)
                panels[size_t(c)]->showSeries(data[size_t(c)], 1);
            allDrawn.exec();
            for (auto *panel : panels)
                eachLine(panel, [](QLineSeries *line) {
                    QPen pen = line->pen();
                    pen.setWidthF(1.0);
                    line->setPen(pen);
                });
            QImage image(kGrid, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            grid.render(&painter);
            runs.push_back(clock.elapsed());
        }
        thinMs = median(runs);
    }
    QOffscreenSurface surface;
    surface.create();
    QOpenGLContext gl;
    const bool haveGl = gl.create() && gl.makeCurrent(&surface);
    if (haveGl)
        gl.doneCurrent();
    const qint64 openGlMs = haveGl ? variant([&](rov::ui::ChartPanel *panel) {
        eachLine(panel, [](QLineSeries *line) { line->setUseOpenGL(true); });
    })
                                   : -1;
    for (auto *panel : panels)
        eachLine(panel, [](QLineSeries *line) { line->setUseOpenGL(false); });

    QWidget naiveGrid;
    naiveGrid.setAttribute(Qt::WA_DontShowOnScreen);
    naiveGrid.resize(kGrid);
    auto *naiveLayout = new QGridLayout(&naiveGrid);
    std::vector<std::unique_ptr<NaiveChart>> naive;
    for (int c = 0; c < kCharts; ++c) {
        naive.push_back(std::make_unique<NaiveChart>(&naiveGrid));
        naiveLayout->addWidget(naive.back()->view, c / kColumns, c % kColumns);
    }
    naiveGrid.show();
    QApplication::processEvents();
    std::vector<qint64> theirs;
    for (int run = 0; run < 3; ++run)
        theirs.push_back(renderMs(naiveGrid, [&] {
            for (int c = 0; c < kCharts; ++c)
                naive[size_t(c)]->show((*data[size_t(c)])[0]);
        }));
    naiveGrid.hide();

    // Live: a refresh every second; each chart's answer in its own turn, then a repaint.
    rov::test::StallMeter stalls;
    QTimer refresh;
    refresh.setInterval(1000);
    QObject::connect(&refresh, &QTimer::timeout, [&] {
        for (int c = 0; c < kCharts; ++c)
            QTimer::singleShot(0, panels[size_t(c)],
                               [&, c] { panels[size_t(c)]->showSeries(data[size_t(c)], 1); });
    });
    // Each chart, once drawn, is painted, as the window would repaint it.
    QImage frame(kGrid, QImage::Format_ARGB32_Premultiplied);
    for (auto *panel : panels)
        QObject::connect(panel, &rov::ui::ChartPanel::drawn, panel, [&frame, panel] {
            QPainter painter(&frame);
            panel->render(&painter, panel->pos());
        });
    refresh.start();
    QTimer stop;
    stop.setSingleShot(true);
    QObject::connect(&stop, &QTimer::timeout, &app, &QCoreApplication::quit);
    stop.start(5500);
    app.exec();

    const qint64 gridMs = median(ours);
    const qint64 naiveMs = median(theirs);
    std::printf("charts: 12 charts x 6 series x 100000 points; ours per run (ms):");
    for (const qint64 ms : ours)
        std::printf(" %lld", ms);
    std::printf("; naive:");
    for (const qint64 ms : theirs)
        std::printf(" %lld", ms);
    std::printf("; %d stall ticks\n", stalls.ticks());
    const auto ratio = [gridMs](qint64 ms) {
        return double(gridMs) / double(std::max<qint64>(1, ms));
    };
    std::printf("charts: alternatives (ms, ours/alternative): antialiasing_off=%lld (%.2f) "
                "one_pixel_pens=%lld (%.2f) opengl=",
                aliasedMs, ratio(aliasedMs), thinMs, ratio(thinMs));
    if (openGlMs >= 0)
        std::printf("%lld (%.2f)\n", openGlMs, ratio(openGlMs));
    else
        std::printf("unavailable (no GL context on this platform)\n");
    std::printf("charts: grid_ms=%lld naive_grid_ms=%lld ratio=%.1f max_stall_ms=%lld\n", gridMs,
                naiveMs, double(naiveMs) / double(std::max<qint64>(1, gridMs)), stalls.maxLateMs());
    return 0;
}
