#!/usr/bin/env bash
# Set up everything alshome needs on a Debian machine, then run the app or its tests.
#
#   packaging/bootstrap.sh run  [app args...]     install what is missing, then start alshome
#   packaging/bootstrap.sh test [pytest args...]  install what is missing, then ruff,
#                                                 lint-imports and pytest (paths relative
#                                                 to the repository root)
#   packaging/bootstrap.sh clinic [serve args...] install Debian's PostgreSQL and the
#                                                 clinic extra, make a database, then run
#                                                 `alshome clinic serve` on it
#
# Works from any current directory and on a fresh machine. The second run is quick: Debian
# packages are installed only when dpkg says they are missing, and pip runs only when
# pyproject.toml changed since the last successful install (a stamp inside .venv).
# Set ALSHOME_PYTHON to choose the Python (3.11 or newer) that makes the venv.
set -euo pipefail

usage() {
    echo "Usage: packaging/bootstrap.sh run [app args...] | test [pytest args...]" \
        "| clinic [serve args...]" >&2
}

if [[ $# -lt 1 ]]; then
    usage
    exit 2
fi
mode=$1
shift
case "$mode" in
    run | test | clinic) ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage
        exit 2
        ;;
esac

script_path=$(readlink -f "${BASH_SOURCE[0]}")
repo_root=$(dirname "$(dirname "$script_path")")
cd "$repo_root"

say() {
    echo "bootstrap: $*" >&2
}

# Two bootstraps of the same checkout at once (two terminals, an editor's test runner) must
# not run pip into the same venv together: hold a lock on this script while setting up.
if command -v flock >/dev/null 2>&1; then
    exec 9<"$script_path"
    flock 9
fi

venv=.venv
venv_python=$venv/bin/python
python=${ALSHOME_PYTHON:-python3}

# ---------------------------------------------------------------- Debian packages
# The system libraries that PySide6's modules and the plugins alshome loads link against
# (tests/packaging/test_shared_libraries.py reads them with ldd): GLib for Qt's event
# loop, X11/xcb for the window, Kerberos' GSSAPI for QtNetwork (the single-copy socket,
# and QtMultimedia links it too), PulseAudio for the chime, the voice and video, and
# speech-dispatcher's client library for the voice's engine.
qt_packages=(
    libglib2.0-0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
    libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
    libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libxrandr2 libxrender1
    libfontconfig1 libdbus-1-3 libgssapi-krb5-2 libpulse0 libspeechd2 fonts-dejavu-core
)
# The test mode also brings what packaging/build.sh needs (PyInstaller reads libraries
# with binutils' objdump), since a developer who tests is the one who builds, and the
# headless browser the dashboard's tests drive (chromium with its driver, for Selenium).
if [[ $mode == test ]]; then
    wanted=("${qt_packages[@]}" xvfb xauth xdotool imagemagick poppler-utils
        dbus at-spi2-core python3-gi gir1.2-atspi-2.0 desktop-file-utils appstream
        openbox x11-utils orca procps binutils postgresql chromium chromium-driver)
elif [[ $mode == clinic ]]; then
    # The server imports no Qt; PostgreSQL keeps the clinic's data.
    wanted=(postgresql)
else
    wanted=("${qt_packages[@]}" speech-dispatcher espeak-ng speech-dispatcher-espeak-ng)
fi

venv_ok() {
    [[ -x $venv_python ]] &&
        "$venv_python" -c 'import sys, pip; sys.exit(sys.version_info < (3, 11))' \
            >/dev/null 2>&1
}

# Without a usable venv we need a Python that can make one. Debian's own python3 needs
# python3-venv for that (ensurepip); Debian 12's python3 is 3.11, so it can be installed too.
if ! venv_ok; then
    if ! command -v "$python" >/dev/null 2>&1; then
        [[ $python == python3 ]] && wanted+=(python3 python3-venv)
    elif ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        [[ $(readlink -f "$(command -v "$python")") == /usr/bin/python3* ]] &&
            wanted+=(python3-venv)
    fi
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${wanted[@]}" 2>/dev/null |
        awk '$NF == "installed" && $(NF-1) == "ok" {print $1}' || true)
    for pkg in "${wanted[@]}"; do
        grep -qx -- "$pkg" <<<"$installed" || missing+=("$pkg")
    done
else
    say "This is not a Debian-based system, so nothing is installed from Debian;" \
        "make sure Qt's libraries ${wanted[*]} (or their equivalents) are present."
fi

