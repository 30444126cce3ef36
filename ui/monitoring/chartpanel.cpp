#include "chartpanel.h"

#include "api/monitoring/lttb.h"
#include "chartlegend.h"
#include "chartoverlay.h"
#include "core/palette.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <deque>
#include <span>

namespace rov::ui {

using api::monitoring::Series;
using core::PanelSpec;

namespace {

QString panelText(const char *source)
{
    return QCoreApplication::translate("Panels", source);
}

// The divisor and unit that keep the axis' numbers short.
std::pair<double, QString> axisUnit(PanelSpec::Unit unit, double largest)
{
    const auto scaled = [largest](const QStringList &names, double base) {
        double divisor = 1;
        int index = 0;
        while (largest / divisor >= base && index + 1 < names.size()) {
            divisor *= base;
            ++index;
        }
        return std::pair<double, QString>{divisor, names[index]};
    };
    switch (unit) {
    case PanelSpec::Unit::Percent:
        return {1, QStringLiteral("%")};
    case PanelSpec::Unit::Cores:
        return {1, ChartPanel::tr("cores")};
    case PanelSpec::Unit::Bytes:
        return scaled({QStringLiteral("B"), QStringLiteral("KiB"), QStringLiteral("MiB"),
                       QStringLiteral("GiB"), QStringLiteral("TiB")},
                      1024);
    case PanelSpec::Unit::BytesPerSecond:
        return scaled({QStringLiteral("B/s"), QStringLiteral("KiB/s"), QStringLiteral("MiB/s"),
                       QStringLiteral("GiB/s")},
                      1024);
    case PanelSpec::Unit::DollarsPerHour:
        return {1, QStringLiteral("$/h")};
    case PanelSpec::Unit::Milliseconds:
        return largest >= 1000 ? std::pair<double, QString>{1000, ChartPanel::tr("s")}
                               : std::pair<double, QString>{1, ChartPanel::tr("ms")};
    case PanelSpec::Unit::Count:
        // SI prefixes: 1.5k, never 1.5e+03.
        return scaled({QString(), QStringLiteral("k"), QStringLiteral("M"), QStringLiteral("G")},
                      1000);
    }
    return {1, QString()};
}

const QList<QColor> &seriesColours()
{
    static const QList<QColor> colours = [] {
        QList<QColor> list;
        for (const char *name : palette::kChartSeries)
            list.append(QColor(QLatin1String(name)));
        return list;
    }();
    return colours;
}

// Charts draw one per turn of the event loop: answers that come together do not hold the GUI
// for all of their drawing at once (Qt Charts lays out and the window repaints in between).
class DrawQueue
{
public:
    static void post(QObject *owner, std::function<void()> draw)
    {
        DrawQueue &queue = instance();
        queue.m_items.push_back({owner, std::move(draw)});
        if (queue.m_items.size() == 1)
            queue.scheduleNext();
    }

private:
    static DrawQueue &instance()
    {
        static DrawQueue queue;
        return queue;
    }
    void scheduleNext()
    {
        QTimer::singleShot(0, [this] {
            if (m_items.empty())
                return;
            Item item = std::move(m_items.front());
            m_items.pop_front();
            if (item.owner) // a chart that is gone draws nothing
                item.draw();
            if (!m_items.empty())
                scheduleNext();
        });
    }

