#pragma once

#include <QColor>
#include <QRect>
#include <QString>
#include <QWidget>
#include <vector>

namespace rov::ui {

// A chart's legend, drawn by us rather than by Qt Charts (which cuts a name at its end, to
// "work…", and lays itself out with the series): entries in as many equal columns as their names
// allow, at most kMaxRows rows; a name too long for its column is shortened in the middle
// ("worker-pool1 …0.0.5:54439", where names differ), whole in the entry's tooltip. A click on an
// entry hides or shows its series (toggled()); a hidden one is drawn struck out.
class ChartLegend : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 3;

    struct Entry
    {
        QString name;
        QColor colour;
        bool dashed = false; // a capacity line
        bool hidden = false;
    };

    explicit ChartLegend(QWidget *parent = nullptr);

    void setEntries(std::vector<Entry> entries);
    int count() const { return int(m_entries.size()); }
    // Where entry `index` is drawn, and the text it shows (its name, or shortened).
    QRect entryRect(int index) const;
    QString shownText(int index) const;

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

Q_SIGNALS:
    void toggled(const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Placed
    {
        QRect rect;
        QString text;
    };
    std::vector<Placed> place(int width) const;
    int columnsFor(int width) const;
    int lineHeight() const;
    int entryAt(const QPoint &at) const;

    std::vector<Entry> m_entries;
    std::vector<Placed> m_placed;
};

} // namespace rov::ui
