#include "chartlegend.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace rov::ui {

namespace {

constexpr int kSwatch = 14; // the colour's line, and the gap after it
constexpr int kGap = 12;    // between columns

} // namespace

ChartLegend::ChartLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chartLegend"));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    setFont(small);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ChartLegend::setEntries(std::vector<Entry> entries)
{
    const bool sameLayout =
        entries.size() == m_entries.size() &&
        std::equal(entries.begin(), entries.end(), m_entries.begin(),
                   [](const Entry &a, const Entry &b) { return a.name == b.name; });
    m_entries = std::move(entries);
    m_placed = place(width());
    if (!sameLayout)
        updateGeometry();
    setFixedHeight(heightForWidth(width()));
    update();
}

int ChartLegend::lineHeight() const
{
    return fontMetrics().height() + 2;
}

// As many columns as the longest name allows, more (its name shortened) only past kMaxRows.
int ChartLegend::columnsFor(int width) const
{
    const int n = int(m_entries.size());
    if (n == 0 || width <= 0)
        return 1;
    int natural = 0;
    for (const Entry &entry : m_entries)
        natural = std::max(natural, kSwatch + fontMetrics().horizontalAdvance(entry.name) + kGap);
    int columns = std::clamp(width / std::max(1, natural), 1, n);
    while ((n + columns - 1) / columns > kMaxRows && columns < n)
        ++columns;
    return columns;
}

std::vector<ChartLegend::Placed> ChartLegend::place(int width) const
{
    std::vector<Placed> placed;
    const int columns = columnsFor(width);
    const int column = std::max(1, width / columns);
    const int height = lineHeight();
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const int row = int(i) / columns;
        const int col = int(i) % columns;
        const QRect rect(col * column, 1 + row * height, column, height);
        const int room = std::max(0, column - kSwatch - kGap / 2);
        placed.push_back(
            {rect, fontMetrics().elidedText(m_entries[i].name, Qt::ElideMiddle, room)});
    }
    return placed;
}

int ChartLegend::heightForWidth(int width) const
{
    if (m_entries.empty())
        return 0;
    const int columns = columnsFor(width);
    const int rows = (int(m_entries.size()) + columns - 1) / columns;
    return rows * lineHeight() + 2;
}

QSize ChartLegend::sizeHint() const
{
    return {200, heightForWidth(std::max(width(), 200))};
}

QRect ChartLegend::entryRect(int index) const
{
    return index >= 0 && index < int(m_placed.size()) ? m_placed[size_t(index)].rect : QRect();
}

QString ChartLegend::shownText(int index) const
{
    return index >= 0 && index < int(m_placed.size()) ? m_placed[size_t(index)].text : QString();
}

void ChartLegend::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_placed = place(width());
    const int height = heightForWidth(width());
    if (height != this->height())
        setFixedHeight(height);
}

void ChartLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    for (size_t i = 0; i < m_placed.size() && i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        const QRect rect = m_placed[i].rect;
        QPen pen(entry.hidden ? palette().color(QPalette::Disabled, QPalette::Text) : entry.colour,
                 2.5);
        if (entry.dashed)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        const int middle = rect.center().y();
        painter.drawLine(rect.left() + 1, middle, rect.left() + kSwatch - 4, middle);
        QFont font = this->font();
        font.setStrikeOut(entry.hidden);
        painter.setFont(font);
        painter.setPen(
            palette().color(entry.hidden ? QPalette::Disabled : QPalette::Active, QPalette::Text));
        painter.drawText(rect.adjusted(kSwatch, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         m_placed[i].text);
    }
}

int ChartLegend::entryAt(const QPoint &at) const
{
    for (size_t i = 0; i < m_placed.size(); ++i)
        if (m_placed[i].rect.contains(at))
            return int(i);
    return -1;
}

void ChartLegend::mouseReleaseEvent(QMouseEvent *event)
{
    const int index = entryAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index >= 0 && index < int(m_entries.size()))
        Q_EMIT toggled(m_entries[size_t(index)].name);
    QWidget::mouseReleaseEvent(event);
}

bool ChartLegend::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = entryAt(help->pos());
        if (index >= 0 && index < int(m_entries.size())) {
            const Entry &entry = m_entries[size_t(index)];
            QToolTip::showText(help->globalPos(),
                               entry.name + QLatin1Char('\n') +
                                   (entry.hidden ? tr("Click to show this series")
                                                 : tr("Click to hide this series")),
                               this, entryRect(index));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace rov::ui
