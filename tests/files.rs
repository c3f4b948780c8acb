//! Reading and writing files: outputs replace only regular files (never an input of the
//! same run), rewrites keep symlinks, mode and owner and refuse read-only files, and every
//! input is a regular file (a FIFO or a link out of the connector folder is refused).
//! Hostile files are built in temporary folders; no real device path is touched.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

const CONTOSO: &str = "connectors/certified-connectors/ContosoTasks";

fn connkit() -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // A hang (a FIFO opened for reading) fails the test instead of blocking it.
        .timeout(Duration::from_secs(60));
    c
}

fn run(c: &mut Command) -> (i32, String, String) {
    let o = c.output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A copy of the sample connector in a temporary folder.
fn contoso_copy(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(CONTOSO);
    let dst = dir.join("ContosoTasks");
    std::fs::create_dir(&dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dst.join(e.file_name())).unwrap();
    }
    dst
}

#[cfg(unix)]
fn mkfifo(p: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

#[cfg(unix)]
fn is_fifo(p: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(p).unwrap().file_type().is_fifo()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn chmod(p: &Path, m: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
}

// ---- outputs ----

#[cfg(unix)]
#[test]
fn package_output_never_replaces_a_fifo_or_a_symlink() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("out.zip");
    mkfifo(&fifo);
    let (code, _, err) = run(connkit()
        .args(["package", CONTOSO, "--kind", "files", "-o"])
        .arg(&fifo));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("is a FIFO; connkit only replaces regular files"),
        "{err}"
    );
    assert!(is_fifo(&fifo), "the FIFO was replaced");

    let target = d.path().join("precious.txt");
    std::fs::write(&target, "keep").unwrap();
    let link = d.path().join("link.zip");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, _, err) = run(connkit()
        .args(["package", CONTOSO, "--kind", "files", "-o"])
        .arg(&link));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is a symbolic link"), "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
}

#[test]
fn package_output_never_replaces_its_own_inputs() {
    let d = tempfile::tempdir().unwrap();
    let c = contoso_copy(d.path());
    for name in ["apiDefinition.swagger.json", "icon.png"] {
        let target = c.join(name);
        let before = std::fs::read(&target).unwrap();
        let (code, _, err) = run(connkit()
            .args(["package", "--kind", "files"])
            .arg(&c)
            .arg("-o")
            .arg(&target));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("is an input of this run"), "{err}");
        assert_eq!(std::fs::read(&target).unwrap(), before);
    }
    // The flow solution given as the output too.
    let flow = d.path().join("flow.zip");
    std::fs::write(&flow, b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0").unwrap();
    let (code, _, _) = run(connkit()
        .args(["package"])
        .arg(&c)
        .arg("--flow-solution")
        .arg(&flow)
        .arg("-o")
        .arg(&flow));
    assert_ne!(code, 0);
    assert_eq!(std::fs::read(&flow).unwrap().len(), 22);
    // An ordinary existing file is replaced.
    let out = d.path().join("out.zip");
    std::fs::write(&out, "old").unwrap();
    let (code, _, err) = run(connkit()
        .args(["package", "--kind", "files"])
        .arg(&c)
        .arg("-o")
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}

#[test]
fn baseline_and_report_outputs_never_replace_connector_files() {
    let d = tempfile::tempdir().unwrap();
    let c = contoso_copy(d.path());
    let def = c.join("apiDefinition.swagger.json");
    let before = std::fs::read(&def).unwrap();
    for flag in ["--write-baseline", "--output-json", "--output-sarif"] {
        let (code, _, err) = run(connkit().arg("lint").arg(&c).arg(flag).arg(&def));
        assert_eq!(code, 2, "{flag}: {err}");
        assert!(err.contains("is an input of this run"), "{flag}: {err}");
        assert_eq!(std::fs::read(&def).unwrap(), before, "{flag}");
    }
    // --baseline FILE --write-baseline FILE: the same file read and written.
    let b = d.path().join("b.json");
    let (code, _, _) = run(connkit()
        .arg("lint")
        .arg(&c)
        .arg("--write-baseline")
        .arg(&b));
    assert_eq!(code, 0);
    let (code, _, err) = run(connkit()
        .arg("lint")
        .arg(&c)
        .arg("--baseline")
        .arg(&b)
        .arg("--write-baseline")
        .arg(&b));
    assert_eq!(code, 2, "{err}");
}

// ---- rewrites in place ----

#[cfg(unix)]
#[test]
fn fmt_writes_through_a_symlink_in_the_folder_and_keeps_the_link() {
    let d = tempfile::tempdir().unwrap();
    let real = d.path().join("real.json");
    std::fs::write(&real, "{\"a\":1}").unwrap();
    let link = d.path().join("apiProperties.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let (code, _, err) = run(connkit().arg("fmt").arg(&link));
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&real).unwrap(),
        "{\n    \"a\": 1\n}"
    );
}

