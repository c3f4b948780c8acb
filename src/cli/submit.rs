//! `connkit upload` and `connkit submit`: arguments in, the sessions of
//! [`crate::app::submit`] do the work, [`crate::report::submit`] renders it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::{TextOrJson as Format, print, print_json};
use crate::app::submit::{SubmitOutcome, SubmitRequest, Timing, UploadRequest};
use crate::report::submit as render;
use crate::safe_eprintln;
use crate::submit::ingestion;
use crate::submit::token::TokenEndpoint;

#[derive(clap::Args, Debug)]
pub(crate) struct UploadArgs {
    /// The package zip to upload.
    pub(crate) package: PathBuf,
    /// Read the SAS URL from stdin ("-"). Without it the URL comes from CONNKIT_SAS_URL. A URL
    /// given here directly is refused: it would land in shell history.
    #[arg(long, value_name = "-")]
    pub(crate) sas_url: Option<String>,
    /// Output format: text, or one JSON document (url, bytes, sha256).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Timeout of one upload attempt, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 600)]
    pub(crate) request_timeout: u64,
    /// Bound on the whole command, retries included, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 1800)]
    pub(crate) timeout: u64,
    /// Base of the retry backoff in milliseconds (tests use small values).
    #[arg(long, hide = true, default_value_t = 1000)]
    pub(crate) retry_base_ms: u64,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenEndpointArg {
    V1,
    V2,
}

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Credentials come from the environment only: AZURE_TENANT_ID, AZURE_CLIENT_ID and \
AZURE_CLIENT_SECRET (or --client-secret-stdin). Exit codes: 0 done, 1 package or submission \
rejected by the service, 2 configuration, access, network, conflict or time limit."
)]
pub(crate) struct SubmitArgs {
    /// The package zip to submit.
    pub(crate) package: PathBuf,
    /// Partner Center product id (the Ingestion API's productID).
    #[arg(long, value_name = "ID")]
    pub(crate) product_id: String,
    /// Package resourceType for the create call (default: the type the package
    /// configuration already references).
    #[arg(long, value_name = "TYPE")]
    pub(crate) package_type: Option<String>,
    /// Cancel an in-progress submission instead of stopping.
    #[arg(long)]
    pub(crate) force: bool,
    /// Poll the submission until it is ready (or failed), printing progress.
    #[arg(long)]
    pub(crate) wait: bool,
    /// After a successful wait, go live (promote). Cannot be undone. Implies --wait.
    #[arg(long)]
    pub(crate) go_live: bool,
    /// Seconds between polls.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub(crate) poll_interval: u64,
    /// Bound on the whole run (waits and retries included), in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 21600)]
    pub(crate) timeout: u64,
    /// Timeout of one API request, in seconds (uploads get 600).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub(crate) request_timeout: u64,
    /// Entra authority host (sovereign clouds, tests).
    #[arg(long, env = "CONNKIT_AUTHORITY_HOST", hide_env_values = true,
          default_value = ingestion::DEFAULT_AUTHORITY)]
    pub(crate) authority_host: String,
    /// Ingestion API base URL.
    #[arg(long, env = "CONNKIT_API_URL", hide_env_values = true,
          default_value = ingestion::DEFAULT_API_URL)]
    pub(crate) api_url: String,
    /// Token endpoint: v1 (`/oauth2/token`, resource=...) or v2 (`/oauth2/v2.0/token`, scope=.../.default).
    #[arg(long, value_enum, default_value_t = TokenEndpointArg::V1)]
    pub(crate) token_endpoint: TokenEndpointArg,
    /// Read the client secret from the first line of stdin instead of AZURE_CLIENT_SECRET.
    #[arg(long)]
    pub(crate) client_secret_stdin: bool,
    /// Print the planned calls and exit without opening any connection (after the same
    /// local checks as a real run: package verification, credentials).
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Submit even when the package fails the checks of `verify-package` (not recommended:
    /// Partner Center rejects such packages).
    #[arg(long)]
    pub(crate) skip_verify: bool,
    /// The package carries an AI plugin solution (3 solutions instead of 2), as for
    /// `verify-package --plugin`.
    #[arg(long)]
    pub(crate) plugin: bool,
    /// Output format: text, or one JSON document (ids, states; the plan with --dry-run).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Base of the retry backoff in milliseconds (tests use small values).
    #[arg(long, hide = true, default_value_t = 1000)]
    pub(crate) retry_base_ms: u64,
}

pub(crate) fn upload(args: UploadArgs) -> ExitCode {
    let req = UploadRequest {
        package: args.package,
        sas_url: args.sas_url,
        timing: Timing {
            timeout: args.timeout,
            request_timeout: args.request_timeout,
            retry_base_ms: args.retry_base_ms,
        },
    };
    match crate::app::submit::run_upload(&req, &super::stderr_line) {
        Ok(r) => {
            print(&render::upload(&r, args.format));
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e, args.format == Format::Json),
    }
}

pub(crate) fn submit(args: SubmitArgs) -> ExitCode {
    let json = args.format == Format::Json;
    let req = SubmitRequest {
        package: args.package,
        product_id: args.product_id,
        package_type: args.package_type,
        force: args.force,
        wait: args.wait,
        go_live: args.go_live,
        poll_interval: args.poll_interval,
        timing: Timing {
            timeout: args.timeout,
            request_timeout: args.request_timeout,
            retry_base_ms: args.retry_base_ms,
        },
        authority_host: args.authority_host,
        api_url: args.api_url,
        token_endpoint: match args.token_endpoint {
            TokenEndpointArg::V1 => TokenEndpoint::V1,
            TokenEndpointArg::V2 => TokenEndpoint::V2,
        },
        client_secret_stdin: args.client_secret_stdin,
        dry_run: args.dry_run,
        skip_verify: args.skip_verify,
        plugin: args.plugin,
    };
    let outcome = match crate::app::submit::run_submit(&req, &super::stderr_line) {
        Ok(o) => o,
        Err(e) => return super::fail(&e, json),
    };
    let error = match &outcome {
        SubmitOutcome::Rejected(r) => {
            if json {
                let doc = render::rejected_json(&r.message(), req.dry_run, r.errors, &r.findings);
                print_json(&doc);
            }
            // On stderr, one line each: a message is printed as one line (crate::safe::line).
            safe_eprintln!("error: {}", r.head);
            for l in &r.lines {
                safe_eprintln!("  {l}");
            }
            None
        }
        SubmitOutcome::DryRun(d) => {
            print(&render::dry_run(d, args.format));
            d.problem.as_deref()
        }
        SubmitOutcome::Ran {
            status,
            outcome,
            error,
        } => {
            print(&render::ran(status, error.as_deref(), outcome, args.format));
            error.as_deref()
        }
    };
    if let Some(m) = error {
        safe_eprintln!("error: {m}");
    }
    ExitCode::from(outcome.exit_status())
}
