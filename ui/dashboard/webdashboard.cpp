#include "webdashboard.h"

#include <QCoreApplication>
#include <unistd.h>

#ifdef ROV_HAVE_WEBENGINE
#include "webdashboardtab.h"
#endif

namespace rov::ui::webdashboard {

bool available()
{
#ifdef ROV_HAVE_WEBENGINE
    return true;
#else
    return false;
#endif
}

void prepareApplication()
{
#ifdef ROV_HAVE_WEBENGINE
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
#endif
}

QWidget *createTab(const QUrl &url, QWidget *parent)
{
#ifdef ROV_HAVE_WEBENGINE
    return new WebDashboardTab(url, parent);
#else
    Q_UNUSED(url)
    Q_UNUSED(parent)
    return nullptr;
#endif
}

} // namespace rov::ui::webdashboard
