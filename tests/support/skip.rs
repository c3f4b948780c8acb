//! Visible skips. A test that cannot run here (a tool such as xmllint, Neovim, node or
//! shellcheck is missing, or `../shared/corpus` is absent) returns early and passes; libtest
//! captures `eprintln!` of passing tests, so its reason used to vanish and `cargo test`
//! counted it as a silent `ok`. [`skipped`] writes to the process's stderr directly (only the
//! print macros are captured), so every skip shows in `cargo test` output, named:
//!
//! ```text
//! SKIPPED the_documented_lua_setups_parse: nvim not installed
//! ```
//!
//! `cargo test 2>&1 | grep SKIPPED` lists them. Included with
//! `#[path = "support/skip.rs"] mod skip;` (no other helper is compiled in with it).

#![allow(dead_code)]

use std::io::Write;

/// Say, outside the harness's capture, that the running test skipped and why.
pub fn skipped(why: &str) {
    let name = std::thread::current()
        .name()
        .map(|n| n.rsplit("::").next().unwrap_or(n).to_string())
        .unwrap_or_else(|| "a test".to_string());
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "SKIPPED {name}: {why}");
    let _ = err.flush();
}
