//! `connkit completions SHELL` and `connkit man`: generated from the command tree.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, EXIT_ERROR, print};
use crate::safe_eprintln;

/// `connkit completions SHELL`.
pub(crate) fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "connkit", &mut buf);
    print(&String::from_utf8_lossy(&buf));
    ExitCode::SUCCESS
}

/// Every page: the command's, then each subcommand's (named `connkit-lint`, …), depth first.
fn man_pages(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let mut cmd = cmd;
    cmd.build();
    let name = cmd.get_name().to_string();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut buf)
        .map_err(|e| e.to_string())?;
    out.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        let sub = sub.clone().name(format!("{name}-{}", sub.get_name()));
        man_pages(sub, out)?;
    }
    Ok(())
}

/// `connkit man`: the man page (roff) on stdout; `--dir DIR`: every page into DIR.
pub(crate) fn man(dir: Option<&Path>) -> ExitCode {
    let mut pages = Vec::new();
    if let Err(e) = man_pages(Cli::command(), &mut pages) {
        safe_eprintln!("error: cannot render the man page: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    let Some(dir) = dir else {
        let top = pages.first().map(|p| p.1.clone()).unwrap_or_default();
        print(&String::from_utf8_lossy(&top));
        return ExitCode::SUCCESS;
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        safe_eprintln!("error: cannot create {}: {e}", dir.display());
        return ExitCode::from(EXIT_ERROR);
    }
    for (name, bytes) in &pages {
        if let Err(e) = crate::fsx::write_output(&dir.join(name), bytes, &[]) {
            safe_eprintln!("error: cannot write the man page: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    }
    safe_eprintln!(
        "connkit: wrote {} man pages to {}",
        pages.len(),
        dir.display()
    );
    ExitCode::SUCCESS
}
