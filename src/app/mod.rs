//! The application layer: what a command does, as a library the CLI (and anything else)
//! calls. Each command has one session here: it takes a request, does the work through the
//! layers below (model, rules, diff, package, submit, convert) and returns an outcome, which
//! the CLI renders through [`crate::report`] and maps to an exit code from the one table
//! below. A session's errors are typed (`Error`); the CLI turns them into messages.

pub(crate) mod catalog;
pub(crate) mod convert;
pub(crate) mod diff;
pub(crate) mod fix;
pub(crate) mod fmt;
pub(crate) mod lint;
pub(crate) mod outputs;
pub(crate) mod package;
pub mod preview;
pub(crate) mod progress;
pub(crate) mod request;
pub(crate) mod submit;
pub(crate) mod test;

/// Exit status of every command: clean (0).
pub(crate) const EXIT_CLEAN: u8 = 0;
/// Exit status of every command: findings at or above the fail level remain, or the service
/// rejected the package or submission (1).
pub(crate) const EXIT_FINDINGS: u8 = 1;
/// Exit status of every command: a usage, configuration, I/O or service error (2).
pub(crate) const EXIT_ERROR: u8 = 2;

/// Where a session's warnings, notes and progress lines go, one line each (no newline), as
/// they happen: sessions do not print. The command line writes them to stderr
/// ([`crate::cli`]'s `stderr_line`); tests collect them.
pub(crate) type Say<'a> = &'a (dyn Fn(&str) + Sync);

/// An error that stops a session before it has an outcome. The variant is the `kind` of the
/// JSON error document (`{"status": "error", "error": {"kind", "message"}}`); the message is
/// printed as `error: …`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Error {
    /// The arguments do not fit together.
    #[error("{0}")]
    Usage(String),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(String),
    /// A configuration file (connkit.toml, connkit-accepted.toml) is not valid.
    #[error("{0}")]
    Config(String),
    /// An input is not JSON or YAML.
    #[error("{0}")]
    Parse(String),
    /// A package refused as unsafe or corrupt.
    #[error("{0}")]
    Refused(String),
    /// A network or server failure.
    #[error("{0}")]
    Service(String),
}

impl Error {
    /// The `kind` of the JSON error document.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Error::Usage(_) => "usage",
            Error::Io(_) => "io",
            Error::Config(_) => "config",
            Error::Parse(_) => "parse",
            Error::Refused(_) => "refused",
            Error::Service(_) => "service",
        }
    }
}
