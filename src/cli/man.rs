//! `connkit lint` (arguments in, [`crate::app::lint`] does the work) and `completions` / `man`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, EXIT_ERROR, Format, LintArgs, ProfileArg, print};
use crate::app::lint::{self, LintRequest};
use crate::app::outputs;
use crate::config::ProfileSetting;
use crate::safe_eprintln;

/// Kept for `cli::convert` (which reports what rules ran).
pub(crate) use crate::app::lint::rules_run;

fn profile_setting(p: ProfileArg) -> ProfileSetting {
    match p {
        ProfileArg::Auto => ProfileSetting::Auto,
        ProfileArg::Custom => ProfileSetting::Custom,
        ProfileArg::Certified => ProfileSetting::Certified,
        ProfileArg::IndependentPublisher => ProfileSetting::IndependentPublisher,
    }
}

/// The session's request from the command line.
fn request(args: &LintArgs) -> LintRequest {
    LintRequest {
        paths: args.paths.clone(),
        from_files: args.from_files,
        profile: args.profile.map(profile_setting),
        gates: args.gate.clone(),
        fail_on: args.fail_on.map(|f| f.level()),
        config: args.config.clone(),
        baseline: args.baseline.clone(),
        write_baseline: args.write_baseline.clone(),
        changed_since: args.changed_since.clone(),
        fix: args.fix,
        min_level: args.min_level.map(|l| l.level()),
        quiet: args.quiet,
        text_output: args.format == Format::Text,
        limits: crate::report::run::Limits {
            sarif_max_results: args.sarif_max_results,
            markdown_max_bytes: args.markdown_max_bytes,
        },
    }
}

/// `connkit lint`.
pub fn run(args: LintArgs, color: bool) -> ExitCode {
    let mut outcome = match lint::run_lint(&request(&args)) {
        Ok(o) => o,
        Err(e) => {
            // With --format json, an error that stops the run is one JSON error document.
            if args.format == Format::Json {
                super::print_json(&super::error_document(e.kind, &e.to_string()));
            }
            for m in &e.messages {
                safe_eprintln!("error: {m}");
            }
            return ExitCode::from(EXIT_ERROR);
        }
    };
    print(&outputs::main_output(
        args.format,
        &outcome,
        color,
        args.quiet,
        args.statistics,
    ));
    let files: Vec<(PathBuf, Format)> = [
        (&args.output_json, Format::Json),
        (&args.output_sarif, Format::Sarif),
        (&args.output_junit, Format::Junit),
        (&args.output_markdown, Format::Markdown),
    ]
    .into_iter()
    .filter_map(|(p, f)| p.clone().map(|p| (p, f)))
    .collect();
    if !outputs::write_files(&outcome, &files) {
        outcome.io_error = true;
    }
    ExitCode::from(outcome.exit_status())
}

/// `connkit completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
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
pub fn man(dir: Option<&Path>) -> ExitCode {
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
