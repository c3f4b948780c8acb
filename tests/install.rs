//! scripts/install.sh against a local HTTP server (`python3 -m http.server` on 127.0.0.1)
//! serving a real release archive built here from the test's own connkit binary: the archive
//! is installed and runs; a wrong checksum is refused and installs nothing; a missing archive
//! and `--from-source` fall back to `cargo install --locked` (a stub cargo on PATH records
//! the call, so no test ever builds connkit for real).
//!
//! Every run of the script and the server are bounded in time; the server is killed when
//! the test ends, also on failure. Skipped, visibly, without python3, tar or curl/wget.
#![cfg(unix)]

#[path = "support/skip.rs"]
mod skip;

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(60);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn connkit_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("connkit")
}

fn have(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Why the install tests cannot run here, if they cannot.
fn missing_tools() -> Option<&'static str> {
    if !have("python3", "--version") {
        return Some("python3 is not installed (it serves the archive)");
    }
    if !have("tar", "--version") {
        return Some("tar is not installed");
    }
    if !have("curl", "--version") && !have("wget", "--version") {
        return Some("neither curl nor wget is installed");
    }
    if !Path::new("/bin/sh").exists() {
        return Some("sh is not installed");
    }
    None
}

macro_rules! require_tools {
    () => {
        if let Some(why) = missing_tools() {
            skip::skipped(&format!("{why}"));
            return;
        }
    };
}

/// The target triple install.sh must detect on this machine (mapped independently of it).
fn expected_target() -> Option<&'static str> {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => Some("x86_64-unknown-linux-musl"),
        ("linux", "aarch64") => Some("aarch64-unknown-linux-musl"),
        ("macos", "x86_64") => Some("x86_64-apple-darwin"),
        ("macos", "aarch64") => Some("aarch64-apple-darwin"),
        _ => None,
    }
}

