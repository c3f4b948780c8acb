//! Errors of the command line: the JSON error document, `error: …` on stderr, the exit
//! status (2), and clap's own usage errors (with `--format json`, a JSON document too).

use std::process::ExitCode;

use super::{EXIT_ERROR, print_json};
use crate::report::json::error_document;
use crate::safe_eprintln;

/// A usage or I/O error: `error: …` on stderr, with `json` also the error document on
/// stdout; exit 2.
pub(crate) fn fail_with(kind: &str, message: &str, json: bool) -> ExitCode {
    fail_lines(kind, message, &[message], json)
}

/// As [`fail_with`], the message on stderr as these lines, each `error: …`.
pub(crate) fn fail_lines<S: AsRef<str>>(
    kind: &str,
    message: &str,
    lines: &[S],
    json: bool,
) -> ExitCode {
    if json {
        print_json(&error_document(kind, message));
    }
    for line in lines {
        safe_eprintln!("error: {}", line.as_ref());
    }
    ExitCode::from(EXIT_ERROR)
}

/// A session's error ([`crate::app::Error`]): as [`fail_with`], with its kind.
pub(crate) fn fail(e: &crate::app::Error, json: bool) -> ExitCode {
    fail_with(e.kind(), &e.to_string(), json)
}

/// Whether the command line asks for JSON output (`--format json` or `--format=json`), read
/// from the raw arguments: it must be known when the arguments do not parse.
fn wants_json<I, T>(args: I) -> bool
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString>,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    args.iter()
        .take_while(|a| *a != "--")
        .enumerate()
        .any(|(i, a)| {
            a == "--format=json"
                || (a == "--format" && args.get(i + 1).is_some_and(|v| v == "json"))
        })
}

/// A command line clap refused: its message and exit status (2), as clap prints them; with
/// `--format json`, also one JSON error document (`kind` "usage") on stdout, so a program
/// reading stdout sees why there is no report. `--help` and `--version` are not errors.
pub(super) fn usage_error<I, T>(e: clap::Error, args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString>,
{
    if !e.use_stderr() {
        e.exit();
    }
    if wants_json(args) {
        // clap's message is its first paragraph (the usage line and the hint follow a
        // blank line); its own lines, such as the missing arguments, joined with spaces.
        let rendered = e.render().to_string();
        let message: Vec<&str> = rendered
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        let message = message.join(" ");
        let message = message.strip_prefix("error: ").unwrap_or(&message);
        print_json(&error_document("usage", message));
    }
    let _ = e.print();
    ExitCode::from(EXIT_ERROR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_output_is_read_from_the_raw_arguments() {
        for yes in [
            &["connkit", "lint", "--format", "json"][..],
            &["connkit", "lint", "--bogus", "--format=json"],
            &["connkit", "verify-package", "--format", "json", "x.zip"],
        ] {
            assert!(wants_json(yes.iter()), "{yes:?}");
        }
        for no in [
            &["connkit", "lint", "--format", "text"][..],
            &["connkit", "lint", "--format"],
            &["connkit", "lint", "json"],
            &["connkit", "lint", "--", "--format", "json"],
        ] {
            assert!(!wants_json(no.iter()), "{no:?}");
        }
    }
}
