#!/bin/sh
# Install connkit from a release archive, checksum verified; build it with cargo when no
# archive exists for this platform. `sh install.sh --help` (or `curl … | sh -s -- --help`)
# prints the options; they are in usage() below.
#
# No release of connkit is published yet (no tag, nothing on crates.io): until one is, the
# route that works is a clone, which this script names in every error that needs it.
set -eu

# CONNKIT_REPO_URL: a mirror of the repository (its releases/latest redirect); tests use it.
REPO_URL="${CONNKIT_REPO_URL:-https://github.com/connkit/connkit}"
REPO_URL="${REPO_URL%/}"

say() { printf 'install.sh: %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}
# The help is a here-document, not read back from "$0": under `curl … | sh -s -- --help`
# "$0" is the shell, not this file.
usage() {
    cat <<'HELP'
Install connkit from a release archive (SHA-256 verified), or build it with cargo.

  curl -fsSL https://raw.githubusercontent.com/connkit/connkit/main/scripts/install.sh | sh
  sh scripts/install.sh [--version V] [--to DIR] [--base-url URL] [--from-source] [--source DIR]

--version V     release to install (default: the latest release; CONNKIT_VERSION)
--to DIR        where the binary goes (default: ~/.local/bin; CONNKIT_INSTALL_DIR)
--base-url URL  the folder holding connkit-V-TARGET.tar.gz and its .sha256 (default:
                https://github.com/connkit/connkit/releases/download/vV; CONNKIT_BASE_URL)
--from-source   skip the archive and build with `cargo install --locked`
--source DIR    a connkit checkout to build from (default: the checkout holding this
                script, when it is run from one and its version is V or no V is given;
                otherwise crates.io)

No release is published yet. From a clone, which works today:
  git clone https://github.com/connkit/connkit && cd connkit
  cargo install --locked --path .          (or: sh scripts/install.sh --from-source)

Exit codes: 0 installed; 1 download, checksum or build failure (nothing installed); 2 usage.
HELP
    exit "${1:-2}"
}

# What to do when no release or crates.io package can be used.
CLONE_HINT="build it from a clone instead: git clone $REPO_URL && cd connkit && cargo install --locked --path . (or: sh scripts/install.sh --from-source)"

version="${CONNKIT_VERSION:-}"
to="${CONNKIT_INSTALL_DIR:-}"
base_url="${CONNKIT_BASE_URL:-}"
from_source=0
source_dir=""

while [ $# -gt 0 ]; do
    case "$1" in
        --version) [ $# -ge 2 ] || { say "--version needs a value"; exit 2; }; version="$2"; shift 2 ;;
        --version=*) version="${1#*=}"; shift ;;
        --to) [ $# -ge 2 ] || { say "--to needs a value"; exit 2; }; to="$2"; shift 2 ;;
        --to=*) to="${1#*=}"; shift ;;
        --base-url) [ $# -ge 2 ] || { say "--base-url needs a value"; exit 2; }; base_url="$2"; shift 2 ;;
        --base-url=*) base_url="${1#*=}"; shift ;;
        --from-source) from_source=1; shift ;;
        --source) [ $# -ge 2 ] || { say "--source needs a value"; exit 2; }; source_dir="$2"; shift 2 ;;
        --source=*) source_dir="${1#*=}"; shift ;;
        -h | --help) usage 0 ;;
        *) say "unknown argument: $1"; usage 2 >&2 ;;
    esac
done

version="${version#v}"

# Run from a checkout (`sh scripts/install.sh`), the checkout is the default --source. Under
# `curl … | sh` "$0" is the shell, which has no Cargo.toml beside it.
if [ -z "$source_dir" ] && [ -f "$0" ]; then
    here="$(cd "$(dirname "$0")/.." 2>/dev/null && pwd)" || here=""
    if [ -n "$here" ] && [ -f "$here/Cargo.toml" ] && grep -q '^name *= *"connkit"' "$here/Cargo.toml"; then
        source_dir="$here"
    fi
