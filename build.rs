//! Link settings of the `connkit` executable (nothing is generated).
//!
//! On Linux with glibc the executable is linked as a position-dependent executable
//! (`-no-pie`). A PIE image carries ~28,000 dynamic relocations (the rule tables, format
//! strings and panic locations hold `&'static str`s) that the loader applies on every start,
//! writing to ~475 KB of `.data.rel.ro`: about 125 page faults and 0.6–0.7 ms of CPU, a third
//! of `connkit --version` and a tenth of a small connector's lint (BENCHMARKS.md, "Process
//! start-up"). Linked without PIE, those addresses are fixed at link time and the pages are
//! only read when used. The cost: the executable's own code and data are not placed at a
//! random address (ASLR still applies to the stack, the heap and the shared libraries).
//! Only `[[bin]]` targets are affected (`rustc-link-arg-bins`), not tests or examples; other
//! targets (the musl release archives, which are static-PIE, macOS, Windows) link as before.
//! Whoever packages connkit under a policy that requires PIE builds with `CONNKIT_PIE=1`.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CONNKIT_PIE");
    if std::env::var_os("CONNKIT_PIE").is_some_and(|v| v == "1") {
        return;
    }
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
