#include "guidewindow.h"

#include "core/userguide.h"
#include "icons.h"
#include "install/installlayout.h"
#include "texts.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QWizard>

namespace rov::ui {

namespace {

// Screenshots are made at the console's size; in the guide they are shown at most this wide
// (device-independent pixels), their height in proportion, so a page never scrolls sideways.
constexpr int kImageWidth = 720;
constexpr int kAnchorRole = Qt::UserRole;

} // namespace

GuideWindow::GuideWindow(QWidget *parent)
    : QMainWindow(parent), m_contents(new QListWidget(this)), m_browser(new QTextBrowser(this)),
      m_findField(new QLineEdit(this)), m_findStatus(new QLabel(this)),
      m_folder(install::guideFolder())
{
    setObjectName(QStringLiteral("guideWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    // A window of its own (no parent: a dialog that blocks the main window does not block it),
    // but not one that keeps the console running after the main window is closed.
    setAttribute(Qt::WA_QuitOnClose, false);
    setWindowIcon(icons::icon(icons::Icon::Guide));
    m_contents->setObjectName(QStringLiteral("guideContents"));
    m_browser->setObjectName(QStringLiteral("guideText"));
    m_browser->setOpenLinks(false); // every link goes through followLink
    m_browser->setSearchPaths({m_folder});
    m_browser->document()->setDocumentMargin(14);
    m_contents->setSpacing(2);
    m_findField->setObjectName(QStringLiteral("guideFind"));
    m_findField->setClearButtonEnabled(true);
    m_findField->setMaximumWidth(320);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("guideSplitter"));
    splitter->addWidget(m_contents);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 760});
    setCentralWidget(splitter);
    createToolBar();
    statusBar()->addPermanentWidget(m_findStatus);

    connect(m_browser, &QTextBrowser::anchorClicked, this, &GuideWindow::followLink);
    m_browser->viewport()->installEventFilter(this); // its height: makeRoomAfterTheEnd
    connect(m_contents, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        go({m_file, item->data(kAnchorRole).toString()}, true);
    });
    connect(m_contents, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        go({m_file, item->data(kAnchorRole).toString()}, true);
    });
    connect(m_browser->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &GuideWindow::followReading);
    connect(m_findField, &QLineEdit::returnPressed, this, [this] { find(false); });
    connect(m_findField, &QLineEdit::textChanged, m_findStatus, &QLabel::clear);

    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("User guide"); });
    texts->bind(m_findField, &QLineEdit::setPlaceholderText,
                [] { return tr("Find in the guide (Ctrl+F)"); });
    resize(1040, 780);
}