if [[ ${#missing[@]} -gt 0 ]]; then
    as_root=()
    can_install=1
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            as_root=(sudo)
        else
            can_install=0
        fi
    fi
    command -v apt-get >/dev/null 2>&1 || can_install=0
    if [[ $can_install -eq 0 ]]; then
        say "Cannot install Debian packages here (no apt-get, or neither root nor sudo), so" \
            "install these yourself if anything fails: ${missing[*]}"
    else
        say "Installing Debian packages: ${missing[*]}"
        apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get
            -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
        if ! "${apt[@]}" update -q ||
            ! "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}"; then
            say "Installing the Debian packages ${missing[*]} failed; install them and try again."
            exit 1
        fi
    fi
fi

# ---------------------------------------------------------------- Python venv
if ! venv_ok; then
    if ! command -v "$python" >/dev/null 2>&1; then
        say "alshome needs Python 3.11 or newer, and '$python' was not found;" \
            "install it (or set ALSHOME_PYTHON to one) and try again."
        exit 1
    fi
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        found=$("$python" -c 'import platform; print(platform.python_version())' 2>/dev/null ||
            echo unknown)
        say "alshome needs Python 3.11 or newer, but '$python' is $found;" \
            "install a newer one (or set ALSHOME_PYTHON to one) and try again."
        exit 1
    fi
    if [[ -e $venv ]]; then
        say "The virtual environment in $venv is broken or too old; making a new one."
        rm -rf "$venv"
    fi
    say "Creating the virtual environment in $repo_root/$venv"
    "$python" -m venv "$venv"
fi

# The test extras include everything run needs, so a test install also satisfies run; the
# clinic extra comes with them, for the clinic server's tests.
hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
stamp_for() { echo "$venv/.alshome-installed-$1"; }
stamp_matches() { [[ -f $(stamp_for "$1") && $(<"$(stamp_for "$1")") == "$hash" ]]; }

if [[ $mode == test ]]; then
    up_to_date() { stamp_matches test; }
    target=".[test,clinic]"
elif [[ $mode == clinic ]]; then
    up_to_date() { stamp_matches clinic || stamp_matches test; }
    target=".[clinic]"
else
    up_to_date() { stamp_matches run || stamp_matches test; }
    target="."
fi
if ! up_to_date; then
    say "Installing Python packages into $venv (a minute or two the first time)"
    rm -f "$(stamp_for "$mode")"
    PIP_NO_INPUT=1 "$venv_python" -m pip install --disable-pip-version-check \
        --quiet --editable "$target"
    echo "$hash" >"$(stamp_for "$mode")"
fi

# Setup is done; other bootstraps of this checkout may go ahead.
if command -v flock >/dev/null 2>&1; then
    exec 9<&-
fi

# ---------------------------------------------------------------- clinic
# A database named alshome_clinic (ALSHOME_CLINIC_DATABASE to choose another) owned by a
# PostgreSQL role of the same name as this user, who then reaches it over the Unix socket
# with no password (Debian's peer authentication); or the database already named in
# ALSHOME_CLINIC_DATABASE_URL, left as it is. The server listens on 127.0.0.1:8470
# unless serve's own options say otherwise (README, "Clinic server").
if [[ $mode == clinic ]]; then
    if [[ -z ${ALSHOME_CLINIC_DATABASE_URL-} ]]; then
        database=${ALSHOME_CLINIC_DATABASE:-alshome_clinic}
        role=$(id -un)
        if [[ $(id -u) -eq 0 ]]; then
            postgres_user=(runuser -u postgres --)
        else
            postgres_user=(sudo -u postgres)
        fi
        # From /, which the postgres user can read (this checkout may be in a private home).
        as_postgres() { (cd / && "${postgres_user[@]}" "$@"); }
        # Debian's package makes a cluster and starts it, except where no init system runs
        # (a container, a chroot): then it is started here.
        if ! pg_lsclusters --no-header | awk '$4 == "online"' | grep -q .; then
            read -r version cluster _ < <(pg_lsclusters --no-header)
            say "Starting PostgreSQL $version/$cluster"
            as_postgres pg_ctlcluster "$version" "$cluster" start
        fi
        sql_value() { as_postgres psql --no-psqlrc --tuples-only --no-align --command "$1"; }
        if [[ $(sql_value "SELECT 1 FROM pg_roles WHERE rolname = '$role'") != 1 ]]; then
            say "Making the PostgreSQL role $role"
            as_postgres createuser "$role"
        fi
        if [[ $(sql_value "SELECT 1 FROM pg_database WHERE datname = '$database'") != 1 ]]; then
            say "Making the PostgreSQL database $database, owned by $role"
            as_postgres createdb --owner "$role" "$database"
        fi
        export ALSHOME_CLINIC_DATABASE_URL="postgresql+psycopg:///$database?host=/var/run/postgresql"
    fi
    "$venv_python" -m alshome clinic init
    say "Add a therapist with: ALSHOME_CLINIC_DATABASE_URL='$ALSHOME_CLINIC_DATABASE_URL'" \
        "$venv/bin/alshome clinic add-therapist EMAIL"
    exec "$venv_python" -m alshome clinic serve "$@"
fi

# ---------------------------------------------------------------- run
if [[ $mode == run ]]; then
    if [[ -z ${DISPLAY-} && -z ${WAYLAND_DISPLAY-} && -z ${QT_QPA_PLATFORM-} ]]; then
        # export, import and --help work without a screen; the window does not.
        needs_window=1
        for arg in "$@"; do
            case "$arg" in
                export | import | -h | --help | --version) needs_window=0 ;;
            esac
        done
        if [[ $needs_window -eq 1 ]]; then
            say "No display found (DISPLAY and WAYLAND_DISPLAY are not set): run this in a" \
                "desktop session, or under xvfb-run for a virtual screen nobody sees."
            exit 1
        fi
    fi
    exec "$venv_python" -m alshome "$@"
fi

# ---------------------------------------------------------------- test
failed=()
say "ruff check alshome tests"
"$venv/bin/ruff" check alshome tests || failed+=(ruff)
say "lint-imports"
"$venv/bin/lint-imports" || failed+=(lint-imports)
say "pytest $*"
pytest_status=0
QT_QPA_PLATFORM=offscreen "$venv_python" -m pytest "$@" || pytest_status=$?
if [[ $pytest_status -ne 0 ]]; then
    failed+=("pytest (exit status $pytest_status)")
fi

if [[ ${#failed[@]} -gt 0 ]]; then
    say "FAILED: $(printf '%s, ' "${failed[@]}" | sed 's/, $//')"
    if [[ $pytest_status -ne 0 ]]; then
        exit "$pytest_status"
    fi
    exit 1
fi
