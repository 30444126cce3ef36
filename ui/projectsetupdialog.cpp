#include "projectsetupdialog.h"

#include "auth/googlecredentials.h"
#include "core/backendsession.h"
#include "core/palette.h"
#include "core/secretstore.h"
#include "help/guidewindow.h"
#include "texts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace rov::ui {

using core::Profile;

ProjectSetupDialog::ProjectSetupDialog(core::ProfileStore &store, QString rovdProgram,
                                       core::BackendSession *current, QWidget *parent)
    : QDialog(parent), m_store(store), m_rovdProgram(std::move(rovdProgram)), m_current(current),
      m_profiles(new QComboBox(this)), m_name(new QLineEdit(this)), m_local(new QRadioButton(this)),
      m_cloud(new QRadioButton(this)), m_pages(new QStackedWidget(this)),
      m_rovdUrl(new QLineEdit(this)), m_rovdDataDir(new QLineEdit(this)),
      m_localStatus(new QLabel(this)), m_stopRovd(new QPushButton(this)),
      m_project(new QLineEdit(this)), m_region(new QComboBox(this)), m_baseUrl(new QLineEdit(this)),
      m_credentials(new QComboBox(this)), m_keyFile(new QLineEdit(this)),
      m_tokenCommand(new QLineEdit(this)), m_accessToken(new QLineEdit(this)),
      m_credentialInfo(new QLabel(this)), m_secretsPlace(new QLabel(this)),
      m_testResult(new QLabel(this))
{
    setObjectName(QStringLiteral("projectSetup"));
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Project setup"); });
    nameFields(texts);
    auto *top = makeProfileRow(texts);

    auto *localPage = makeLocalPage(texts);
    auto *cloudPage = makeCloudPage(texts);
    m_pages->addWidget(localPage);
    m_pages->addWidget(cloudPage);
    connect(m_local, &QRadioButton::toggled, this,
            [this](bool local) { m_pages->setCurrentIndex(local ? 0 : 1); });

    auto *backend = new QGroupBox(this);
    texts->bind(backend, &QGroupBox::setTitle, [] { return tr("Backend"); });
    auto *backendLayout = new QVBoxLayout(backend);
    backendLayout->addWidget(m_local);
    backendLayout->addWidget(m_cloud);
    backendLayout->addWidget(m_pages);

    auto *test = new QPushButton(this);
    texts->bind(test, &QAbstractButton::setText, [] { return tr("&Test connection"); });
    test->setObjectName(QStringLiteral("testConnection"));
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(test, &QPushButton::clicked, this, &ProjectSetupDialog::testConnection);

    auto *buttons = saveButtons(texts);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    auto *nameRow = new QFormLayout;
    texts->row(nameRow, m_name, [] { return tr("Name:"); });
    layout->addLayout(nameRow);
    layout->addWidget(backend);
    layout->addWidget(test, 0, Qt::AlignLeft);
    layout->addWidget(m_testResult);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(640, 560);

    if (!m_store.hasProfiles())
        m_store.save(Profile::thisComputer());
    loadProfiles(m_store.current().id);
    showCredentialFields();
    showSecretsPlace();
    if (m_current)
        connect(m_current, &core::BackendSession::capabilitiesChanged, this,
                &ProjectSetupDialog::showLocalStatus);
    showLocalStatus();
}