void GuideWindow::createToolBar()
{
    auto *bar = addToolBar(QString());
    bar->setObjectName(QStringLiteral("guideToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_backAction = bar->addAction(icons::icon(icons::Icon::Back), QString(), this,
                                  [this] { step(m_back, m_forward); });
    m_backAction->setObjectName(QStringLiteral("guideBack"));
    m_backAction->setShortcut(QKeySequence::Back);
    m_forwardAction = bar->addAction(icons::icon(icons::Icon::Forward), QString(), this,
                                     [this] { step(m_forward, m_back); });
    m_forwardAction->setObjectName(QStringLiteral("guideForward"));
    m_forwardAction->setShortcut(QKeySequence::Forward);
    bar->addSeparator();
    bar->addWidget(m_findField);
    auto *focusFind = new QShortcut(QKeySequence::Find, this);
    connect(focusFind, &QShortcut::activated, this, [this] {
        m_findField->setFocus(Qt::ShortcutFocusReason);
        m_findField->selectAll();
    });
    auto *next = new QShortcut(QKeySequence::FindNext, this);
    connect(next, &QShortcut::activated, this, [this] { find(false); });
    auto *previous = new QShortcut(QKeySequence::FindPrevious, this);
    connect(previous, &QShortcut::activated, this, [this] { find(true); });
    auto *texts = new Texts(this);
    texts->bind(m_backAction, &QAction::setText, [] { return tr("Back"); });
    texts->bind(m_forwardAction, &QAction::setText, [] { return tr("Forward"); });
    texts->bind([bar](const QString &title) { bar->setWindowTitle(title); },
                [] { return tr("Guide"); });
    updateHistoryActions();
}

void GuideWindow::step(std::vector<Place> &from, std::vector<Place> &to)
{
    if (from.empty())
        return;
    to.push_back({m_file, currentSection()});
    const Place place = from.back();
    from.pop_back();
    go(place, false);
}

void GuideWindow::open(const QLocale &language, const QString &section)
{
    const QString file = QDir(m_folder).filePath(core::guide::fileName(language));
    go({file, section}, !m_file.isEmpty());
    show();
    raise();
    activateWindow();
}

QString GuideWindow::currentSection() const
{
    // Called on every scroll: only the sections' headings (found once per load) are looked at.
    const int top = m_browser->verticalScrollBar()->value();
    auto *layout = m_browser->document()->documentLayout();
    QString current;
    for (const Heading &heading : m_headings) {
        // +2: a section scrolled to sits exactly at the top; rounding must not put it below.
        if (layout->blockBoundingRect(heading.block).top() > top + 2)
            break;
        current = heading.id;
    }
    return current;
}

void GuideWindow::go(const Place &place, bool remember)
{
    // Where the reader was goes on the Back list, once: a double click (clicked, then
    // activated) or a second Help on the same page is not a step back.
    const Place here{m_file, currentSection()};
    if (remember && !m_file.isEmpty() && (here.file != place.file || here.anchor != place.anchor) &&
        (m_back.empty() || m_back.back().file != here.file ||
         m_back.back().anchor != here.anchor)) {
        m_back.push_back(here);
        m_forward.clear();
    }
    if (place.file != m_file && !load(place.file)) {
        showMissing(place.file);
        updateHistoryActions();
        return;
    }
    scrollTo(place.anchor);
    updateHistoryActions();
}

bool GuideWindow::load(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QString markdown = QString::fromUtf8(in.readAll());
    m_browser->document()->setMarkdown(core::guide::withoutAnchorLines(markdown));
    m_file = file;
    decorate();
    makeRoomAfterTheEnd();
    // The sections as the guide names them, for the anchors and the list. Qt's reader and
    // core::guide find the same headings in the same order; each is matched by its words.
    const auto sections = core::guide::sections(markdown);
    auto next = sections.begin();
    m_headings.clear();
    m_contents->clear();
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0)
            continue;
        const QString slug = core::guide::slug(block.text());
        const auto match = std::find_if(next, sections.end(), [&slug](const auto &section) {
            return core::guide::slug(section.title) == slug;
        });
        if (match == sections.end())
            continue;
        next = match + 1;
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat anchor;
        anchor.setAnchor(true);
        anchor.setAnchorNames(match->id.isEmpty() ? QStringList{match->slug}
                                                  : QStringList{match->id, match->slug});
        cursor.mergeCharFormat(anchor);
        if (match->id.isEmpty())
            continue; // no id (tst_docs requires one): not a place to open or follow
        m_headings.push_back({block, match->id});
        if (match->level == 2)
            (new QListWidgetItem(match->title, m_contents))->setData(kAnchorRole, match->id);
    }
    return true;
}

void GuideWindow::makeRoomAfterTheEnd()
{
    // Room below the last line, so that the last sections too can be scrolled to the top of the
    // view when they are opened (Keyboard shortcuts is a few lines long).
    QTextFrame *root = m_browser->document()->rootFrame();
    QTextFrameFormat format = root->frameFormat();
    const int room = m_browser->viewport()->height();
    if (int(format.bottomMargin()) == room)
        return;
    format.setBottomMargin(room);
    root->setFrameFormat(format);
}

bool GuideWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_browser->viewport() && event->type() == QEvent::Resize && !m_file.isEmpty())
        makeRoomAfterTheEnd();
    return QMainWindow::eventFilter(watched, event);
}

void GuideWindow::showMissing(const QString &file)
{
    m_file.clear();
    m_headings.clear();
    m_contents->clear();
    m_browser->setPlainText(
        tr("The user guide is not here: %1 could not be read. It is installed with the console "
           "(share/rov-console/guide) and copied there by every build (scripts/build.sh).")
            .arg(QDir::toNativeSeparators(file)));
}

