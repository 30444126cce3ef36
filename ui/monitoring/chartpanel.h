#pragma once

#include "api/monitoring/lttb.h"
#include "api/monitoring/monitoringclient.h"
#include "api/monitoring/promresult.h"
#include "chartoverlay.h"
#include "core/chartdata.h"
#include "core/chartloader.h"
#include "core/monitoringpanels.h"

#include <QFrame>
#include <QSet>
#include <memory>
#include <optional>
#include <vector>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QStackedWidget;
class QValueAxis;

namespace rov::ui {

class ChartLegend;

// One chart of the Monitoring page: the series of a panel's queries over the page's time range.
// Each series is split where Prometheus had no samples (a gap stays a gap) and reduced with LTTB
// to about a point per pixel on the thread pool, then handed to Qt Charts whole (replace() into
// lines kept between answers, no animation). Dragging across the plot zooms (the page makes
// every chart follow); a double-click goes back. Under the mouse, a crosshair reads every series
// at that time; the cluster's events stand on the time axis (ChartOverlay).
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    ChartPanel(core::PanelSpec spec, QWidget *parent = nullptr);

    const core::PanelSpec &spec() const { return m_spec; }
    // The PromQL the panel's answers come from, one line a query ("Copy PromQL").
    void setQueries(const QStringList &queries) { m_queries = queries; }
    // One list of series per query of the panel, in order; `stepSeconds` tells a gap. The
    // answers are kept, not copied, for the crosshair and the CSV export.
    using PerQuery = core::PanelSeries;
    // Drawn once reduced (drawn() then), on the thread pool.
    void showSeries(std::shared_ptr<const PerQuery> answers, qint64 stepSeconds);
    void showError(const QString &message);
    // Things that happened to the cluster, drawn at their time.
    using Marker = ChartOverlay::Marker;
    void setMarkers(std::vector<Marker> markers);
    int markerCount() const;
    // What the crosshair says at `timeMs` (one line per visible series with a value then);
    // empty when no series has one.
    QStringList readout(qint64 timeMs) const;
    // The chart's series as CSV (what "Export CSV" writes).
    QByteArray csv() const { return core::toCsv(m_data); }
    void showWaiting();
    // The time axis, in ms since the epoch. `followData`: a range that ends now starts where
    // the data starts (a new cluster's two minutes are not squeezed against the right edge of
    // a quarter of an hour), five minutes at least; a zoomed range stays as it is.
    void setTimeRange(qint64 fromMs, qint64 toMs, bool followData = true);
    // The time axis now, in ms since the epoch.
    std::pair<qint64, qint64> timeRange() const;
    // Series drawn now (segments of one series count once).
    int seriesCount() const { return int(m_data.size()); }
    QString message() const;
    QChartView *view() const { return m_view; }
    ChartLegend *legend() const { return m_legend; }
    // A small chart (an overview's, an endpoint's) shows its legend only for two series or more:
    // its title names a single one.
    void setCompact(bool compact);

Q_SIGNALS:
    void zoomed(qint64 fromMs, qint64 toMs);
    void zoomReset();
    void removeRequested(); // a chart of the user's: "Remove chart"
    void drawn();           // an answer is on screen

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
    void exportCsv();
    QString valueText(double value) const;
    // The visible series that have a sample near `timeMs`: their index and value.
    std::vector<std::pair<size_t, double>> valuesAt(qint64 timeMs) const;
    QLineSeries *line(size_t index);
    void toggle(const QString &name);
    void applyVisibility();
    void applyPendingRange();
    void fitTimeAxis(bool remake);
    void dropReduction();
    void draw(std::shared_ptr<const PerQuery> answers, qint64 stepSeconds,
              const api::monitoring::Reduction &reduction);

    core::PanelSpec m_spec;
    QStringList m_queries;
    QLabel *m_title;
    QLabel *m_message;
    QStackedWidget *m_body = nullptr;
    QChart *m_chart; // before the view, which is made with it
    QChartView *m_view;
    QDateTimeAxis *m_time;
    QValueAxis *m_values;
    ChartLegend *m_legend;
    bool m_compact = false;
    bool m_followData = true;
    std::vector<QLineSeries *> m_pool; // lines, kept across answers; a series is one per run
    std::vector<int> m_lineOwner;      // for each line, its entry of m_data (-1: unused)
    QSet<QString> m_hidden;            // series the user hid with a legend click
    std::optional<std::pair<qint64, qint64>> m_pendingRange; // applied with the next answer
    std::shared_ptr<const PerQuery> m_answers;               // as answered
    QObject *m_reducing = nullptr;         // the watcher of the reduction under way
    quint64 m_generation = 0;              // of the latest answer or error
    std::vector<core::ChartSeries> m_data; // their series with a name, for crosshair and CSV
    std::vector<QColor> m_colours;
    double m_divisor = 1; // of the value axis' unit
    QString m_unit;
    qint64 m_stepMs = 0;
    ChartOverlay *m_overlay; // the crosshair and the event markers
    bool m_settingRange = false;
    Saying m_saying = Saying::Nothing;
    QString m_error; // Prometheus' or the backend's words, as they came
};

} // namespace rov::ui