fn sha256_hex(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Builds `connkit-<version>-<target>.tar.gz` in `dir` the way the release workflow does
/// (a `connkit-<version>-<target>/` folder holding the binary and README.md) and writes
/// `<archive>.sha256` in sha256sum's format. Returns the archive's path.
fn build_archive(dir: &Path, version: &str, target: &str) -> PathBuf {
    let stem = format!("connkit-{version}-{target}");
    let staging = dir.join("staging");
    let folder = staging.join(&stem);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(connkit_bin(), folder.join("connkit")).unwrap();
    std::fs::copy(root().join("README.md"), folder.join("README.md")).unwrap();
    let archive = dir.join(format!("{stem}.tar.gz"));
    let status = Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(&staging)
        .arg(&stem)
        .status()
        .unwrap();
    assert!(status.success(), "tar failed");
    std::fs::remove_dir_all(&staging).unwrap();
    let name = archive.file_name().unwrap().to_str().unwrap().to_owned();
    let sum = format!("{}  {name}\n", sha256_hex(&archive));
    std::fs::write(dir.join(format!("{name}.sha256")), sum).unwrap();
    archive
}

/// `python3 -m http.server` on 127.0.0.1, killed (and reaped) when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(dir: &Path) -> Server {
        // A free port from the OS; another process may take it before python binds it, so
        // retry with a new one.
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let child = Command::new("python3")
                .args(["-m", "http.server", "--bind", "127.0.0.1"])
                .arg(port.to_string())
                .current_dir(dir)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("python3 -m http.server");
            let mut server = Server { child, port };
            let deadline = Instant::now() + Duration::from_secs(15);
            while Instant::now() < deadline {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return server;
                }
                if server.child.try_wait().unwrap().is_some() {
                    break; // exited: most likely the port was taken
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let mut err = String::new();
            let _ = server.child.kill();
            let _ = server.child.wait();
            if let Some(mut e) = server.child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            eprintln!("http.server on port {port} did not come up: {err}");
        }
        panic!("could not start python3 -m http.server on 127.0.0.1");
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Run {
    code: Option<i32>,
    stderr: String,
}

/// A bin folder with a stub `cargo` that records its arguments in `cargo.log` and "installs"
/// a fake connkit into `--root`/bin, so a fallback never compiles anything.
fn stub_cargo(dir: &Path) -> PathBuf {
    let bin = dir.join("stub-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = dir.join("cargo.log");
    let script = format!(
        r#"#!/bin/sh
printf '%s\n' "$*" >> '{log}'
# STUB_CARGO_FAIL: fail as `cargo install connkit` does while connkit is not on crates.io.
[ -z "${{STUB_CARGO_FAIL:-}}" ] || exit 101
root=""
while [ $# -gt 0 ]; do
    if [ "$1" = --root ]; then root="$2"; fi
    shift
done
[ -n "$root" ] || exit 9
mkdir -p "$root/bin"
printf '#!/bin/sh\necho "connkit from-cargo"\n' > "$root/bin/connkit"
chmod 755 "$root/bin/connkit"
"#,
        log = log.display()
    );
    let cargo = bin.join("cargo");
    std::fs::write(&cargo, script).unwrap();
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

fn cargo_log(dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join("cargo.log")).ok()
}

/// Runs `sh scripts/install.sh ARGS` with the stub cargo first on PATH, killed after
/// SCRIPT_TIMEOUT.
fn install_sh(dir: &Path, args: &[&str]) -> Run {
    install_sh_env(dir, args, &[])
}

/// `install_sh` with extra environment variables.
fn install_sh_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let stub = stub_cargo(dir);
    let path = format!(
        "{}:{}",
        stub.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let child = Command::new("sh")
        .arg(root().join("scripts/install.sh"))
        .args(args)
        .env("PATH", path)
        .env("HOME", dir)
        .env_remove("CONNKIT_VERSION")
        .env_remove("CONNKIT_INSTALL_DIR")
        .env_remove("CONNKIT_BASE_URL")
        .env_remove("CONNKIT_TARGET")
        .env_remove("CONNKIT_REPO_URL")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let run = wait_bounded(child);
    eprintln!("install.sh {args:?} -> {:?}\n{}", run.code, run.stderr);
    run
}

fn files_in(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn installs_the_release_archive_and_verifies_its_checksum() {
    require_tools!();
    let Some(target) = expected_target() else {
        skip::skipped("no release archive is built for this platform");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let served = tmp.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    build_archive(&served, VERSION, target);
    let server = Server::start(&served);
    let to = tmp.path().join("bin");

    let run = install_sh(
        tmp.path(),
        &[
            "--version",
            VERSION,
            "--base-url",
            &server.url(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    drop(server);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("checksum verified"), "{}", run.stderr);
    assert_eq!(cargo_log(tmp.path()), None, "no fallback to cargo expected");
    let installed = to.join("connkit");
    let out = Command::new(&installed).arg("--version").output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(VERSION), "{stdout}");
    assert_eq!(files_in(&to), vec!["connkit".to_owned()], "no leftovers");
}

#[test]
fn a_wrong_checksum_is_refused_and_installs_nothing() {
    require_tools!();
    let Some(target) = expected_target() else {
        skip::skipped("no release archive is built for this platform");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let served = tmp.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    let archive = build_archive(&served, VERSION, target);
    let name = archive.file_name().unwrap().to_str().unwrap().to_owned();
    // The checksum of something else: a tampered or truncated archive.
    std::fs::write(
        served.join(format!("{name}.sha256")),
        format!("{}  {name}\n", "0".repeat(64)),
    )
    .unwrap();
    let server = Server::start(&served);
    let to = tmp.path().join("bin");

    let run = install_sh(
        tmp.path(),
        &[
            "--version",
            VERSION,
            "--base-url",
            &server.url(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    drop(server);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("checksum mismatch"), "{}", run.stderr);
    assert!(
        files_in(&to).is_empty(),
        "installed anyway: {:?}",
        files_in(&to)
    );
    assert_eq!(cargo_log(tmp.path()), None, "a mismatch must not fall back");
}

#[test]
fn a_missing_checksum_file_is_refused() {
    require_tools!();
    let Some(target) = expected_target() else {
        skip::skipped("no release archive is built for this platform");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let served = tmp.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    let archive = build_archive(&served, VERSION, target);
    let name = archive.file_name().unwrap().to_str().unwrap().to_owned();
    std::fs::remove_file(served.join(format!("{name}.sha256"))).unwrap();
    let server = Server::start(&served);
    let to = tmp.path().join("bin");

    let run = install_sh(
        tmp.path(),
        &[
            "--version",
            VERSION,
            "--base-url",
            &server.url(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    drop(server);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("unverified"), "{}", run.stderr);
    assert!(files_in(&to).is_empty());
    assert_eq!(cargo_log(tmp.path()), None);
}

#[test]
fn no_archive_for_the_version_falls_back_to_cargo_install_locked() {
    require_tools!();
    let tmp = tempfile::tempdir().unwrap();
    let served = tmp.path().join("served");
    std::fs::create_dir_all(&served).unwrap(); // serves nothing: every archive is a 404
    let server = Server::start(&served);
    let to = tmp.path().join("bin");

    let run = install_sh(
        tmp.path(),
        &[
            "--version",
            "v9.9.9",
            "--base-url",
            &server.url(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    drop(server);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let log = cargo_log(tmp.path()).expect("cargo was not called");
    assert!(
        log.starts_with("install --locked --root ")
            && log.trim_end().ends_with(" connkit --version 9.9.9"),
        "{log}"
    );
    let out = Command::new(to.join("connkit")).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "connkit from-cargo"
    );
}

#[test]
fn from_source_builds_the_given_checkout_when_its_version_matches() {
    require_tools!();
    let tmp = tempfile::tempdir().unwrap();
    let to = tmp.path().join("bin");
    // No server: --from-source must not download anything.
    let run = install_sh(
        tmp.path(),
        &[
            "--from-source",
            "--version",
            VERSION,
            "--source",
            root().to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let log = cargo_log(tmp.path()).expect("cargo was not called");
    assert!(
        log.trim_end()
            .ends_with(&format!(" --path {}", root().display())),
        "{log}"
    );
    assert!(to.join("connkit").exists());

    // Another version than the checkout's: crates.io, not the checkout.
    std::fs::remove_file(tmp.path().join("cargo.log")).unwrap();
    let run = install_sh(
        tmp.path(),
        &[
            "--from-source",
            "--version",
            "9.9.9",
            "--source",
            root().to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let log = cargo_log(tmp.path()).expect("cargo was not called");
    assert!(
        log.trim_end().ends_with(" connkit --version 9.9.9"),
        "{log}"
    );
}

#[test]
fn bad_arguments_exit_2() {
    require_tools!();
    let tmp = tempfile::tempdir().unwrap();
    let run = install_sh(tmp.path(), &["--bogus"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    // A custom base URL has no "latest": the version must be given.
    let run = install_sh(tmp.path(), &["--base-url", "http://127.0.0.1:9"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(cargo_log(tmp.path()), None);
}

/// `curl … | sh -s -- --help`: the script arrives on stdin, so "$0" is the shell; the help
/// must still print, on stdout, and name the route that works today.
#[test]
fn help_prints_when_the_script_is_piped_into_sh() {
    require_tools!();
    let script = std::fs::read(root().join("scripts/install.sh")).unwrap();
    let mut child = Command::new("sh")
        .args(["-s", "--", "--help"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&script).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    for want in [
        "--version V",
        "--from-source",
        "git clone",
        "cargo install --locked --path .",
    ] {
        assert!(stdout.contains(want), "no {want:?} in:\n{stdout}");
    }
}

/// No release is published: the latest-release lookup fails, and the error says what to do
/// instead (the clone route), not only "pass --version".
#[test]
fn no_published_release_names_the_clone_route() {
    require_tools!();
    if !have("curl", "--version") {
        skip::skipped("curl is not installed (install.sh finds the latest release with it)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let served = tmp.path().join("served");
    std::fs::create_dir_all(&served).unwrap(); // releases/latest is a 404, as on GitHub today
    let server = Server::start(&served);
    let to = tmp.path().join("bin");
    let run = install_sh_env(
        tmp.path(),
        &["--to", to.to_str().unwrap()],
        &[("CONNKIT_REPO_URL", &server.url())],
    );
    drop(server);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("no connkit release found"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("git clone"), "{}", run.stderr);
    assert!(
        run.stderr.contains("cargo install --locked --path ."),
        "{}",
        run.stderr
    );
    assert!(files_in(&to).is_empty());
}

/// A version with no archive falls back to crates.io; when that fails too (connkit is not
/// published there yet), the error names the clone route.
#[test]
fn a_failed_crates_io_build_names_the_clone_route() {
    require_tools!();
    let tmp = tempfile::tempdir().unwrap();
    let served = tmp.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    let server = Server::start(&served);
    let to = tmp.path().join("bin");
    let run = install_sh_env(
        tmp.path(),
        &[
            "--version",
            "9.9.9",
            "--base-url",
            &server.url(),
            "--to",
            to.to_str().unwrap(),
        ],
        &[("STUB_CARGO_FAIL", "1")],
    );
    drop(server);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let log = cargo_log(tmp.path()).expect("cargo was not called");
    assert!(
        log.trim_end().ends_with(" connkit --version 9.9.9"),
        "{log}"
    );
    assert!(
        run.stderr.contains("not published there yet"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("git clone") && run.stderr.contains("--path ."),
        "{}",
        run.stderr
    );
    assert!(files_in(&to).is_empty());
}

/// `sh scripts/install.sh --from-source` in a clone builds that clone (no --source needed).
#[test]
fn from_source_in_a_clone_builds_the_clone() {
    require_tools!();
    let tmp = tempfile::tempdir().unwrap();
    let to = tmp.path().join("bin");
    let run = install_sh(tmp.path(), &["--from-source", "--to", to.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let log = cargo_log(tmp.path()).expect("cargo was not called");
    let here = root().canonicalize().unwrap();
    assert!(
        log.trim_end()
            .ends_with(&format!(" --path {}", here.display())),
        "{log}"
    );
    assert!(to.join("connkit").exists());
}

#[test]
fn install_sh_passes_shellcheck() {
    if !have("shellcheck", "--version") {
        skip::skipped("shellcheck not installed");
        return;
    }
    let out = Command::new("shellcheck")
        .args(["-s", "sh"])
        .arg(root().join("scripts/install.sh"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

// ---------------------------------------------------------------- action.yml's install steps

/// Runs the `run:` script of action.yml's step `name` with bash as the runner would, its
/// `env:` expressions (`${{ x }}`) resolved from `ctx`; returns the step's outputs
/// (GITHUB_OUTPUT lines) and stderr.
fn action_step(
    name: &str,
    ctx: &[(String, String)],
    env: &[(&str, String)],
) -> (std::collections::HashMap<String, String>, Run) {
    let action: serde_json::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root().join("action.yml")).unwrap()).unwrap();
    let step = action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("action.yml has no step {name}"))
        .clone();
    assert_eq!(step["shell"], "bash");
    let tmp = tempfile::tempdir().unwrap();
    let output = tmp.path().join("output");
    std::fs::write(&output, "").unwrap();
    let mut cmd = Command::new("bash");
    cmd.args(["-e", "-o", "pipefail", "-c", step["run"].as_str().unwrap()])
        .env("GITHUB_OUTPUT", &output)
        .env("GITHUB_ACTION_PATH", root())
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in step["env"].as_object().into_iter().flatten() {
        let v = v.as_str().unwrap();
        let resolved = match v.strip_prefix("${{ ").and_then(|r| r.strip_suffix(" }}")) {
            Some(expr) => ctx
                .iter()
                .find(|(name, _)| *name == expr)
                .unwrap_or_else(|| panic!("step {name}: unknown expression {expr}"))
                .1
                .clone(),
            None => v.to_owned(),
        };
        cmd.env(k, resolved);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().unwrap();
    let out = wait_bounded(child);
    let outputs = std::fs::read_to_string(&output)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    (outputs, out)
}

/// Waits for `child`, killing it after SCRIPT_TIMEOUT; stderr is read on a thread so a
/// chatty script never blocks on a full pipe.
fn wait_bounded(mut child: Child) -> Run {
    let mut pipe = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = pipe.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + SCRIPT_TIMEOUT;
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("a script did not finish within {SCRIPT_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Run {
        code,
        stderr: reader.join().unwrap(),
    }
}

fn resolve(
    home: &Path,
    version: &str,
    action_ref: &str,
) -> std::collections::HashMap<String, String> {
    let (outputs, run) = action_step(
        "Resolve the connkit version",
        &[
            ("inputs.version".to_owned(), version.to_owned()),
            ("github.action_ref".to_owned(), action_ref.to_owned()),
        ],
        &[("HOME", home.display().to_string())],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    outputs
}

#[test]
fn the_action_resolves_the_requested_version_and_its_cache_key() {
    if !have("bash", "--version") {
        skip::skipped("bash is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let tagged = resolve(home.path(), "", "v1.2.3");
    assert_eq!(tagged["version"], "1.2.3");
    assert_eq!(tagged["mode"], "release");
    assert!(
        tagged["key"].starts_with("connkit-Linux-X64-1.2.3-"),
        "{tagged:?}"
    );
    assert_eq!(tagged["restore-key"], "connkit-Linux-X64-1.2.3-");
    assert_eq!(
        tagged["dir"],
        home.path()
            .join(".cache/connkit-action")
            .display()
            .to_string()
    );
    // A branch (@main) or `uses: ./`: the version of the action's own Cargo.toml.
    assert_eq!(resolve(home.path(), "", "main")["version"], VERSION);
    assert_eq!(resolve(home.path(), "", "")["version"], VERSION);
    assert_eq!(resolve(home.path(), "", "v1")["version"], VERSION);
    // The input wins; "source" builds the checkout.
    let explicit = resolve(home.path(), "v0.3.0", "main");
    assert_eq!(explicit["version"], "0.3.0");
    assert_ne!(explicit["key"], tagged["key"]);
    let source = resolve(home.path(), "source", "v1.2.3");
    assert_eq!(source["mode"], "source");
    // Same request, same sources: same key (a cache hit on the next run).
    assert_eq!(resolve(home.path(), "", "v1.2.3")["key"], tagged["key"]);
}

#[test]
fn the_action_installs_the_release_archive_through_install_sh() {
    require_tools!();
    if !have("bash", "--version") {
        skip::skipped("bash is not installed");
        return;
    }
    let Some(target) = expected_target() else {
        skip::skipped("no release archive is built for this platform");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let served = tmp.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    build_archive(&served, VERSION, target);
    let server = Server::start(&served);
    let home = tmp.path().join("home");
    let outputs = resolve(&home, "", "main");
    let ctx: Vec<(String, String)> = outputs
        .iter()
        .map(|(k, v)| (format!("steps.resolve.outputs.{k}"), v.clone()))
        .collect();
    let stub = stub_cargo(tmp.path());
    let path = format!(
        "{}:{}",
        stub.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let (_, run) = action_step(
        "Install connkit",
        &ctx,
        &[
            ("HOME", home.display().to_string()),
            ("PATH", path.clone()),
            ("CONNKIT_BASE_URL", server.url()),
        ],
    );
    drop(server);
    eprintln!("{}", run.stderr);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("checksum verified"), "{}", run.stderr);
    assert_eq!(cargo_log(tmp.path()), None, "no fallback to cargo expected");

    let github_path = tmp.path().join("github_path");
    std::fs::write(&github_path, "").unwrap();
    let (_, run) = action_step(
        "Put connkit on PATH",
        &ctx,
        &[
            ("PATH", path),
            ("GITHUB_PATH", github_path.display().to_string()),
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let bin = Path::new(&outputs["dir"]).join("bin");
    assert_eq!(
        std::fs::read_to_string(&github_path).unwrap().trim(),
        bin.display().to_string()
    );
    let out = Command::new(bin.join("connkit"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(VERSION));
}
