//! Link settings of the `connkit` executable (nothing is generated).
//!
//! The executable is position-independent (PIE) in every profile and on every target, as the
//! Rust toolchain links it by default: connkit parses strangers' pull requests and packages,
//! and ASLR for its own code and data is worth more than start-up time. (A build without PIE
//! on linux-gnu starts about 0.6 ms sooner: the ~28,000 dynamic relocations of the rule
//! tables, format strings and panic locations are then fixed at link time; BENCHMARKS.md,
//! "Process start-up". That trade is not made by default: issue 23.)
//!
//! A packager who must link position-dependent executables (and accepts the loss of ASLR for
//! connkit's own image) builds with `CONNKIT_NO_PIE=1`; only the `[[bin]]` target on linux-gnu
//! is then linked with `-no-pie`. Nothing else, no profile and no other variable, turns PIE
//! off: `tests/pie.rs` checks the executable the tests run.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CONNKIT_NO_PIE");
    if std::env::var_os("CONNKIT_NO_PIE").is_none_or(|v| v != "1") {
        return;
    }
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
