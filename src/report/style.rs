//! The one colour path of the text renderers (lint, diff, package): [`anstyle`] styles,
//! written only when colour is on (`--color`, a terminal, `NO_COLOR`).

use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};

use crate::core::Severity;

/// Whether the text renderers colour their output: `--color always` (`Some(true)`) or
/// `never` (`Some(false)`), else (`None`, auto) when stdout is a terminal and `NO_COLOR` is
/// unset or empty.
pub(crate) fn use_color(choice: Option<bool>) -> bool {
    choice.unwrap_or_else(|| {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    })
}

/// Bold in a colour.
fn bold(c: AnsiColor) -> Style {
    Style::new().fg_color(Some(c.into())).bold()
}

/// A severity's style: errors red, warnings yellow, infos cyan, all bold.
pub(crate) fn severity(sev: Severity) -> Style {
    bold(match sev {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    })
}

/// The frame of an excerpt (`-->`, `|`, `=`): bold blue.
pub(crate) fn frame() -> Style {
    bold(AnsiColor::Blue)
}

/// Writes text in a style when colour is on, as it is otherwise.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paint(pub(crate) bool);

impl Paint {
    pub(crate) fn s(&self, st: Style, text: &str) -> String {
        if self.0 {
            format!("{}{text}{}", st.render(), st.render_reset())
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_when_on() {
        assert_eq!(Paint(false).s(severity(Severity::Error), "x"), "x");
        let on = Paint(true).s(severity(Severity::Error), "x");
        assert!(on.starts_with('\u{1b}') && on.contains('x') && on.ends_with("\u{1b}[0m"));
    }
}
