//! A skipped test says so in `cargo test` output (tests/support/skip.rs): the message is
//! written past libtest's capture, so it shows although the test passes. Checked by running
//! this test binary again on a probe test and reading what it printed.

#[path = "support/skip.rs"]
mod skip;

use std::process::Command;

/// Run only by the test below (ignored otherwise): it skips, as a test missing a tool does.
#[test]
#[ignore = "a probe run by a_skip_is_visible_although_the_test_passes"]
fn skip_probe() {
    skip::skipped("the probe's reason");
}

#[test]
fn a_skip_is_visible_although_the_test_passes() {
    let me = std::env::current_exe().unwrap();
    // Default capture, as `cargo test` runs it.
    let o = Command::new(me)
        .args(["--exact", "skip_probe", "--include-ignored"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{out}{err}");
    assert!(
        out.contains("test skip_probe ... ok"),
        "the probe passes: {out}"
    );
    assert!(
        err.contains("SKIPPED skip_probe: the probe's reason"),
        "the skip is not visible:\nstdout: {out}\nstderr: {err}"
    );
}