    struct Item
    {
        QPointer<QObject> owner;
        std::function<void()> draw;
    };
    std::deque<Item> m_items;
};

} // namespace

ChartPanel::ChartPanel(PanelSpec spec, QWidget *parent)
    : QFrame(parent), m_spec(std::move(spec)), m_title(new QLabel(this)),
      m_message(new QLabel(this)), m_chart(new QChart),
      // Made with the chart: a view made without one makes a chart of its own, which
      // setChart() would drop without deleting.
      m_view(new QChartView(m_chart, this)), m_time(new QDateTimeAxis(m_chart)),
      m_values(new QValueAxis(m_chart)), m_legend(new ChartLegend(this))
{
    setObjectName(QStringLiteral("chart_") + m_spec.id);
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_message->setObjectName(QStringLiteral("chartMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->hide(); // ours, below the view: ChartLegend
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_values, Qt::AlignLeft);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(5);
    m_values->setLabelFormat(QStringLiteral("%.3g"));
    // A small chart keeps its numbers and unit whole: Qt Charts would cut them to "…".
    m_values->setTruncateLabels(false);
    m_time->setTruncateLabels(false);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { fitTimeAxis(false); });
    connect(m_legend, &ChartLegend::toggled, this, &ChartPanel::toggle);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    m_view->setMinimumHeight(220);
    m_view->viewport()->installEventFilter(this);
    m_view->viewport()->setMouseTracking(true);
    m_overlay = new ChartOverlay(
        m_view, m_time,
        [this](qint64 timeMs) {
            QStringList lines;
            for (const auto &[i, value] : valuesAt(timeMs))
                lines << QStringLiteral("<span style=\"color:%1\">■</span> %2: %3")
                             .arg(m_colours[i].name(), m_data[i].name.toHtmlEscaped(),
                                  valueText(value));
            return lines;
        },
        this);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ChartPanel::showMenu);
    connect(m_time, &QDateTimeAxis::rangeChanged, this,
            [this](const QDateTime &from, const QDateTime &to) {
                if (!m_settingRange)
                    Q_EMIT zoomed(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
            });
    // The chart, or in its place what there is to say instead (no data, no GPUs, an error).
    m_body = new QStackedWidget(this);
    auto *plot = new QWidget(m_body);
    auto *plotLayout = new QVBoxLayout(plot);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->setSpacing(0);
    plotLayout->addWidget(m_view, 1);
    plotLayout->addWidget(m_legend);
    m_body->addWidget(plot);
    m_body->addWidget(m_message);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
    retranslate();
}

void ChartPanel::retranslate()
{
    m_title->setText(m_spec.displayTitle());
    m_title->setToolTip(m_spec.displayDescription());
    say(m_saying);
}

void ChartPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

bool ChartPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        switch (event->type()) {
        case QEvent::MouseButtonDblClick:
            Q_EMIT zoomReset();
            return true;
        case QEvent::MouseMove:
            m_overlay->showAt(static_cast<QMouseEvent *>(event)->position().toPoint());
            break;
        case QEvent::Leave:
            m_overlay->hide();
            break;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

QString ChartPanel::valueText(double value) const
{
    const QString number = QLocale().toString(value / m_divisor, 'g', 4);
    return m_unit.isEmpty() ? number : number + QLatin1Char(' ') + m_unit;
}

std::vector<std::pair<size_t, double>> ChartPanel::valuesAt(qint64 timeMs) const
{
    std::vector<std::pair<size_t, double>> values;
    // Within one and a half steps: a sample's neighbourhood, never across a gap.
    const double within = std::max(1.0, 1.5 * double(m_stepMs) / 1000.0); // seconds
    for (size_t i = 0; i < m_data.size(); ++i) {
        if (m_hidden.contains(m_data[i].name))
            continue;
        if (const auto value = core::valueAt(m_data[i].samples, double(timeMs) / 1000.0, within))
            values.emplace_back(i, *value);
    }
    return values;
}

QStringList ChartPanel::readout(qint64 timeMs) const
{
    QStringList lines;
    for (const auto &[i, value] : valuesAt(timeMs))
        lines << m_data[i].name + QStringLiteral(": ") + valueText(value);
    return lines;
}

void ChartPanel::setMarkers(std::vector<Marker> markers)
{
    m_overlay->setMarkers(std::move(markers));
}

int ChartPanel::markerCount() const
{
    return m_overlay->markerCount();
}

// While lines are drawn, the new range waits for the answer that comes with it: moving the axis
// under the old lines would draw them all once more for nothing.
void ChartPanel::setTimeRange(qint64 fromMs, qint64 toMs, bool followData)
{
    m_pendingRange = std::pair{fromMs, toMs};
    m_followData = followData;
    if (m_data.empty())
        applyPendingRange();
}

void ChartPanel::applyPendingRange()
{
    if (!m_pendingRange)
        return;
    auto [fromMs, toMs] = *std::exchange(m_pendingRange, std::nullopt);
    // The axis starts where the data does, when that is later: five minutes at least.
    if (m_followData && m_answers) {
        double first = std::numeric_limits<double>::max();
        for (const auto &series : *m_answers)
            for (const Series &one : series)
                if (!one.samples.empty())
                    first = std::min(first, one.samples.front().time);
        if (first < std::numeric_limits<double>::max()) {
            const auto start = qint64(first * 1000) - m_stepMs;
            fromMs = std::clamp(start, fromMs, std::max(fromMs, toMs - 5 * 60 * 1000));
        }
    }
    m_settingRange = true;
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    // Seconds too for a few minutes (a zoom: "05:25 05:25" said nothing), hours and minutes for
    // a day or less, then the date too.
    const qint64 span = toMs - fromMs;
    m_time->setFormat(span <= 10 * 60 * 1000 ? QStringLiteral("HH:mm:ss")
                      : span > 86400000      ? QStringLiteral("MM-dd HH:mm")
                                             : QStringLiteral("HH:mm"));
    m_settingRange = false;
    fitTimeAxis(true);
}

// As many time labels as fit with room between them. Setting the count also has Qt Charts make
// the labels again: after a range set before any series was attached it drew none at all.
void ChartPanel::fitTimeAxis(bool remake)
{
    const QString widest =
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58)), m_time->format());
    const int label = QFontMetrics(m_time->labelsFont()).horizontalAdvance(widest) + 16;
    const qreal plot =
        m_chart->plotArea().width() > 0 ? m_chart->plotArea().width() : qreal(m_view->width() - 60);
    const int ticks = std::clamp(int(plot / label) + 1, 2, 6);
    if (remake && m_time->tickCount() == ticks)
        m_time->setTickCount(ticks == 2 ? 3 : ticks - 1);
    if (m_time->tickCount() != ticks)
        m_time->setTickCount(ticks);
}