fi
[ -n "$to" ] || to="${HOME:?HOME is not set; pass --to DIR}/.local/bin"
base_url="${base_url%/}"

tmp="$(mktemp -d 2>/dev/null || mktemp -d -t connkit-install)"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- platform

detect_target() {
    os="$(uname -s 2>/dev/null || echo unknown)"
    arch="$(uname -m 2>/dev/null || echo unknown)"
    case "$os" in
        Linux)
            case "$arch" in
                x86_64 | amd64) echo x86_64-unknown-linux-musl ;;
                aarch64 | arm64) echo aarch64-unknown-linux-musl ;;
                *) echo "" ;;
            esac ;;
        Darwin)
            # An x86_64 shell under Rosetta on Apple silicon: the native binary is the right one.
            if [ "$arch" = x86_64 ] && [ "$(sysctl -n hw.optional.arm64 2>/dev/null || echo 0)" = 1 ]; then
                arch=arm64
            fi
            case "$arch" in
                x86_64) echo x86_64-apple-darwin ;;
                arm64 | aarch64) echo aarch64-apple-darwin ;;
                *) echo "" ;;
            esac ;;
        MINGW* | MSYS* | CYGWIN* | Windows_NT)
            case "$arch" in
                x86_64 | amd64) echo x86_64-pc-windows-msvc ;;
                *) echo "" ;;
            esac ;;
        *) echo "" ;;
    esac
}

# ---------------------------------------------------------------- downloads

# fetch URL FILE: 0 downloaded, 3 not found (HTTP 404 / 410), 1 any other failure.
fetch() {
    if command -v curl >/dev/null 2>&1; then
        code="$(curl -sSL --retry 3 --connect-timeout 20 --max-time 600 -w '%{http_code}' -o "$2" "$1")" || return 1
        case "$code" in
            200) return 0 ;;
            404 | 410) return 3 ;;
            *) say "$1: HTTP $code"; return 1 ;;
        esac
    elif command -v wget >/dev/null 2>&1; then
        status=0
        wget -q --tries=3 --timeout=20 -O "$2" "$1" || status=$?
        case "$status" in
            0) return 0 ;;
            8) return 3 ;; # the server answered with an error (wget does not say which)
            *) return 1 ;;
        esac
    else
        die "neither curl nor wget is installed"
    fi
}

latest_version() {
    # github.com/OWNER/REPO/releases/latest redirects to .../releases/tag/vX.Y.Z
    command -v curl >/dev/null 2>&1 || return 1
    url="$(curl -fsSL --retry 3 --connect-timeout 20 -o /dev/null -w '%{url_effective}' "$REPO_URL/releases/latest")" || return 1
    tag="${url##*/}"
    case "$tag" in
        v[0-9]*) echo "${tag#v}" ;;
        *) return 1 ;;
    esac
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    elif command -v shasum >/dev/null 2>&1; then
        shasum -a 256 "$1" | cut -d ' ' -f 1
    else
        die "neither sha256sum nor shasum is installed: cannot verify the download"
    fi
}

# ---------------------------------------------------------------- install

# place SRC: copy the binary into $to through a temporary file, then rename it into place.
place() {
    mkdir -p "$to" || die "cannot create $to"
    dest="$to/$bin_name"
    cp "$1" "$dest.tmp.$$" || { rm -f "$dest.tmp.$$"; die "cannot write to $to"; }
    chmod 755 "$dest.tmp.$$"
    mv -f "$dest.tmp.$$" "$dest" || { rm -f "$dest.tmp.$$"; die "cannot write $dest"; }
    if out="$("$dest" --version 2>/dev/null)"; then
        say "installed $out to $dest"
    else
        say "installed $dest (it does not run here: check the platform)"
    fi
    case ":${PATH:-}:" in
        *":$to:"*) ;;
        *) say "note: $to is not on PATH" ;;
    esac
}

