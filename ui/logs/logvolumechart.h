#pragma once

#include "core/logvolumebars.h"

#include <QChartView>
#include <QPoint>
#include <vector>

class QBarSet;
class QRubberBand;
class QStackedBarSeries;

namespace rov::ui {

// The Logs page's histogram: entries a bucket as stacked bars by severity group. Dragging
// across it picks a time range (rangeSelected); a click on a bar picks its bucket.
class LogVolumeChart : public QChartView
{
    Q_OBJECT
public:
    explicit LogVolumeChart(QWidget *parent = nullptr);

    void setBuckets(std::vector<core::logvolume::Bucket> buckets, qint64 stepSeconds);
    const std::vector<core::logvolume::Bucket> &buckets() const { return m_buckets; }
    double total() const;
    // Words over the bars: "Loading…", or why there are none.
    void setNote(const QString &note);
    // The series' names follow the language.
    void retranslate();

Q_SIGNALS:
    // Seconds since the epoch, [from, to).
    void rangeSelected(qint64 from, qint64 to);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    int bucketAt(const QPoint &position) const;

    QStackedBarSeries *m_series;
    std::vector<QBarSet *> m_sets;
    std::vector<core::logvolume::Bucket> m_buckets;
    qint64 m_step = 60;
    QRubberBand *m_band;
    QPoint m_pressed;
    bool m_dragging = false;
};

} // namespace rov::ui