std::pair<qint64, qint64> ChartPanel::timeRange() const
{
    if (m_pendingRange)
        return *m_pendingRange;
    return {m_time->min().toMSecsSinceEpoch(), m_time->max().toMSecsSinceEpoch()};
}

void ChartPanel::clearSeries()
{
    m_overlay->hide();
    // Emptied, not hidden: showing a line again would have Qt Charts lay it out twice.
    for (QLineSeries *line : m_pool)
        line->clear();
    m_lineOwner.assign(m_pool.size(), -1);
    m_data.clear();
    m_colours.clear();
    m_answers.reset();
}

// The pool's line `index`, made on first use. Lines are kept from one answer to the next: making
// a QLineSeries, its legend marker and its axes anew costs more than drawing it.
QLineSeries *ChartPanel::line(size_t index)
{
    while (m_pool.size() <= index) {
        auto *line = new QLineSeries(m_chart);
        m_chart->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_values);
        m_pool.push_back(line);
        m_lineOwner.push_back(-1);
    }
    return m_pool[index];
}

// A legend click hides or shows every run of that series; the choice outlives refreshes.
void ChartPanel::toggle(const QString &name)
{
    const bool hide = !m_hidden.contains(name);
    if (hide)
        m_hidden.insert(name);
    else
        m_hidden.remove(name);
    applyVisibility();
}

// Lines are changed only where they differ: each change lays the chart out. The legend has an
// entry per series, struck out while the series is hidden.
void ChartPanel::applyVisibility()
{
    for (size_t i = 0; i < m_pool.size(); ++i) {
        const int owner = m_lineOwner[i];
        const bool shown = owner >= 0 && !m_hidden.contains(m_data[size_t(owner)].name);
        if (m_pool[i]->isVisible() != shown)
            m_pool[i]->setVisible(shown);
    }
    std::vector<ChartLegend::Entry> entries;
    for (size_t i = 0; i < m_data.size(); ++i)
        entries.push_back(
            {m_data[i].name, m_colours[i], m_data[i].limit, m_hidden.contains(m_data[i].name)});
    m_legend->setVisible(entries.size() > (m_compact ? 1u : 0u));
    m_legend->setEntries(std::move(entries));
}

void ChartPanel::setCompact(bool compact)
{
    m_compact = compact;
    applyVisibility();
}

// The reduction runs on the thread pool: the GUI never waits for 100,000 samples. A newer
// answer makes an older one's reduction moot; a panel that is gone drops it.
void ChartPanel::showSeries(std::shared_ptr<const PerQuery> answers, qint64 stepSeconds)
{
    dropReduction();
    // Past a point per pixel a line looks no different; Qt Charts lays out and paints each point.
    const auto threshold = size_t(std::max(200, int(m_chart->plotArea().width())));
    auto *watcher = new QFutureWatcher<api::monitoring::Reduction>(this);
    m_reducing = watcher;
    const quint64 generation = ++m_generation;
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, answers, stepSeconds, generation] {
                watcher->deleteLater();
                if (watcher != m_reducing)
                    return;
                m_reducing = nullptr;
                DrawQueue::post(
                    this, [this, answers, stepSeconds, generation, reduction = watcher->result()] {
                        if (generation != m_generation)
                            return; // a newer answer or an error came meanwhile
                        draw(answers, stepSeconds, reduction);
                        Q_EMIT drawn();
                    });
            });
    watcher->setFuture(QtConcurrent::run([answers, stepSeconds, threshold] {
        return api::monitoring::reduceForChart(*answers, double(stepSeconds), threshold);
    }));
}

void ChartPanel::dropReduction()
{
    if (!m_reducing)
        return;
    m_reducing->disconnect(this);
    m_reducing->deleteLater(); // the worker finishes alone; its result goes nowhere
    m_reducing = nullptr;
}