#[cfg(unix)]
#[test]
fn fmt_refuses_a_symlink_out_of_the_folder() {
    let d = tempfile::tempdir().unwrap();
    let outside = d.path().join("outside.json");
    std::fs::write(&outside, "{\"secret\":1}").unwrap();
    let c = d.path().join("c");
    std::fs::create_dir(&c).unwrap();
    let link = c.join("apiProperties.json");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let (code, out, err) = run(connkit().arg("fmt").arg(&link));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("outside its folder"), "{err}");
    assert!(!out.contains("secret") && !err.contains("secret"));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "{\"secret\":1}");
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_mode_and_refuses_read_only_files() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("apiProperties.json");
    std::fs::write(&p, "{\"a\":1}").unwrap();
    chmod(&p, 0o640);
    let (code, _, err) = run(connkit().arg("fmt").arg(&p));
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&p), 0o640);
    assert_eq!(
        std::fs::read_dir(d.path()).unwrap().count(),
        1,
        "temp file left"
    );

    std::fs::write(&p, "{\"a\":2}").unwrap();
    chmod(&p, 0o444);
    let (code, _, err) = run(connkit().arg("fmt").arg(&p));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "{\"a\":2}");
    assert_eq!(mode(&p), 0o444);
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_owner_when_run_as_root() {
    use std::os::unix::fs::MetadataExt;
    if unsafe { libc::geteuid() } != 0 {
        return; // only root can give a file to another user
    }
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("apiProperties.json");
    std::fs::write(&p, "{\"a\":1}").unwrap();
    std::os::unix::fs::chown(&p, Some(4321), Some(4321)).unwrap();
    let (code, _, err) = run(connkit().arg("fmt").arg(&p));
    assert_eq!(code, 0, "{err}");
    let m = std::fs::metadata(&p).unwrap();
    assert_eq!((m.uid(), m.gid()), (4321, 4321));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "{\n    \"a\": 1\n}");
}

#[cfg(unix)]
#[test]
fn lint_fix_that_cannot_write_is_a_failure() {
    let d = tempfile::tempdir().unwrap();
    let def = d.path().join("apiDefinition.swagger.json");
    let text = r#"{"swagger":"2.0","info":{"title":"T","version":"1.0"},"host":"x.com","paths":{"/a/{id}":{"get":{"operationId":"A","parameters":[{"name":"id","in":"path","type":"string","required":true}],"responses":{"200":{"description":"ok"}}}}}}"#;
    std::fs::write(&def, text).unwrap();
    chmod(&def, 0o444);
    let (code, _, err) = run(connkit().arg("lint").arg(d.path()).arg("--fix"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), text);
}

// ---- inputs ----

#[cfg(unix)]
#[test]
fn fifos_as_inputs_are_refused_without_blocking() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("input.fifo");
    mkfifo(&fifo);
    let zip = d.path().join("package.zip");
    mkfifo(&zip);
    let json = d.path().join("apiProperties.json");
    mkfifo(&json);
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec![
            "lint".into(),
            CONTOSO.into(),
            "--config".into(),
            fifo.clone().into(),
        ],
        vec![
            "lint".into(),
            CONTOSO.into(),
            "--baseline".into(),
            fifo.clone().into(),
        ],
        vec!["fmt".into(), json.clone().into()],
        vec!["fmt".into(), d.path().into()],
        vec!["verify-package".into(), zip.clone().into()],
        vec!["upload".into(), zip.clone().into()],
        vec![
            "convert".into(),
            fifo.clone().into(),
            "-o".into(),
            d.path().join("o").into(),
        ],
    ];
    for args in cases {
        let (code, _, err) = run(connkit()
            .args(&args)
            .env("CONNKIT_SAS_URL", "https://x.invalid/c?sig=1"));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("FIFO"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_connector_file_linked_out_of_its_folder_is_not_read() {
    let d = tempfile::tempdir().unwrap();
    let secret = d.path().join("environ");
    std::fs::write(&secret, "AWS_SECRET=hunter2\n").unwrap();
    let c = d.path().join("c");
    std::fs::create_dir(&c).unwrap();
    std::os::unix::fs::symlink(&secret, c.join("apiDefinition.swagger.json")).unwrap();
    std::os::unix::fs::symlink(&secret, c.join("readme.md")).unwrap();
    let (code, out, err) = run(connkit().arg("lint").arg(&c));
    assert_eq!(code, 1, "{err}");
    assert!(
        !out.contains("hunter2") && !err.contains("hunter2"),
        "{out}{err}"
    );
    assert!(out.contains("outside its folder"), "{out}");
    // A link inside the folder is followed as before.
    let c2 = d.path().join("c2");
    std::fs::create_dir(&c2).unwrap();
    std::fs::write(c2.join("real.json"), r#"{"swagger":"2.0"}"#).unwrap();
    std::os::unix::fs::symlink("real.json", c2.join("apiDefinition.swagger.json")).unwrap();
    let (_, out, _) = run(connkit().arg("lint").arg(&c2));
    assert!(!out.contains("outside its folder"), "{out}");
}
