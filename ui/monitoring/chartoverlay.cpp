#include "chartoverlay.h"

#include "core/palette.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QLabel>
#include <QLocale>
#include <QPainter>

namespace rov::ui {

namespace {

// A cluster event on the time axis: a dashed line across the plot under a small flag, with its
// reason on hover (the item is a few pixels wide, so the mouse finds it).
class MarkerItem : public QGraphicsItem
{
public:
    MarkerItem(const QString &text, const QColor &colour, QGraphicsItem *parent)
        : QGraphicsItem(parent), m_colour(colour)
    {
        setToolTip(text);
        setZValue(10);
    }
    void setHeight(qreal height)
    {
        prepareGeometryChange();
        m_height = height;
    }
    QRectF boundingRect() const override { return QRectF(-4, 0, 8, m_height); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setPen(QPen(m_colour, 1, Qt::DashLine));
        painter->drawLine(QPointF(0, 0), QPointF(0, m_height));
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_colour);
        painter->drawPolygon(QPolygonF({QPointF(-4, 0), QPointF(4, 0), QPointF(0, 6)}));
    }

private:
    QColor m_colour;
    qreal m_height = 0;
};

} // namespace

ChartOverlay::ChartOverlay(QChartView *view, QDateTimeAxis *time, Reader reader, QObject *parent)
    : QObject(parent), m_view(view), m_chart(view->chart()), m_time(time),
      m_reader(std::move(reader)), m_crosshair(new QGraphicsLineItem(m_chart)),
      m_readout(new QLabel(view->viewport()))
{
    m_crosshair->setPen(QPen(QColor(QLatin1String(palette::kChartNeutral)), 1));
    m_crosshair->setZValue(11);
    m_crosshair->hide();
    m_readout->setObjectName(QStringLiteral("chartReadout"));
    m_readout->setTextFormat(Qt::RichText);
    m_readout->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_readout->setStyleSheet(QStringLiteral("QLabel { background: rgba(255, 255, 255, 230); "
                                            "border: 1px solid %1; padding: 4px; }")
                                 .arg(QLatin1String(palette::kFrameBorder)));
    m_readout->hide();
    view->viewport()->setMouseTracking(true);
    // Markers follow the plot: its size and its time range.
    connect(m_chart, &QChart::plotAreaChanged, this, &ChartOverlay::placeMarkers);
    connect(m_time, &QDateTimeAxis::rangeChanged, this, &ChartOverlay::placeMarkers);
}

void ChartOverlay::showAt(const QPoint &viewportPos)
{
    const QPointF inChart = m_chart->mapFromScene(m_view->mapToScene(viewportPos));
    const QRectF plot = m_chart->plotArea();
    const qint64 from = m_time->min().toMSecsSinceEpoch();
    const qint64 to = m_time->max().toMSecsSinceEpoch();
    if (!plot.contains(inChart) || plot.width() <= 0 || to <= from) {
        hide();
        return;
    }
    const auto timeMs =
        from + qint64(double(to - from) * (inChart.x() - plot.left()) / plot.width());
    const QStringList lines = m_reader(timeMs);
    if (lines.isEmpty()) {
        hide();
        return;
    }
    m_crosshair->setLine(inChart.x(), plot.top(), inChart.x(), plot.bottom());
    m_crosshair->show();
    m_readout->setText(
        QStringLiteral("<b>%1</b><br>")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(timeMs), QLocale::ShortFormat)) +
        lines.join(QStringLiteral("<br>")));
    m_readout->adjustSize();
    // Beside the cursor, on the side with room.
    QPoint at = viewportPos + QPoint(12, 12);
    if (at.x() + m_readout->width() > m_view->viewport()->width())
        at.setX(viewportPos.x() - 12 - m_readout->width());
    at.setY(std::min(at.y(), m_view->viewport()->height() - m_readout->height()));
    m_readout->move(std::max(0, at.x()), std::max(0, at.y()));
    m_readout->show();
    m_readout->raise();
}

void ChartOverlay::hide()
{
    m_crosshair->hide();
    m_readout->hide();
}

void ChartOverlay::setMarkers(std::vector<Marker> markers)
{
    for (QGraphicsItem *item : std::exchange(m_items, {}))
        delete item;
    m_markers = std::move(markers);
    for (const Marker &marker : m_markers) {
        const QString when =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(marker.timeMs), QLocale::ShortFormat);
        m_items.push_back(new MarkerItem(
            when + QStringLiteral("\n") + marker.text,
            QColor(QLatin1String(marker.problem ? palette::kErrorText : palette::kChartEvent)),
            m_chart));
    }
    placeMarkers();
}

void ChartOverlay::placeMarkers()
{
    const QRectF plot = m_chart->plotArea();
    const qint64 from = m_time->min().toMSecsSinceEpoch();
    const qint64 to = m_time->max().toMSecsSinceEpoch();
    for (size_t i = 0; i < m_items.size() && i < m_markers.size(); ++i) {
        auto *item = static_cast<MarkerItem *>(m_items[i]);
        const qint64 time = m_markers[i].timeMs;
        item->setVisible(to > from && time >= from && time <= to);
        if (to <= from)
            continue;
        item->setPos(plot.left() + plot.width() * double(time - from) / double(to - from),
                     plot.top());
        item->setHeight(plot.height());
    }
}

} // namespace rov::ui
