#!/usr/bin/env bash
# Renders every screen in English and Simplified Chinese into docs/screenshots/ (offscreen).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh >/dev/null
scripts/build.sh >/dev/null
export QT_QPA_PLATFORM=offscreen ROV_SCREENSHOT_DIR="$root/docs/screenshots"
for gui_test in build/bin/tst_mainwindow build/bin/tst_wizard build/bin/tst_projectsetup build/bin/tst_clusterworkflow \
  build/bin/tst_dashboard build/bin/tst_servingpages; do
  "$gui_test" >/dev/null
done
ls -1 docs/screenshots
