#pragma once

#include "api/vertex/persistentresource.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace rov::ui {

// Asks before a cluster is deleted; a large one asks for its id to be typed.
class DeleteClusterDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr qint64 kTypeTheNameFrom = 5; // nodes

    explicit DeleteClusterDialog(const api::vertex::PersistentResource &cluster,
                                 QWidget *parent = nullptr);
    QLineEdit *confirmation() const { return m_confirmation; }
    QPushButton *deleteButton() const { return m_delete; }

private:
    QLineEdit *m_confirmation = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace rov::ui
