#pragma once

#include <QLocale>
#include <QMainWindow>
#include <QString>
#include <QTextBlock>
#include <vector>

class QAction;
class QDialog;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTextBrowser;
class QUrl;

namespace rov::ui {

// Help → User guide: docs/user-guide*.md as the console shows it, offline, from the copy beside
// the program (install::guideFolder). Opened at a section by its id (guideSection(Page)), in the
// interface's language, and shown again in the new one at the same section when the language
// changes. A table of contents on the left follows the reading; Back and Forward, find (Ctrl+F,
// F3) and the guide's own links work inside it; links to the web open in the browser.
class GuideWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit GuideWindow(QWidget *parent = nullptr);

    // Shows the guide of `language` at `section` (an id or a heading's anchor; empty: the top)
    // and brings the window forward.
    void open(const QLocale &language, const QString &section);

    // The file shown (empty when the guide is missing) and the id of the section being read: the
    // last section with an id whose heading is at or above the top of the view.
    QString shownFile() const { return m_file; }
    QString currentSection() const;
    QTextBrowser *browser() const { return m_browser; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Place
    {
        QString file;
        QString anchor;
    };
    // A section's heading in the document shown, with its id.
    struct Heading
    {
        QTextBlock block;
        QString id;
    };

    void createToolBar();
    void go(const Place &place, bool remember);
    // Back (from m_back to m_forward) or Forward (the other way).
    void step(std::vector<Place> &from, std::vector<Place> &to);
    bool load(const QString &file);
    void showMissing(const QString &file);
    void decorate(); // heading anchors, images fitted to the page, the contents list
    void makeRoomAfterTheEnd();
    void scrollTo(const QString &anchor);
    void followLink(const QUrl &url);
    void find(bool backward);
    void followReading(); // the contents list's row of the section being read
    void updateHistoryActions();

    QListWidget *m_contents;
    QTextBrowser *m_browser;
    QLineEdit *m_findField;
    QLabel *m_findStatus;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QString m_folder;
    QString m_file;
    std::vector<Heading> m_headings; // in document order
    std::vector<Place> m_back;
    std::vector<Place> m_forward;
};

// The console's one guide window, opened (or brought forward) at `section` in the interface's
// language (QLocale(), which LanguageManager sets). It is a window of its own, so a dialog that
// blocks the main window does not block it, and it does not keep the application running once
// the main window is closed.
GuideWindow *showGuide(const QString &section);
// Closes it, if it is open (the main window, as it goes).
void closeGuide();

// Help in a dialog: a Help button (a wizard's own, or one added to `buttons`) and Shift+F1
// anywhere in it open the guide at `section`.
void offerGuide(QDialog *dialog, QDialogButtonBox *buttons, const QString &section);

} // namespace rov::ui
