#pragma once

#include "api/monitoring/promresult.h"
#include "core/monitoringpanels.h"

#include <QFrame>
#include <vector>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QStackedWidget;
class QValueAxis;

namespace rov::ui {

// One chart of the Monitoring page: the series of a panel's queries over the page's time range.
// Each series is handed to Qt Charts whole (replace(), no animation), reduced with LTTB past two
// points per pixel, and split where Prometheus had no samples, so a gap stays a gap. Dragging
// across the plot zooms (the page makes every chart follow); a double-click goes back.
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    ChartPanel(core::PanelSpec spec, QWidget *parent = nullptr);

    const core::PanelSpec &spec() const { return m_spec; }
    // The queries as they were last sent (for Copy PromQL).
    void setQueries(QStringList queries) { m_queries = std::move(queries); }
    // One list of series per query of the panel, in order; `stepSeconds` tells a gap.
    void showSeries(const std::vector<std::vector<api::monitoring::Series>> &perQuery,
                    qint64 stepSeconds);
    void showError(const QString &message);
    void showWaiting();
    // The time axis, in ms since the epoch.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    // The time axis now, in ms since the epoch.
    std::pair<qint64, qint64> timeRange() const;
    // Series drawn now (segments of one series count once).
    int seriesCount() const { return int(m_legendSeries.size()); }
    QString message() const;
    QChartView *view() const { return m_view; }

Q_SIGNALS:
    void zoomed(qint64 fromMs, qint64 toMs);
    void zoomReset();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void clearSeries();
    enum class Saying
    {
        Nothing,
        Loading,
        NoData,
        Error
    };
    void say(Saying what);
    void showMenu(const QPoint &at);
    QLineSeries *addRun(const QString &name, const std::vector<QPointF> &points,
                        const QColor &color, bool limit, double scale, bool inLegend);

    core::PanelSpec m_spec;
    QStringList m_queries;
    QLabel *m_title;
    QLabel *m_message;
    QStackedWidget *m_body = nullptr;
    QChartView *m_view;
    QChart *m_chart;
    QDateTimeAxis *m_time;
    QValueAxis *m_values;
    std::vector<QLineSeries *> m_legendSeries;
    bool m_settingRange = false;
    Saying m_saying = Saying::Nothing;
    QString m_error; // Prometheus' or the backend's words, as they came
};

} // namespace rov::ui
