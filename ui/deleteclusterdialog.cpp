#include "deleteclusterdialog.h"

#include "help/guidewindow.h"
#include "texts.h"

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
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle,
                [id = cluster.id()] { return tr("Delete %1?").arg(id); });
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(this);
    texts->bind(text, &QLabel::setText, [id = cluster.id(), live = cluster.liveNodes()] {
        return tr("Delete the cluster <b>%1</b>? Every node stops (%2 running now), every job on "
                  "it ends, and billing for it stops. This cannot be undone.")
            .arg(id.toHtmlEscaped())
            .arg(live);
    });
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    offerGuide(this, buttons, QStringLiteral("clusters"));
    m_delete = buttons->addButton(QString(), QDialogButtonBox::DestructiveRole);
    texts->bind(m_delete, &QAbstractButton::setText, [] { return tr("Delete"); });
    m_delete->setObjectName(QStringLiteral("confirmDelete"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    if (cluster.liveNodes() >= kTypeTheNameFrom) {
        auto *prompt = new QLabel(this);
        texts->bind(prompt, &QLabel::setText, [] { return tr("Type the cluster id to confirm:"); });
        layout->addWidget(prompt);
        m_confirmation = new QLineEdit(this);
        m_confirmation->setObjectName(QStringLiteral("deleteConfirmation"));
        texts->bind(m_confirmation, &QWidget::setAccessibleName,
                    [] { return tr("Cluster id to confirm the deletion"); });
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