// Object names for tests and window memory; accessible names and button words that follow the
// language.
void ProjectSetupDialog::nameFields(Texts *texts)
{
    texts->bind(m_profiles, &QWidget::setAccessibleName, [] { return tr("Profile"); });
    m_name->setObjectName(QStringLiteral("profileName"));
    m_local->setObjectName(QStringLiteral("backendThisComputer"));
    m_cloud->setObjectName(QStringLiteral("backendGoogleCloud"));
    m_project->setObjectName(QStringLiteral("project"));
    m_region->setObjectName(QStringLiteral("cloudRegion"));
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_credentials->setObjectName(QStringLiteral("credentialKind"));
    m_tokenCommand->setObjectName(QStringLiteral("tokenCommand"));
    m_accessToken->setObjectName(QStringLiteral("accessToken"));
    m_keyFile->setObjectName(QStringLiteral("keyFile"));
    m_credentialInfo->setObjectName(QStringLiteral("credentialInfo"));
    m_secretsPlace->setObjectName(QStringLiteral("secretsPlace"));
    texts->bind(m_local, &QAbstractButton::setText,
                [] { return tr("This computer (rovd, real Ray clusters here)"); });
    texts->bind(m_cloud, &QAbstractButton::setText, [] { return tr("Google Cloud (Vertex AI)"); });
    texts->bind(m_stopRovd, &QAbstractButton::setText, [] { return tr("Sto&p rovd"); });
    const std::pair<QWidget *, Texts::Text> names[] = {
        {m_rovdUrl, [] { return tr("rovd address"); }},
        {m_rovdDataDir, [] { return tr("Data directory"); }},
        {m_project, [] { return tr("Project id"); }},
        {m_region, [] { return tr("Region"); }},
        {m_baseUrl, [] { return tr("Base URL"); }},
        {m_credentials, [] { return tr("Credentials"); }},
        {m_keyFile, [] { return tr("Key file"); }},
        {m_tokenCommand, [] { return tr("Token command"); }},
        {m_accessToken, [] { return tr("Access token"); }}};
    for (const auto &[widget, name] : names)
        texts->bind(widget, &QWidget::setAccessibleName, name);
    texts->onChange([this] {
        const int builtIn = m_profiles->findData(Profile::thisComputer().id);
        if (builtIn >= 0)
            m_profiles->setItemText(builtIn, tr("This computer"));
        if (m_profile.id == Profile::thisComputer().id)
            m_name->setText(tr("This computer"));
        showLocalStatus();
    });
    texts->bind(m_name, &QWidget::setAccessibleName, [] { return tr("Profile name"); });
}

QLayout *ProjectSetupDialog::makeProfileRow(Texts *texts)
{
    auto *newProfile = new QPushButton(this);
    newProfile->setObjectName(QStringLiteral("newProfile"));
    texts->bind(newProfile, &QAbstractButton::setText, [] { return tr("&New profile"); });
    auto *removeProfile = new QPushButton(this);
    texts->bind(removeProfile, &QAbstractButton::setText, [] { return tr("&Remove"); });
    auto *top = new QHBoxLayout;
    auto *profileLabel = new QLabel(this);
    texts->bind(profileLabel, &QLabel::setText, [] { return tr("Profile:"); });
    profileLabel->setBuddy(m_profiles);
    top->addWidget(profileLabel);
    top->addWidget(m_profiles, 1);
    top->addWidget(newProfile);
    top->addWidget(removeProfile);
    connect(newProfile, &QPushButton::clicked, this, [this] {
        Profile fresh;
        fresh.id = QStringLiteral("profile-%1").arg(QDateTime::currentMSecsSinceEpoch());
        fresh.name = tr("New profile");
        fresh.backend = Profile::Backend::GoogleCloud;
        fresh.project.clear();
        m_store.save(fresh);
        loadProfiles(fresh.id);
    });
    connect(removeProfile, &QPushButton::clicked, this, [this] {
        if (m_profiles->count() <= 1)
            return;
        m_store.remove(m_profiles->currentData().toString());
        loadProfiles({});
    });
    // The list shows the name as it is typed.
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (m_profiles->currentData().toString() != Profile::thisComputer().id)
            m_profiles->setItemText(m_profiles->currentIndex(), name);
    });
    connect(m_profiles, &QComboBox::activated, this, [this] {
        for (const auto &profile : m_store.load()) {
            if (profile.id == m_profiles->currentData().toString())
                showProfile(profile);
        }
    });
    return top;
}

