#include "deleteclusterdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rov::ui {

DeleteClusterDialog::DeleteClusterDialog(const api::vertex::PersistentResource &cluster,
                                         QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Delete %1?").arg(cluster.id()));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(
        tr("Delete the cluster <b>%1</b>? Every node stops (%2 running now), every job on it "
           "ends, and billing for it stops. This cannot be undone.")
            .arg(cluster.id().toHtmlEscaped())
            .arg(cluster.liveNodes()),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_delete = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("confirmDelete"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    if (cluster.liveNodes() >= kTypeTheNameFrom) {
        layout->addWidget(new QLabel(tr("Type the cluster id to confirm:"), this));
        m_confirmation = new QLineEdit(this);
        m_confirmation->setObjectName(QStringLiteral("deleteConfirmation"));
        m_confirmation->setAccessibleName(tr("Cluster id to confirm the deletion"));
        layout->addWidget(m_confirmation);
        m_delete->setEnabled(false);
        connect(
            m_confirmation, &QLineEdit::textChanged, this,
            [this, id = cluster.id()](const QString &typed) { m_delete->setEnabled(typed == id); });
    }
    connect(m_delete, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace rov::ui
