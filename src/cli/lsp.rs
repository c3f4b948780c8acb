//! `connkit lsp`: the language server over stdio (see [`crate::lsp`]).

use std::process::ExitCode;

/// Serve until the client exits: 0 after `shutdown` + `exit`, 1 otherwise.
pub(crate) fn run() -> ExitCode {
    match crate::lsp::serve_stdio() {
        crate::lsp::End::Clean => ExitCode::SUCCESS,
        crate::lsp::End::Abrupt => ExitCode::from(1),
    }
}
