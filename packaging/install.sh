#!/usr/bin/env bash
# Install a built alshome (packaging/build.sh) for this user, with no root:
#
#   packaging/install.sh [BUNDLE]      BUNDLE: the built folder, dist/alshome by default
#
# The app folder goes to ~/.local/share/io.github.alshome.Alshome (replacing an older one
# whole), the `alshome` command to ~/.local/bin, and the menu entry, icons and software
# centre metadata to ~/.local/share/{applications,icons,metainfo}. packaging/uninstall.sh
# removes exactly these. The person's data is never touched.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/install-paths.sh"

bundle=$(readlink -f "${1:-$repo_root/dist/alshome}")
if [[ ! -x $bundle/alshome ]]; then
    echo "install: $bundle/alshome is not there; build it first with packaging/build.sh." >&2
    exit 1
fi

mkdir -p "$data_home"
rm -rf "$app_dir.new"
cp -a "$bundle" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"

mkdir -p "$(dirname "$bin_link")"
ln -sfn "$app_dir/alshome" "$bin_link"

# The Desktop Entry Specification: a quoted Exec argument escapes ", `, $ and \.
quoted=$(printf '%s' "$app_dir/alshome" | sed -e 's/[\\"`$]/\\&/g' -e 's/[\\&|]/\\&/g')
mkdir -p "$(dirname "$desktop_file")"
sed "s|^Exec=.*|Exec=\"$quoted\"|" "$repo_root/packaging/linux/$app_id.desktop" >"$desktop_file"
install -D -m 644 "$repo_root/packaging/linux/$app_id.metainfo.xml" "$metainfo_file"
for index in "${!icon_sources[@]}"; do
    install -D -m 644 "${icon_sources[$index]}" "${icon_files[$index]}"
done
refresh_caches

echo "alshome is installed in $app_dir; open it from the menu, or run $bin_link."
case ":$PATH:" in
    *":$(dirname "$bin_link"):"*) ;;
    *) echo "($(dirname "$bin_link") is not on your PATH, so type the whole path there.)" ;;
esac
