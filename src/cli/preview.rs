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
            let lint =
                req.lint
                    .then_some((o.findings_on_cards, o.findings_elsewhere, req.dir.as_path()));
            print(&crate::report::preview::written(
                &o.output, &o.preview, o.bytes, lint,
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            safe_eprintln!("error: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
