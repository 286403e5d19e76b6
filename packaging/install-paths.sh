# Where packaging/install.sh puts the app for one user, and so what uninstall.sh removes.
# Sourced by both, so the two lists can never drift apart. Nothing here needs root.
#
# The app goes to a folder named by its id, NOT to ~/.local/share/alshome: that folder is
# the person's data (history, settings, backups), which installing and uninstalling the app
# must never touch.

app_id=io.github.alshome.Alshome
repo_root=$(dirname "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")")
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$data_home/$app_id
bin_link=$HOME/.local/bin/alshome
desktop_file=$data_home/applications/$app_id.desktop
metainfo_file=$data_home/metainfo/$app_id.metainfo.xml
user_data=$data_home/alshome

icon_sources=("$repo_root"/resources/icons/hicolor/*/apps/alshome.png)
icon_files=()
for source in "${icon_sources[@]}"; do
    size=$(basename "$(dirname "$(dirname "$source")")")
    icon_files+=("$data_home/icons/hicolor/$size/apps/$app_id.png")
done
icon_sources+=("$repo_root/resources/icons/alshome.svg")
icon_files+=("$data_home/icons/hicolor/scalable/apps/$app_id.svg")

refresh_caches() {
    # Menus and icon themes notice new files by themselves on most desktops; these only
    # speed that up, so a desktop without the tools is fine.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 &&
        [[ -f $data_home/icons/hicolor/index.theme ]]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
    fi
}
