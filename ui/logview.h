#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QPushButton;

namespace rov::core {
class LogModel;
}

namespace rov::ui {

// A live log: follows the end until the user scrolls up, searches with next/previous and "only
// matching lines", saves to a file. Rows are drawn only when visible and all have one height, so a
// million lines scroll as smoothly as ten.
class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(core::LogModel *model, QWidget *parent = nullptr);

    QTableView *list() const { return m_list; }
    bool isFollowing() const { return m_following; }
    void search(const QString &needle);
    void nextHit();
    void previousHit();
    void setOnlyMatching(bool only);

private:
    void showHit(int index);
    void updateHitLabel();
    void save();

    core::LogModel *m_model;
    QTableView *m_list;
    QLineEdit *m_search;
    QPushButton *m_previous;
    QPushButton *m_next;
    QCheckBox *m_onlyMatching;
    QCheckBox *m_caseSensitive;
    QLabel *m_hits;
    QPushButton *m_save;
    bool m_following = true;
    int m_currentHit = -1;
};

} // namespace rov::ui