QWidget *ProjectSetupDialog::makeLocalPage(Texts *texts)
{
    auto *localPage = new QWidget(m_pages);
    auto *localForm = new QFormLayout(localPage);
    texts->row(localForm, m_rovdUrl, [] { return tr("rovd address:"); });
    texts->row(localForm, m_rovdDataDir, [] { return tr("Data directory:"); });
    m_rovdDataDir->setPlaceholderText(Profile::thisComputer().effectiveRovdDataDir());
    m_localStatus->setObjectName(QStringLiteral("localStatus"));
    m_localStatus->setWordWrap(true);
    m_localStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    localForm->addRow(m_localStatus);
    m_stopRovd->setObjectName(QStringLiteral("stopRovd"));
    texts->bind(m_stopRovd, &QWidget::setToolTip, [] {
        return tr("Ask rovd to stop. Its Ray clusters keep running, and the next rovd adopts them; "
                  "use Start rovd or this console to start it again.");
    });
    connect(m_stopRovd, &QPushButton::clicked, this, &ProjectSetupDialog::stopRovd);
    auto *stopRow = new QHBoxLayout;
    stopRow->addWidget(m_stopRovd);
    stopRow->addStretch(1);
    localForm->addRow(stopRow);
    return localPage;
}

QWidget *ProjectSetupDialog::makeCloudPage(Texts *texts)
{
    auto *cloudPage = new QWidget(m_pages);
    auto *cloudForm = new QFormLayout(cloudPage);
    m_region->addItems(Profile::vertexRegions());
    for (auto kind :
         {Profile::Credentials::ApplicationDefault, Profile::Credentials::ServiceAccountKey,
          Profile::Credentials::TokenCommand, Profile::Credentials::AccessToken})
        m_credentials->addItem(QString(), int(kind));
    const Texts::Text kindNames[] = {[] { return tr("Application default credentials"); },
                                     [] { return tr("Service account key file"); },
                                     [] { return tr("Command that prints a token"); },
                                     [] { return tr("Access token (pasted)"); }};
    for (int index = 0; index < 4; ++index)
        texts->bind([this, index](const QString &name) { m_credentials->setItemText(index, name); },
                    kindNames[index]);
    m_accessToken->setEchoMode(QLineEdit::Password);
    texts->row(cloudForm, m_project, [] { return tr("Project id:"); });
    texts->row(cloudForm, m_region, [] { return tr("Region:"); });
    texts->row(cloudForm, m_baseUrl, [] { return tr("Base URL:"); });
    texts->row(cloudForm, m_credentials, [] { return tr("Credentials:"); });
    auto *keyRow = new QWidget(cloudPage);
    auto *keyLayout = new QHBoxLayout(keyRow);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    m_keyFile->setParent(keyRow);
    keyLayout->addWidget(m_keyFile, 1);
    auto *browse = new QPushButton(keyRow);
    browse->setObjectName(QStringLiteral("browseKeyFile"));
    texts->bind(browse, &QAbstractButton::setText, [] { return tr("&Browse…"); });
    keyLayout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Service account key file"), QFileInfo(m_keyFile->text()).absolutePath(),
            tr("JSON key (*.json);;All files (*)"));
        if (!path.isEmpty()) {
            m_keyFile->setText(path);
            describeCredentials();
        }
    });
    auto *keyLabel = texts->row(cloudForm, keyRow, [] { return tr("&Key file:"); });
    keyLabel->setBuddy(m_keyFile);
    texts->row(cloudForm, m_tokenCommand, [] { return tr("Token command:"); });
    texts->row(cloudForm, m_accessToken, [] { return tr("Access token:"); });
    m_credentialInfo->setWordWrap(true);
    m_credentialInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cloudForm->addRow(m_credentialInfo);
    m_secretsPlace->setWordWrap(true);
    m_secretsPlace->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cloudForm->addRow(m_secretsPlace);
    connect(m_keyFile, &QLineEdit::editingFinished, this, &ProjectSetupDialog::describeCredentials);
    texts->onChange([this] {
        describeCredentials();
        showSecretsPlace();
    });
    const auto updateBaseUrlHint = [this] {
        m_baseUrl->setPlaceholderText(
            QStringLiteral("https://%1-aiplatform.googleapis.com").arg(m_region->currentText()));
    };
    connect(m_region, &QComboBox::currentTextChanged, this, updateBaseUrlHint);
    updateBaseUrlHint();
    connect(m_credentials, &QComboBox::currentIndexChanged, this,
            &ProjectSetupDialog::showCredentialFields);
    return cloudPage;
}