void ChartPanel::draw(std::shared_ptr<const PerQuery> answers, qint64 stepSeconds,
                      const api::monitoring::Reduction &reduction)
{
    clearSeries();
    m_answers = std::move(answers);
    const auto [divisor, unit] = axisUnit(m_spec.unit, reduction.largest);
    m_values->setTitleText(unit);
    m_divisor = divisor;
    m_unit = unit;
    m_stepMs = stepSeconds * 1000;
    // Axes first, while every line is empty: changing them redraws nothing.
    applyPendingRange();
    if (m_spec.unit == PanelSpec::Unit::Percent) {
        m_values->setRange(0, 100); // a share is read against the whole
        m_values->setTickCount(5);
    } else {
        m_values->setRange(0, reduction.largest > 0 ? reduction.largest / divisor * 1.1 : 1);
        m_values->applyNiceNumbers();
    }
    size_t used = 0;
    int colour = 0;
    for (const api::monitoring::ReducedSeries &reduced : reduction.series) {
        if (reduced.query >= m_spec.queries.size())
            continue;
        const core::PanelQuery &query = m_spec.queries[reduced.query];
        const Series &series = (*m_answers)[reduced.query][reduced.series];
        QString name = query.legend.isEmpty() || query.legend.contains(QLatin1Char('{'))
                           ? core::legendText(query.legend, series.labels)
                           : panelText(query.legend.toLatin1().constData());
        if (name.isEmpty()) // a sum without labels: the chart's own name
            name = m_spec.displayTitle();
        const QColor color = query.limit ? QColor(QLatin1String(palette::kChartNeutral))
                                         : seriesColours()[colour++ % seriesColours().size()];
        QPen pen(color, query.limit ? 1.5 : 2.0);
        if (query.limit)
            pen.setStyle(Qt::DashLine);
        const int owner = int(m_data.size());
        for (const auto &run : reduced.runs) {
            QList<QPointF> points;
            points.reserve(qsizetype(run.size()));
            for (const auto &sample : run)
                points.append(QPointF(sample.time * 1000.0, sample.value / divisor));
            QLineSeries *line = this->line(used);
            m_lineOwner[used] = owner;
            line->setName(name);
            line->setPen(pen);
            line->replace(points); // whole, never a point at a time
            ++used;
        }
        m_data.push_back({name, series.samples, query.limit});
        m_colours.push_back(color);
    }
    applyVisibility();
    if (m_data.empty()) {
        say(Saying::NoData);
    } else {
        m_saying = Saying::Nothing;
        m_body->setCurrentWidget(m_view->parentWidget());
    }
}

// Words made when shown, so that they follow the language.
void ChartPanel::say(Saying what)
{
    m_saying = what;
    switch (what) {
    case Saying::Nothing:
        return;
    case Saying::Loading:
        m_message->setText(tr("Loading…"));
        break;
    case Saying::NoData:
        m_message->setText(m_spec.whenEmpty ? panelText(m_spec.whenEmpty)
                                            : tr("No data in this time range"));
        break;
    case Saying::Error:
        m_message->setText(m_error);
        break;
    }
    m_body->setCurrentWidget(m_message);
}

void ChartPanel::showError(const QString &message)
{
    ++m_generation;
    dropReduction();
    clearSeries();
    applyPendingRange();
    m_error = message;
    say(Saying::Error);
}

void ChartPanel::showWaiting()
{
    if (m_data.empty() && m_saying == Saying::Nothing)
        say(Saying::Loading);
}

QString ChartPanel::message() const
{
    return m_body->currentWidget() == m_message ? m_message->text() : QString();
}

void ChartPanel::showMenu(const QPoint &at)
{
    QMenu menu(this);
    menu.addAction(tr("Copy &PromQL"), this, [this] {
        QApplication::clipboard()->setText(m_queries.join(QLatin1Char('\n')));
    });
    menu.addAction(tr("Save as &image…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save chart"), m_spec.id + QStringLiteral(".png"), tr("PNG image (*.png)"));
        if (!path.isEmpty())
            grab().save(path);
    });
    menu.addAction(tr("Export as &CSV…"), this, &ChartPanel::exportCsv)
        ->setEnabled(!m_data.empty());
    menu.addAction(tr("&Reset zoom"), this, &ChartPanel::zoomReset);
    if (m_spec.isCustom()) {
        menu.addSeparator();
        menu.addAction(tr("Re&move chart"), this, &ChartPanel::removeRequested);
    }
    menu.exec(m_view->mapToGlobal(at));
}

void ChartPanel::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as CSV"), m_spec.id + QStringLiteral(".csv"), tr("CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv()) < 0 || !file.commit())
        QMessageBox::warning(this, tr("Export as CSV"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
}

} // namespace rov::ui