from_cargo() {
    command -v cargo >/dev/null 2>&1 ||
        die "no release archive to use ($1) and cargo is not installed: install Rust from https://rustup.rs, then run this again"
    root="$tmp/cargo-root"
    src_version=""
    if [ -n "$source_dir" ] && [ -f "$source_dir/Cargo.toml" ]; then
        src_version="$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$source_dir/Cargo.toml" | head -n 1)"
    fi
    if [ -n "$source_dir" ] && { [ -z "$version" ] || [ "$src_version" = "$version" ]; }; then
        say "$1: building connkit ${src_version:-} from $source_dir with cargo (this takes minutes)"
        cargo install --locked --root "$root" --path "$source_dir" || die "cargo install failed"
    elif [ -n "$version" ]; then
        say "$1: building connkit $version from crates.io with cargo (this takes minutes)"
        cargo install --locked --root "$root" connkit --version "$version" ||
            die "cargo install of connkit $version from crates.io failed (connkit is not published there yet): $CLONE_HINT"
    else
        say "$1: building the latest connkit from crates.io with cargo (this takes minutes)"
        cargo install --locked --root "$root" connkit ||
            die "cargo install of connkit from crates.io failed (connkit is not published there yet): $CLONE_HINT"
    fi
    [ -f "$root/bin/$bin_name" ] || die "cargo install produced no $bin_name"
    place "$root/bin/$bin_name"
    exit 0
}

target="${CONNKIT_TARGET:-$(detect_target)}"
case "$target" in
    *windows*) ext=zip bin_name=connkit.exe ;;
    *) ext=tar.gz bin_name=connkit ;;
esac

[ "$from_source" = 0 ] || from_cargo "--from-source"
[ -n "$target" ] || from_cargo "no prebuilt connkit for $(uname -s 2>/dev/null) $(uname -m 2>/dev/null)"

if [ -z "$version" ]; then
    if [ -n "$base_url" ]; then
        say "--base-url needs --version"
        exit 2
    fi
    version="$(latest_version)" ||
        die "no connkit release found at $REPO_URL/releases/latest (none is published yet, or the network is down): pass --version V for a release, or $CLONE_HINT"
fi
[ -n "$base_url" ] || base_url="$REPO_URL/releases/download/v$version"

archive="connkit-$version-$target.$ext"
say "downloading $base_url/$archive"
status=0
fetch "$base_url/$archive" "$tmp/$archive" || status=$?
case "$status" in
    0) ;;
    3) from_cargo "no archive $archive at $base_url" ;;
    *) die "cannot download $base_url/$archive" ;;
esac
fetch "$base_url/$archive.sha256" "$tmp/$archive.sha256" ||
    die "cannot download $base_url/$archive.sha256: refusing to install an unverified archive"

expected="$(tr -d '\r' <"$tmp/$archive.sha256" | awk 'NR == 1 { print tolower($1) }')"
actual="$(sha256_of "$tmp/$archive")"
case "$expected" in
    *[!0-9a-f]* | "") die "$archive.sha256 holds no SHA-256: refusing to install" ;;
esac
[ "${#expected}" -eq 64 ] || die "$archive.sha256 holds no SHA-256: refusing to install"
if [ "$expected" != "$actual" ]; then
    die "checksum mismatch for $archive (expected $expected, got $actual): nothing installed"
fi
say "checksum verified (sha256 $actual)"

mkdir "$tmp/x"
case "$ext" in
    tar.gz) tar -xzf "$tmp/$archive" -C "$tmp/x" || die "cannot unpack $archive" ;;
    zip)
        if command -v unzip >/dev/null 2>&1; then
            unzip -q "$tmp/$archive" -d "$tmp/x" || die "cannot unpack $archive"
        else
            tar -xf "$tmp/$archive" -C "$tmp/x" || die "cannot unpack $archive"
        fi ;;
esac
# The archive holds connkit-V-TARGET/connkit (and README.md); accept a flat one too.
if [ -f "$tmp/x/connkit-$version-$target/$bin_name" ]; then
    found="$tmp/x/connkit-$version-$target/$bin_name"
elif [ -f "$tmp/x/$bin_name" ]; then
    found="$tmp/x/$bin_name"
else
    die "$archive holds no $bin_name"
fi
place "$found"
