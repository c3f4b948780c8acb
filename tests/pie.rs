//! The `connkit` executable is position-independent (issue 23): its ELF header says `ET_DYN`
//! (`readelf -h`: "DYN"), so the loader places its own code and data at a random address
//! (ASLR). A position-dependent executable says `ET_EXEC`.
//!
//! The executable checked is the one cargo built for these tests, in the profile the tests
//! run in (`cargo test` checks the dev build, `cargo test --release --test pie` the release
//! build); `build.rs` links every profile the same way unless a packager sets
//! `CONNKIT_NO_PIE=1`. ELF only: on macOS and Windows the test says it is skipped.

use std::path::Path;

const ET_EXEC: u16 = 2;
const ET_DYN: u16 = 3;

/// `e_type` of an ELF file, or why the bytes are not one. Read by hand: two fields of the
/// fixed header (`e_ident[EI_DATA]`, `e_type`) do not justify an ELF crate (object, goblin)
/// in the dev-dependencies.
fn elf_type(bytes: &[u8]) -> Result<u16, String> {
    if bytes.len() < 18 || &bytes[..4] != b"\x7fELF" {
        return Err("not an ELF file".into());
    }
    // EI_DATA: 1 little-endian, 2 big-endian; e_type is the half-word at offset 16.
    let raw = [bytes[16], bytes[17]];
    match bytes[5] {
        1 => Ok(u16::from_le_bytes(raw)),
        2 => Ok(u16::from_be_bytes(raw)),
        d => Err(format!("unknown ELF data encoding {d}")),
    }
}

#[test]
fn elf_type_reads_both_byte_orders() {
    let mut h = vec![0u8; 64];
    h[..4].copy_from_slice(b"\x7fELF");
    h[5] = 1;
    h[16] = 3;
    assert_eq!(elf_type(&h), Ok(ET_DYN));
    h[5] = 2;
    h[16] = 0;
    h[17] = 2;
    assert_eq!(elf_type(&h), Ok(ET_EXEC));
    assert!(elf_type(b"MZ\x90\x00").is_err());
}

#[test]
fn the_connkit_executable_is_position_independent() {
    let exe = Path::new(env!("CARGO_BIN_EXE_connkit"));
    let bytes = std::fs::read(exe).expect("the test's connkit executable");
    if !cfg!(any(
        target_os = "linux",
        target_os = "android",
        target_os = "freebsd"
    )) {
        eprintln!(
            "skipped: {} is not an ELF executable on {} (PIE is checked on Linux)",
            exe.display(),
            std::env::consts::OS
        );
        return;
    }
    let e_type = elf_type(&bytes).unwrap_or_else(|e| panic!("{}: {e}", exe.display()));
    // The packagers' opt-out, when this build used it: the executable is then ET_EXEC on
    // linux-gnu (the opt-out works), and the test says so.
    if option_env!("CONNKIT_NO_PIE") == Some("1")
        && cfg!(all(target_os = "linux", target_env = "gnu"))
    {
        eprintln!("note: built with CONNKIT_NO_PIE=1: checking that the opt-out took effect");
        assert_eq!(
            e_type,
            ET_EXEC,
            "{}: CONNKIT_NO_PIE=1 did not link without PIE",
            exe.display()
        );
        return;
    }
    assert_eq!(
        e_type,
        ET_DYN,
        "{} has ELF type {e_type} ({}), not ET_DYN: linked without PIE",
        exe.display(),
        if e_type == ET_EXEC {
            "ET_EXEC"
        } else {
            "unexpected"
        }
    );
}
