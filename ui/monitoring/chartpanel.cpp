#include "chartpanel.h"

#include "api/monitoring/lttb.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

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
    case PanelSpec::Unit::Count:
        break;
    }
    return {1, QString()};
}

const QList<QColor> &seriesColours()
{
    // Google Cloud console's chart colours.
    static const QList<QColor> colours{QColor(0x1a73e8), QColor(0xe8710a), QColor(0x12b5cb),
                                       QColor(0xe52592), QColor(0x9334e6), QColor(0xf9ab00),
                                       QColor(0x7cb342), QColor(0x5f6368)};
    return colours;
}

} // namespace

ChartPanel::ChartPanel(PanelSpec spec, QWidget *parent)
    : QFrame(parent), m_spec(std::move(spec)), m_title(new QLabel(this)),
      m_message(new QLabel(this)), m_view(new QChartView(this)), m_chart(new QChart),
      m_time(new QDateTimeAxis(m_chart)), m_values(new QValueAxis(m_chart))
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
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_values, Qt::AlignLeft);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(5);
    m_values->setLabelFormat(QStringLiteral("%.3g"));
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    m_view->setMinimumHeight(220);
    m_view->viewport()->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ChartPanel::showMenu);
    connect(m_time, &QDateTimeAxis::rangeChanged, this,
            [this](const QDateTime &from, const QDateTime &to) {
                if (!m_settingRange)
                    Q_EMIT zoomed(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
            });
    // The chart, or in its place what there is to say instead (no data, no GPUs, an error).
    m_body = new QStackedWidget(this);
    m_body->addWidget(m_view);
    m_body->addWidget(m_message);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
    QFont small = m_chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_chart->legend()->setFont(small);
    m_chart->legend()->setShowToolTips(true); // a legend entry cut short shows in full
    retranslate();
}

void ChartPanel::retranslate()
{
    m_title->setText(panelText(m_spec.title));
    m_title->setToolTip(panelText(m_spec.description));
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
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonDblClick) {
        Q_EMIT zoomReset();
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

void ChartPanel::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_settingRange = true;
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    // Hours and minutes for a day or less, then the date too.
    m_time->setFormat(toMs - fromMs > 86400000 ? QStringLiteral("MM-dd HH:mm")
                                               : QStringLiteral("HH:mm"));
    m_settingRange = false;
}

std::pair<qint64, qint64> ChartPanel::timeRange() const
{
    return {m_time->min().toMSecsSinceEpoch(), m_time->max().toMSecsSinceEpoch()};
}

void ChartPanel::clearSeries()
{
    m_chart->removeAllSeries();
    m_legendSeries.clear();
}

QLineSeries *ChartPanel::addRun(const QString &name, const std::vector<QPointF> &points,
                                const QColor &color, bool limit, double scale, bool inLegend)
{
    auto *series = new QLineSeries(m_chart);
    series->setName(name);
    QList<QPointF> scaled;
    scaled.reserve(qsizetype(points.size()));
    for (const QPointF &point : points)
        scaled.append(QPointF(point.x(), point.y() / scale));
    series->replace(scaled); // whole, never a point at a time
    QPen pen(color, limit ? 1.5 : 2.0);
    if (limit)
        pen.setStyle(Qt::DashLine);
    series->setPen(pen);
    m_chart->addSeries(series);
    series->attachAxis(m_time);
    series->attachAxis(m_values);
    const auto markers = m_chart->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        marker->setVisible(inLegend);
    return series;
}

void ChartPanel::showSeries(const std::vector<std::vector<Series>> &perQuery, qint64 stepSeconds)
{
    clearSeries();
    double largest = 0;
    for (const auto &list : perQuery)
        for (const Series &series : list)
            for (const auto &sample : series.samples)
                largest = std::max(largest, sample.value);
    const auto [divisor, unit] = axisUnit(m_spec.unit, largest);
    m_values->setTitleText(unit);
    const int widthPx = std::max(200, m_view->width());
    int colour = 0;
    for (size_t q = 0; q < perQuery.size() && q < m_spec.queries.size(); ++q) {
        const core::PanelQuery &query = m_spec.queries[q];
        for (const Series &series : perQuery[q]) {
            const QString legendWord = query.legend.contains(QLatin1Char('{'))
                                           ? core::legendText(query.legend, series.labels)
                                           : panelText(query.legend.toLatin1().constData());
            const QColor color =
                query.limit ? QColor(0x5f6368) : seriesColours()[colour++ % seriesColours().size()];
            bool first = true;
            QLineSeries *shown = nullptr;
            for (const auto &run : api::monitoring::segments(series, 2.5 * double(stepSeconds))) {
                const auto reduced = api::monitoring::lttb(run, size_t(2 * widthPx));
                QLineSeries *added =
                    addRun(legendWord, reduced, color, query.limit, divisor, first);
                if (first)
                    shown = added;
                else
                    // A legend click hides or shows every run of the series.
                    connect(shown, &QXYSeries::visibleChanged, added,
                            [shown, added] { added->setVisible(shown->isVisible()); });
                first = false;
            }
            if (shown) {
                m_legendSeries.push_back(shown);
                for (QLegendMarker *marker : m_chart->legend()->markers(shown))
                    connect(marker, &QLegendMarker::clicked, shown, [shown, marker] {
                        shown->setVisible(!shown->isVisible());
                        marker->setVisible(true);
                        QFont font = marker->font();
                        font.setStrikeOut(!shown->isVisible());
                        marker->setFont(font);
                    });
            }
        }
    }
    m_values->setRange(0, largest > 0 ? largest / divisor * 1.1 : 1);
    m_values->applyNiceNumbers();
    if (m_legendSeries.empty()) {
        say(Saying::NoData);
    } else {
        m_saying = Saying::Nothing;
        m_body->setCurrentWidget(m_view);
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
    clearSeries();
    m_error = message;
    say(Saying::Error);
}

void ChartPanel::showWaiting()
{
    if (m_legendSeries.empty() && m_saying == Saying::Nothing)
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
    menu.addAction(tr("&Reset zoom"), this, &ChartPanel::zoomReset);
    menu.exec(m_view->mapToGlobal(at));
}

} // namespace rov::ui
