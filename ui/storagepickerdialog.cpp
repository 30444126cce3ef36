#include "storagepickerdialog.h"

#include "help/guidewindow.h"
#include "texts.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rov::ui {

namespace {

enum Role
{
    UriRole = Qt::UserRole,
    KindRole,  // Kind
    LoadedRole // a folder whose listing was asked for
};
enum Kind
{
    Bucket,
    Folder,
    File
};

} // namespace

StoragePickerDialog::StoragePickerDialog(api::storage::StorageReader *storage, QWidget *parent)
    : QDialog(parent), m_storage(storage), m_tree(new QTreeWidget(this)),
      m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    offerGuide(this, m_buttons, QStringLiteral("batch"));
    setObjectName(QStringLiteral("storagePicker"));
    m_tree->setObjectName(QStringLiteral("storageTree"));
    m_status->setObjectName(QStringLiteral("storageStatus"));
    m_status->setWordWrap(true);
    m_tree->setColumnCount(2);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Choose from Cloud Storage"); });
    texts->bind(
        [this](const QString &) {
            m_tree->setHeaderLabels({tr("Name"), tr("Size")});
        },
        [] { return QString(); });
    texts->bind(m_buttons->button(QDialogButtonBox::Ok), &QAbstractButton::setText,
                [] { return tr("C&hoose"); });
    auto *column = new QVBoxLayout(this);
    column->addWidget(m_tree, 1);
    column->addWidget(m_status);
    column->addWidget(m_buttons);
    connect(m_tree, &QTreeWidget::itemExpanded, this, &StoragePickerDialog::expand);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &StoragePickerDialog::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, KindRole).toInt() == File)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 420);
    updateButtons();
    listBuckets();
}

QString StoragePickerDialog::chosenUri() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || !item->isSelected())
        return {};
    switch (item->data(0, KindRole).toInt()) {
    case File:
        return item->data(0, UriRole).toString();
    case Folder:
        return item->data(0, UriRole).toString() + QLatin1Char('*');
    default:
        return {};
    }
}

void StoragePickerDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenUri().isEmpty());
}

QTreeWidgetItem *StoragePickerDialog::addFolder(QTreeWidgetItem *parent, const QString &uri,
                                                const QString &label)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(0, label);
    item->setData(0, UriRole, uri);
    item->setData(0, KindRole, parent ? Folder : Bucket);
    item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    return item;
}

void StoragePickerDialog::listBuckets()
{
    if (!m_storage) {
        m_status->setText(tr("Not connected"));
        return;
    }
    m_status->setText(tr("Listing the buckets…"));
    m_storage->listBuckets(this, [this](api::Result<QStringList> buckets) {
        if (!buckets.ok()) {
            m_status->setText(tr("Could not list the buckets: %1").arg(buckets.error->message));
            return;
        }
        for (const QString &bucket : buckets.value)
            addFolder(nullptr, bucket, bucket.mid(5).chopped(1)); // "gs://b/" → "b"
        m_status->setText(buckets.value.isEmpty() ? tr("The project has no buckets.") : QString());
    });
}

void StoragePickerDialog::expand(QTreeWidgetItem *item)
{
    if (!m_storage || item->data(0, LoadedRole).toBool())
        return;
    item->setData(0, LoadedRole, true);
    m_status->setText(tr("Listing %1…").arg(item->data(0, UriRole).toString()));
    // The tree's items live as long as the dialog, the call's context.
    m_storage->listFolder(
        item->data(0, UriRole).toString(), this,
        [this, item](api::Result<api::storage::FolderListing> listing) {
            if (!listing.ok()) {
                item->setData(0, LoadedRole, false); // opening it again asks again
                m_status->setText(
                    tr("Could not list %1: %2")
                        .arg(item->data(0, UriRole).toString(), listing.error->message));
                return;
            }
            const QString base = item->data(0, UriRole).toString();
            for (const QString &folder : listing.value.folders)
                addFolder(item, folder, folder.mid(base.size()));
            for (const auto &object : listing.value.objects) {
                auto *file = new QTreeWidgetItem(item);
                file->setText(0, object.uri.mid(base.size()));
                file->setText(1, QLocale().formattedDataSize(object.size));
                file->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
                file->setData(0, UriRole, object.uri);
                file->setData(0, KindRole, File);
            }
            if (item->childCount() == 0)
                item->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicator);
            m_status->setText(
                listing.value.truncated
                    ? tr("%1 holds more than is shown: the first 1,000 names.").arg(base)
                    : QString());
        });
}

} // namespace rov::ui