void GuideWindow::decorate()
{
    QTextDocument *document = m_browser->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            const QSize size =
                QImageReader(QDir(m_folder).filePath(QUrl(image.name()).path())).size();
            if (!size.isValid() || size.width() <= kImageWidth)
                continue;
            image.setWidth(kImageWidth);
            image.setHeight(double(size.height()) * kImageWidth / size.width());
            QTextCursor cursor(document);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    }
}

void GuideWindow::scrollTo(const QString &anchor)
{
    // After the window has its size: the layout, and so where a heading is, depends on it.
    const auto scroll = [this, anchor] {
        makeRoomAfterTheEnd(); // the view has its height now
        if (anchor.isEmpty())
            m_browser->verticalScrollBar()->setValue(0);
        else
            m_browser->scrollToAnchor(anchor);
        followReading();
    };
    scroll();
    QTimer::singleShot(0, this, scroll);
}

void GuideWindow::followLink(const QUrl &url)
{
    if (!url.isRelative() && url.scheme() != QLatin1String("file")) {
        QDesktopServices::openUrl(url); // the web, mail: the desktop's programs
        return;
    }
    if (url.path().isEmpty()) { // #section of this page
        go({m_file, url.fragment()}, true);
        return;
    }
    const QString target =
        url.isRelative() ? QDir(m_folder).filePath(url.path()) : url.toLocalFile();
    if (target.endsWith(QLatin1String(".md")) && QFileInfo::exists(target)) {
        go({QDir::cleanPath(target), url.fragment()}, true);
        return;
    }
    if (QFileInfo::exists(target)) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(target));
        return;
    }
    statusBar()->showMessage(
        tr("%1 is not part of the guide on this computer.").arg(url.toString()), 8000);
}

void GuideWindow::find(bool backward)
{
    const QString text = m_findField->text();
    if (text.isEmpty())
        return;
    const QTextDocument::FindFlags flags =
        backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (!m_browser->find(text, flags)) {
        // Wrap around, as a browser's find does.
        QTextCursor cursor = m_browser->textCursor();
        cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        m_browser->setTextCursor(cursor);
        if (!m_browser->find(text, flags)) {
            m_findStatus->setText(tr("Not found: %1").arg(text));
            return;
        }
    }
    m_findStatus->clear();
}

void GuideWindow::followReading()
{
    const QString section = currentSection();
    for (int row = 0; row < m_contents->count(); ++row) {
        if (m_contents->item(row)->data(kAnchorRole).toString() == section) {
            const QSignalBlocker quiet(m_contents);
            m_contents->setCurrentRow(row);
            return;
        }
    }
}

void GuideWindow::updateHistoryActions()
{
    m_backAction->setEnabled(!m_back.empty());
    m_forwardAction->setEnabled(!m_forward.empty());
}

void GuideWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::LanguageChange || m_file.isEmpty())
        return;
    // The same section in the new language's guide (ids are the same in both).
    const QString file = QDir(m_folder).filePath(core::guide::fileName(QLocale()));
    if (file == m_file)
        return;
    const QString section = currentSection();
    QTimer::singleShot(0, this, [this, file, section] { go({file, section}, false); });
}

namespace {

QPointer<GuideWindow> &sharedGuide()
{
    static QPointer<GuideWindow> window;
    return window;
}

} // namespace

GuideWindow *showGuide(const QString &section)
{
    QPointer<GuideWindow> &window = sharedGuide();
    if (!window)
        window = new GuideWindow;
    window->open(QLocale(), section);
    return window;
}

void closeGuide()
{
    delete sharedGuide().data();
}

void offerGuide(QDialog *dialog, QDialogButtonBox *buttons, const QString &section)
{
    const auto open = [section] { showGuide(section); };
    if (auto *wizard = qobject_cast<QWizard *>(dialog)) {
        wizard->setOption(QWizard::HaveHelpButton);
        QObject::connect(wizard, &QWizard::helpRequested, dialog, open);
    } else if (buttons) {
        buttons->addButton(QDialogButtonBox::Help)->setObjectName(QStringLiteral("guideButton"));
        QObject::connect(buttons, &QDialogButtonBox::helpRequested, dialog, open);
    }
    auto *key = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1), dialog);
    QObject::connect(key, &QShortcut::activated, dialog, open);
}

} // namespace rov::ui
