#include "logvolumechart.h"

#include "core/palette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QDateTime>
#include <QMouseEvent>
#include <QRubberBand>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace rov::ui {

using core::logvolume::Bucket;
using core::logvolume::Group;

LogVolumeChart::LogVolumeChart(QWidget *parent)
    : QChartView(new QChart(), parent), m_series(new QStackedBarSeries()),
      m_band(new QRubberBand(QRubberBand::Rectangle, this))
{
    setObjectName(QStringLiteral("logVolume"));
    chart()->addSeries(m_series);
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->setMargins(QMargins(2, 2, 2, 2));
    chart()->setBackgroundRoundness(0);
    for (const char *colour : palette::kSeverityGroups) {
        auto *set = new QBarSet(QString());
        set->setColor(QColor(QLatin1String(colour)));
        set->setBorderColor(QColor(QLatin1String(colour)));
        m_series->append(set);
        m_sets.push_back(set);
    }
    m_series->setBarWidth(0.9);
    auto *time = new QBarCategoryAxis();
    time->setTruncateLabels(false);
    auto *count = new QValueAxis();
    count->setLabelFormat(QStringLiteral("%.0f"));
    count->setTickCount(3);
    chart()->addAxis(time, Qt::AlignBottom);
    chart()->addAxis(count, Qt::AlignLeft);
    m_series->attachAxis(time);
    m_series->attachAxis(count);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    time->setLabelsFont(small);
    count->setLabelsFont(small);
    chart()->legend()->setFont(small);
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumHeight(120);
    setMaximumHeight(150);
    setCursor(Qt::CrossCursor);
    retranslate();
}

void LogVolumeChart::retranslate()
{
    const QString names[] = {tr("Default, debug"), tr("Info"), tr("Warning"), tr("Error")};
    for (size_t i = 0; i < m_sets.size(); ++i)
        m_sets[i]->setLabel(names[i]);
    setToolTip(tr("Entries a bucket by severity. Drag across the bars to look at that time"));
}

double LogVolumeChart::total() const
{
    double sum = 0;
    for (const Bucket &bucket : m_buckets)
        sum += bucket.total();
    return sum;
}

void LogVolumeChart::setNote(const QString &note)
{
    chart()->setTitle(note);
}

void LogVolumeChart::setBuckets(std::vector<Bucket> buckets, qint64 stepSeconds)
{
    m_buckets = std::move(buckets);
    m_step = std::max<qint64>(1, stepSeconds);
    QStringList categories;
    double highest = 0;
    // About six time labels; the rest blank (a category axis labels every bar).
    const size_t every = std::max<size_t>(1, m_buckets.size() / 6);
    const bool days = m_buckets.size() * size_t(m_step) > 2 * 86400;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        const QDateTime time = QDateTime::fromSecsSinceEpoch(m_buckets[i].start);
        categories << (i % every == 0
                           ? time.toString(days ? QStringLiteral("MM-dd HH:mm")
                                                : QStringLiteral("HH:mm"))
                           : QString(qsizetype(i), QChar(0x200B))); // unique and without width
        highest = std::max(highest, m_buckets[i].total());
    }
    for (size_t group = 0; group < m_sets.size(); ++group) {
        QList<qreal> values;
        values.reserve(qsizetype(m_buckets.size()));
        for (const Bucket &bucket : m_buckets)
            values << bucket.counts[group];
        m_sets[group]->remove(0, m_sets[group]->count());
        m_sets[group]->append(values);
    }
    auto *time = qobject_cast<QBarCategoryAxis *>(chart()->axes(Qt::Horizontal).value(0));
    time->setCategories(categories);
    auto *count = qobject_cast<QValueAxis *>(chart()->axes(Qt::Vertical).value(0));
    count->setRange(0, std::max(1.0, highest * 1.1));
}

int LogVolumeChart::bucketAt(const QPoint &position) const
{
    if (m_buckets.empty())
        return -1;
    const QPointF value = chart()->mapToValue(mapToScene(position));
    return std::clamp(int(std::lround(value.x())), 0, int(m_buckets.size()) - 1);
}

void LogVolumeChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_buckets.empty())
        return QChartView::mousePressEvent(event);
    m_pressed = event->position().toPoint();
    m_dragging = true;
    m_band->setGeometry(QRect(m_pressed, QSize(1, height())));
    m_band->show();
}

void LogVolumeChart::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QChartView::mouseMoveEvent(event);
    const int x = event->position().toPoint().x();
    m_band->setGeometry(QRect(QPoint(std::min(x, m_pressed.x()), 0),
                              QSize(std::abs(x - m_pressed.x()) + 1, height())));
}

void LogVolumeChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QChartView::mouseReleaseEvent(event);
    m_dragging = false;
    m_band->hide();
    const int a = bucketAt(m_pressed), b = bucketAt(event->position().toPoint());
    if (a < 0 || b < 0)
        return;
    const int first = std::min(a, b), last = std::max(a, b);
    Q_EMIT rangeSelected(m_buckets[size_t(first)].start, m_buckets[size_t(last)].start + m_step);
}

} // namespace rov::ui
