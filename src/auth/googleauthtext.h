#pragma once

#include <QCoreApplication>

namespace rov::auth {

// The translation context of the sign-in messages ("GoogleAuth").
struct GoogleAuth
{
    Q_DECLARE_TR_FUNCTIONS(GoogleAuth)
};

} // namespace rov::auth