void ProjectSetupDialog::showCredentialFields()
{
    const auto kind = Profile::Credentials(m_credentials->currentData().toInt());
    m_keyFile->parentWidget()->setEnabled(kind == Profile::Credentials::ServiceAccountKey);
    m_tokenCommand->setEnabled(kind == Profile::Credentials::TokenCommand);
    m_accessToken->setEnabled(kind == Profile::Credentials::AccessToken);
    describeCredentials();
}

// Read from the files alone, without asking any server: who the chosen credentials are, or what
// is wrong with them, next to the fields.
void ProjectSetupDialog::describeCredentials()
{
    const auto kind = Profile::Credentials(m_credentials->currentData().toInt());
    std::variant<auth::TokenSource, rest::ApiError> source = rest::ApiError();
    switch (kind) {
    case Profile::Credentials::ServiceAccountKey:
        source = auth::keyFileSource(m_keyFile->text().trimmed());
        break;
    case Profile::Credentials::ApplicationDefault:
        source = auth::applicationDefaultSource(
            auth::AdcPlaces::fromEnvironment(QProcessEnvironment::systemEnvironment()));
        break;
    case Profile::Credentials::TokenCommand:
    case Profile::Credentials::AccessToken:
        m_credentialInfo->clear();
        m_credentialInfo->setVisible(false);
        return;
    }
    m_credentialInfo->setVisible(true);
    if (const auto *error = std::get_if<rest::ApiError>(&source)) {
        m_credentialInfo->setText(error->message);
        m_credentialInfo->setStyleSheet(palette::errorTextStyle());
        return;
    }
    const auto &found = std::get<auth::TokenSource>(source);
    if (found.kind == auth::TokenSource::Kind::MetadataServer) {
        // Only a Google Cloud VM has one; elsewhere the user needs to know what to do instead.
        m_credentialInfo->setText(
            tr("No credentials file was found, so the console will ask the metadata server (%1), "
               "which only Google Cloud VMs have. Elsewhere, run \"gcloud auth "
               "application-default login\" or choose a service account key file.")
                .arg(auth::AdcPlaces::fromEnvironment(QProcessEnvironment::systemEnvironment())
                         .metadataHost));
        m_credentialInfo->setStyleSheet({});
        return;
    }
    QString text = tr("Signs in as %1, with %2.").arg(found.identity, found.origin);
    if (!found.project.isEmpty())
        text += tr(" The credentials belong to project %1.").arg(found.project); // no space in zh
    m_credentialInfo->setText(text);
    m_credentialInfo->setStyleSheet({});
}

void ProjectSetupDialog::showSecretsPlace()
{
    const core::SecretStore store;
    store.probe(this, [this, store](const core::SecretStore::Stored &place) {
        m_secretsPlace->setText(
            place.place == core::SecretStore::Place::Keyring
                ? tr("Pasted tokens are kept in the desktop keyring.")
                : tr("No desktop keyring answers (%1); pasted tokens are kept in %2, readable by "
                     "you alone.")
                      .arg(place.keyringProblem, store.path()));
    });
}

QDialogButtonBox *ProjectSetupDialog::saveButtons(Texts *texts)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    offerGuide(this, buttons, QStringLiteral("project-setup"));
    texts->bind(buttons->button(QDialogButtonBox::Ok), &QAbstractButton::setText,
                [] { return tr("Save and use"); });
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("saveProfile"));
    m_save = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProjectSetupDialog::saveAndUse);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

