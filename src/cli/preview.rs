//! `connkit preview DIR -o FILE.html`: parse the arguments, run the preview session
//! ([`crate::app::preview`]), print where the page went.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{EXIT_ERROR, print};
use crate::app::preview::{self, PreviewRequest};
use crate::safe_eprintln;

#[derive(clap::Args, Debug)]
pub(crate) struct PreviewArgs {
    /// The connector folder (apiDefinition.swagger.json, apiProperties.json, icon.png).
    pub(crate) dir: PathBuf,
    /// The HTML page to write (one self-contained file; written atomically).
    #[arg(short, long, value_name = "FILE.html")]
    pub(crate) output: PathBuf,
    /// Do not lint the connector (by default its findings are shown on the cards they concern).
    #[arg(long)]
    pub(crate) no_lint: bool,
}

pub(crate) fn run(args: PreviewArgs) -> ExitCode {
    let req = PreviewRequest {
        dir: args.dir,
        output: args.output,
        lint: !args.no_lint,
    };
    match preview::run(&req) {
        Ok(o) => {
            let actions = o
                .preview
                .cards
                .iter()
                .filter(|c| c.kind == crate::preview::Kind::Action)
                .count();
            // Paths come from the user and may hold anything: each through `safe::text`.
            let mut line = format!(
                "wrote {} ({actions} actions, {} triggers, {} KB)",
                crate::safe::text(&o.output.display().to_string()),
                o.preview.cards.len() - actions,
                o.bytes.div_ceil(1024)
            );
            if req.lint {
                line.push_str(&format!(
                    "; {} findings on cards, {} elsewhere (connkit lint {} lists them all)",
                    o.findings_on_cards,
                    o.findings_elsewhere,
                    crate::safe::text(&req.dir.display().to_string())
                ));
            }
            line.push('\n');
            print(&line);
            ExitCode::SUCCESS
        }
        Err(e) => {
            safe_eprintln!("error: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
