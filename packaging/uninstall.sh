#!/usr/bin/env bash
# Remove what packaging/install.sh installed for this user, and nothing else:
#
#   packaging/uninstall.sh
#
# The person's history, settings and backups stay where they are, in
# ~/.local/share/alshome (or the folder chosen with --data-dir or ALSHOME_DATA_DIR).
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/install-paths.sh"

rm -rf "$app_dir"
# Only our own link: an `alshome` installed some other way (pip, a venv) stays.
if [[ -L $bin_link && $(readlink "$bin_link") == "$app_dir/alshome" ]]; then
    rm -f "$bin_link"
fi
rm -f "$desktop_file" "$metainfo_file" "${icon_files[@]}"
refresh_caches

echo "alshome is uninstalled. Your history and settings are still in $user_data;"
echo "delete that folder yourself if you no longer want them."
