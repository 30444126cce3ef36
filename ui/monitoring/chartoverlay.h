#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <vector>

class QChart;
class QChartView;
class QDateTimeAxis;
class QGraphicsItem;
class QGraphicsLineItem;
class QLabel;
class QPoint;

namespace rov::ui {

// What a chart shows over its lines: the crosshair under the mouse with what it reads there, and
// the cluster's events as markers on the time axis with their reason on hover. It follows the
// plot's size and time range; the chart says what the crosshair reads.
class ChartOverlay : public QObject
{
    Q_OBJECT
public:
    struct Marker
    {
        qint64 timeMs = 0;
        QString text;
        bool problem = false; // an error: drawn red
    };
    // The readout at a time, as rich text lines (each with its colour); empty: nothing there.
    using Reader = std::function<QStringList(qint64 timeMs)>;

    ChartOverlay(QChartView *view, QDateTimeAxis *time, Reader reader, QObject *parent = nullptr);

    void setMarkers(std::vector<Marker> markers);
    int markerCount() const { return int(m_items.size()); }
    // The crosshair at a point of the view's viewport (hidden outside the plot).
    void showAt(const QPoint &viewportPos);
    void hide();
    QLabel *readout() const { return m_readout; }

private:
    void placeMarkers();

    QChartView *m_view;
    QChart *m_chart;
    QDateTimeAxis *m_time;
    Reader m_reader;
    QGraphicsLineItem *m_crosshair;
    QLabel *m_readout;
    std::vector<Marker> m_markers;
    std::vector<QGraphicsItem *> m_items; // children of the chart, one per marker
};

} // namespace rov::ui
