#!/usr/bin/env bash
# Build the standalone alshome app into dist/alshome, then run its self-test.
#
#   packaging/build.sh
#
# Uses the checkout's .venv (made by `packaging/bootstrap.sh run` or `test`), installing
# PyInstaller into it from the `build` extra when it is missing. The result is one folder,
# dist/alshome, with the `alshome` program inside; copy the whole folder, or install it for
# this user with `packaging/install.sh`. Only the Linux build is tested (see the README).
set -euo pipefail

script_path=$(readlink -f "${BASH_SOURCE[0]}")
repo_root=$(dirname "$(dirname "$script_path")")
cd "$repo_root"

venv_python=.venv/bin/python
if [[ ! -x $venv_python ]]; then
    echo "build: no .venv here yet; run packaging/bootstrap.sh test first." >&2
    exit 1
fi
# PyInstaller bundles Python's shared library, which Debian's python3 keeps in a package
# of its own (libpython3.11 for Debian 12's); install it when it is missing.
soname=$("$venv_python" -c 'import os, sysconfig
name, folder = sysconfig.get_config_var("INSTSONAME"), sysconfig.get_config_var("LIBDIR")
print("" if os.path.exists(os.path.join(folder, name)) else name)')
if [[ $soname == libpython*.so* ]] && ! ldconfig -p | grep -qF "$soname" &&
    command -v apt-get >/dev/null 2>&1; then
    package=${soname%%.so*}
    echo "build: installing $package, which PyInstaller bundles" >&2
    as_root=()
    [[ $(id -u) -ne 0 ]] && as_root=(sudo)
    apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q
        -o DPkg::Lock::Timeout=300)
    "${apt[@]}" update >/dev/null
    "${apt[@]}" install -y --no-install-recommends "$package" >/dev/null
fi
if ! "$venv_python" -c 'import PyInstaller' >/dev/null 2>&1; then
    echo "build: installing PyInstaller into .venv" >&2
    PIP_NO_INPUT=1 "$venv_python" -m pip install --disable-pip-version-check --quiet \
        --editable ".[build]"
fi

# The translations are compiled from their sources, so the bundle carries what the .ts
# files say, whatever .qm a checkout happens to hold.
echo "build: compiling the translations" >&2
for source in resources/i18n/*.ts; do
    .venv/bin/pyside6-lrelease -silent "$source" -qm "${source%.ts}.qm"
done

"$venv_python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/alshome.spec

echo "build: running dist/alshome/alshome --self-test" >&2
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} dist/alshome/alshome --self-test
# Offscreen proves the files are there; a desktop draws through the X11 (xcb) plugin and
# the system libraries it needs, so where a virtual X display can be had, that runs too.
if command -v xvfb-run >/dev/null 2>&1; then
    echo "build: running it again on a virtual X display (xcb)" >&2
    xvfb-run --auto-servernum env QT_QPA_PLATFORM=xcb dist/alshome/alshome --self-test
fi