void ProjectSetupDialog::saveAndUse()
{
    m_profile = editedProfile();
    m_store.save(m_profile);
    m_store.setCurrentId(m_profile.id);
    if (m_profile.credentials != Profile::Credentials::AccessToken) {
        accept();
        return;
    }
    // The keyring may take a moment (or ask to be unlocked): the dialog waits for it.
    m_save->setEnabled(false);
    m_testResult->setText(tr("Saving the token…"));
    core::SecretStore().write(
        core::BackendSession::accessTokenKey(m_profile.id), m_accessToken->text().toUtf8(), this,
        [this](const std::variant<core::SecretStore::Stored, rest::ApiError> &stored) {
            m_save->setEnabled(true);
            if (const auto *error = std::get_if<rest::ApiError>(&stored)) {
                m_testResult->setText(tr("The token was not saved: %1").arg(error->message));
                return;
            }
            accept();
        });
}

void ProjectSetupDialog::loadProfiles(const QString &selectId)
{
    m_profiles->clear();
    const auto profiles = m_store.load();
    for (const auto &profile : profiles)
        m_profiles->addItem(profile.id == Profile::thisComputer().id ? tr("This computer")
                                                                     : profile.name,
                            profile.id);
    const int index = std::max(0, m_profiles->findData(selectId));
    m_profiles->setCurrentIndex(index);
    if (!profiles.empty())
        showProfile(profiles[size_t(index)]);
}

void ProjectSetupDialog::showProfile(const Profile &profile)
{
    m_profile = profile;
    m_name->setText(profile.id == Profile::thisComputer().id ? tr("This computer") : profile.name);
    (profile.backend == Profile::Backend::ThisComputer ? m_local : m_cloud)->setChecked(true);
    m_pages->setCurrentIndex(profile.backend == Profile::Backend::ThisComputer ? 0 : 1);
    m_rovdUrl->setText(profile.rovdUrl.toString());
    m_rovdDataDir->setText(profile.rovdDataDir);
    m_project->setText(profile.project);
    m_region->setCurrentText(profile.region);
    m_baseUrl->setText(profile.baseUrl);
    m_credentials->setCurrentIndex(std::max(0, m_credentials->findData(int(profile.credentials))));
    m_keyFile->setText(profile.keyFile);
    m_tokenCommand->setText(profile.tokenCommand);
    m_accessToken->clear();
    const QString shownId = profile.id;
    core::SecretStore().read(core::BackendSession::accessTokenKey(profile.id), this,
                             [this, shownId](const core::SecretStore::Found &found) {
                                 // Another profile may be shown by now, or a token typed.
                                 if (m_profile.id == shownId && m_accessToken->text().isEmpty())
                                     m_accessToken->setText(QString::fromUtf8(found.value));
                             });
    m_testResult->clear();
    describeCredentials();
}

Profile ProjectSetupDialog::editedProfile() const
{
    Profile profile = m_profile;
    profile.name = m_name->text().trimmed().isEmpty() ? profile.id : m_name->text().trimmed();
    profile.backend =
        m_local->isChecked() ? Profile::Backend::ThisComputer : Profile::Backend::GoogleCloud;
    profile.rovdUrl = QUrl(m_rovdUrl->text().trimmed());
    profile.rovdDataDir = m_rovdDataDir->text().trimmed();
    if (profile.backend == Profile::Backend::GoogleCloud) {
        profile.project = m_project->text().trimmed();
        profile.region = m_region->currentText();
    }
    profile.baseUrl = m_baseUrl->text().trimmed();
    profile.credentials = Profile::Credentials(m_credentials->currentData().toInt());
    profile.keyFile = m_keyFile->text().trimmed();
    profile.tokenCommand = m_tokenCommand->text().trimmed();
    return profile;
}

void ProjectSetupDialog::showLocalStatus()
{
    if (!m_current || m_current->profile().backend != Profile::Backend::ThisComputer) {
        m_localStatus->setText(tr("rovd starts when this profile is used."));
        m_stopRovd->hide();
        return;
    }
    const auto &capabilities = m_current->capabilities();
    const auto pid = m_current->localRovdPid();
    m_localStatus->setText(
        tr("Status: %1\nVersion: %2\nData directory: %3\nRay versions it runs: %4")
            .arg(m_current->statusText(),
                 m_current->rovdVersion().isEmpty() ? tr("unknown") : m_current->rovdVersion(),
                 m_current->profile().effectiveRovdDataDir(),
                 capabilities.rayVersions.isEmpty()
                     ? tr("unknown")
                     : capabilities.rayVersions.join(QStringLiteral(", "))) +
        QLatin1Char('\n') +
        (pid ? tr("rovd (pid %1) keeps running after the console closes, and so do its clusters.")
                   .arg(*pid)
             : tr("rovd is not running.")));
    m_stopRovd->setVisible(true);
    m_stopRovd->setEnabled(pid.has_value());
}

