// The translations are resources of this library; the .qm files are built from the .ts files.
namespace rov::translations {
int linkAnchor = 0;
} // namespace rov::translations
