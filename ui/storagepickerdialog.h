#pragma once

#include "api/storage/storagereader.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace rov::ui {

// Choose a gs:// file or folder: the project's buckets, each folder listed when it is opened.
// A file is chosen as gs://bucket/name, a folder as gs://bucket/folder/* (every file in it, as
// Vertex AI reads a wildcard). Every listing ends: shown, or its error in the status line.
class StoragePickerDialog : public QDialog
{
    Q_OBJECT
public:
    StoragePickerDialog(api::storage::StorageReader *storage, QWidget *parent = nullptr);

    // The chosen file or folder as a URI; "" while a bucket or nothing is chosen.
    QString chosenUri() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    void listBuckets();
    void expand(QTreeWidgetItem *item);
    QTreeWidgetItem *addFolder(QTreeWidgetItem *parent, const QString &uri, const QString &label);
    void updateButtons();

    QPointer<api::storage::StorageReader> m_storage;
    QTreeWidget *m_tree;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

} // namespace rov::ui