void ProjectSetupDialog::stopRovd()
{
    if (!m_current)
        return;
    // Every page of the console loses its backend: asked first, with what goes on running.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Stop rovd?"),
                                tr("The console cannot reach this computer's backend until rovd "
                                   "starts again. Ray clusters keep running, and the next rovd "
                                   "adopts them."),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmStopRovd"));
    box->addButton(tr("Stop rovd"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, &ProjectSetupDialog::stopRovdNow);
    box->open();
}

void ProjectSetupDialog::stopRovdNow()
{
    if (!m_current)
        return;
    const auto pid = m_current->localRovdPid();
    if (const auto error = m_current->stopRovd()) {
        m_localStatus->setText(error->message);
        return;
    }
    m_stopRovd->setEnabled(false);
    m_localStatus->setText(tr("Asked rovd (pid %1) to stop. Its clusters keep running; the next "
                              "rovd adopts them.")
                               .arg(pid.value_or(0)));
}

void ProjectSetupDialog::testConnection()
{
    const Profile profile = editedProfile();
    if (profile.credentials != Profile::Credentials::AccessToken) {
        startTest(profile);
        return;
    }
    // The session reads pasted tokens from the secret store: it is written there first.
    m_testResult->setText(tr("Saving the token…"));
    core::SecretStore().write(
        core::BackendSession::accessTokenKey(profile.id), m_accessToken->text().toUtf8(), this,
        [this, profile](const std::variant<core::SecretStore::Stored, rest::ApiError> &stored) {
            if (const auto *error = std::get_if<rest::ApiError>(&stored)) {
                m_testResult->setText(tr("The token was not saved: %1").arg(error->message));
                return;
            }
            startTest(profile);
        });
}

void ProjectSetupDialog::startTest(const Profile &profile)
{
    if (m_testing)
        m_testing->deleteLater();
    m_testResult->setText(tr("Testing %1…").arg(profile.effectiveBaseUrl().toString()));
    m_testing = new core::BackendSession(profile, m_rovdProgram, this);
    connect(m_testing, &core::BackendSession::statusChanged, this, [this, session = m_testing] {
        if (m_testing != session)
            return; // a test that ended already
        using Status = core::BackendSession::Status;
        const Status status = m_testing->status();
        const QString host = m_testing->backendHost();
        // A test ends: a host that does not resolve or does not answer is its answer, not a
        // reason to keep trying (the session of the main window is the one that waits).
        if (status == Status::Failed) {
            m_testResult->setText(tr("Failed: %1").arg(m_testing->statusText()));
            endTest();
        } else if (m_testing->hostUnresolved()) {
            m_testResult->setText(tr("Failed: %1 cannot be found. There is no network, or the "
                                     "name does not exist.")
                                      .arg(host));
            endTest();
        } else if (status == Status::Unreachable) {
            m_testResult->setText(tr("Failed: %1 does not answer.").arg(host));
            endTest();
        } else if (status == Status::Ready) {
            m_testing->testConnection();
        } else {
            m_testResult->setText(m_testing->statusText());
        }
    });
    connect(m_testing, &core::BackendSession::connectionTested, this,
            [this, session = m_testing](bool, const QString &message) {
                if (m_testing != session)
                    return;
                m_testResult->setText(message);
                endTest();
            });
    m_testing->start();
}

void ProjectSetupDialog::endTest()
{
    if (m_testing)
        m_testing->deleteLater(); // its calls end CANCELLED with it; nothing is said after this
    m_testing = nullptr;
}

} // namespace rov::ui
