//! `connkit upload` and `connkit submit`: argument handling and output only; the work is in
//! [`crate::submit`].

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use clap::ValueEnum;

use super::{EXIT_ERROR, EXIT_FINDINGS, TextOrJson as Format, print, print_json};
use crate::safe_eprintln;
use crate::submit::http::{Http, RetryPolicy, Secret, check_url, redact_url};
use crate::submit::ingestion::{self, Failure, Options, Session};
use crate::submit::token::{Credentials, TokenEndpoint, TokenSource};
use crate::submit::upload;

#[derive(clap::Args, Debug)]
pub struct UploadArgs {
    /// The package zip to upload.
    pub package: PathBuf,
    /// Read the SAS URL from stdin ("-"). Without it the URL comes from CONNKIT_SAS_URL. A URL
    /// given here directly is refused: it would land in shell history.
    #[arg(long, value_name = "-")]
    pub sas_url: Option<String>,
    /// Output format: text, or one JSON document (url, bytes, sha256).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Timeout of one upload attempt, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 600)]
    pub request_timeout: u64,
    /// Bound on the whole command, retries included, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 1800)]
    pub timeout: u64,
    /// Base of the retry backoff in milliseconds (tests use small values).
    #[arg(long, hide = true, default_value_t = 1000)]
    pub retry_base_ms: u64,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenEndpointArg {
    V1,
    V2,
}

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Credentials come from the environment only: AZURE_TENANT_ID, AZURE_CLIENT_ID and \
AZURE_CLIENT_SECRET (or --client-secret-stdin). Exit codes: 0 done, 1 package or submission \
rejected by the service, 2 configuration, access, network, conflict or time limit."
)]
pub struct SubmitArgs {
    /// The package zip to submit.
    pub package: PathBuf,
    /// Partner Center product id (the Ingestion API's productID).
    #[arg(long, value_name = "ID")]
    pub product_id: String,
    /// Package resourceType for the create call (default: the type the package
    /// configuration already references).
    #[arg(long, value_name = "TYPE")]
    pub package_type: Option<String>,
    /// Cancel an in-progress submission instead of stopping.
    #[arg(long)]
    pub force: bool,
    /// Poll the submission until it is ready (or failed), printing progress.
    #[arg(long)]
    pub wait: bool,
    /// After a successful wait, go live (promote). Cannot be undone. Implies --wait.
    #[arg(long)]
    pub go_live: bool,
    /// Seconds between polls.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub poll_interval: u64,
    /// Bound on the whole run (waits and retries included), in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 21600)]
    pub timeout: u64,
    /// Timeout of one API request, in seconds (uploads get 600).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub request_timeout: u64,
    /// Entra authority host (sovereign clouds, tests).
    #[arg(long, env = "CONNKIT_AUTHORITY_HOST", hide_env_values = true,
          default_value = ingestion::DEFAULT_AUTHORITY)]
    pub authority_host: String,
    /// Ingestion API base URL.
    #[arg(long, env = "CONNKIT_API_URL", hide_env_values = true,
          default_value = ingestion::DEFAULT_API_URL)]
    pub api_url: String,
    /// Token endpoint: v1 (`/oauth2/token`, resource=...) or v2 (`/oauth2/v2.0/token`, scope=.../.default).
    #[arg(long, value_enum, default_value_t = TokenEndpointArg::V1)]
    pub token_endpoint: TokenEndpointArg,
    /// Read the client secret from the first line of stdin instead of AZURE_CLIENT_SECRET.
    #[arg(long)]
    pub client_secret_stdin: bool,
    /// Print the planned calls and exit without opening any connection (after the same
    /// local checks as a real run: package verification, credentials).
    #[arg(long)]
    pub dry_run: bool,
    /// Submit even when the package fails the checks of `verify-package` (not recommended:
    /// Partner Center rejects such packages).
    #[arg(long)]
    pub skip_verify: bool,
    /// The package carries an AI plugin solution (3 solutions instead of 2), as for
    /// `verify-package --plugin`.
    #[arg(long)]
    pub plugin: bool,
    /// Output format: text, or one JSON document (ids, states; the plan with --dry-run).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Base of the retry backoff in milliseconds (tests use small values).
    #[arg(long, hide = true, default_value_t = 1000)]
    pub retry_base_ms: u64,
}

fn log_line(msg: &str) {
    safe_eprintln!("connkit: {msg}");
}

fn fail(kind: &str, msg: &str, format: Format) -> ExitCode {
    super::fail_with(kind, msg, format == Format::Json)
}

fn read_stdin_line(what: &str) -> Result<Secret, String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("reading {what} from stdin: {e}"))?;
    let v = line.trim();
    if v.is_empty() {
        return Err(format!("{what}: stdin is empty"));
    }
    Ok(Secret::redacted(v))
}

fn env_secret(name: &str) -> Option<Secret> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .map(Secret::redacted)
}

/// The SAS URL: `--sas-url -` (stdin) or CONNKIT_SAS_URL.
fn sas_url(flag: Option<&str>) -> Result<Secret, String> {
    match flag {
        Some("-") => read_stdin_line("the SAS URL"),
        // The value is not echoed: it is probably a live SAS URL.
        Some(_) => Err("--sas-url only accepts '-' (read the URL from stdin); pass the URL through CONNKIT_SAS_URL or stdin so that it stays out of shell history".into()),
        None => env_secret("CONNKIT_SAS_URL").ok_or_else(|| {
            "no SAS URL: set CONNKIT_SAS_URL, or pipe it in with --sas-url -".to_string()
        }),
    }
}

fn read_package(path: &Path) -> Result<Vec<u8>, String> {
    let limit = crate::package::safety::Limits::default().max_archive_bytes;
    let bytes =
        crate::fsx::read_capped(path, limit).map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.is_empty() {
        return Err(format!("{}: the package is empty", path.display()));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(format!(
            "{}: not a zip file (a certification package is a .zip)",
            path.display()
        ));
    }
    Ok(bytes)
}

fn policy(timeout: u64, request_timeout: u64, retry_base_ms: u64) -> RetryPolicy {
    let mut p = RetryPolicy::new(Duration::from_secs(timeout));
    p.base = Duration::from_millis(retry_base_ms);
    p.request_timeout = Duration::from_secs(request_timeout.max(1));
    p
}

pub fn upload(args: UploadArgs) -> ExitCode {
    let bytes = match read_package(&args.package) {
        Ok(b) => b,
        Err(m) => return fail("io", &m, args.format),
    };
    let url = match sas_url(args.sas_url.as_deref()) {
        Ok(u) => u,
        Err(m) => return fail("usage", &m, args.format),
    };
    if let Err(m) = check_url(url.expose(), "SAS URL") {
        return fail("usage", &m, args.format);
    }
    if let Some(m) = upload::sas_expired(url.expose(), SystemTime::now()) {
        return fail("usage", &m, args.format);
    }
    if let Some(w) = upload::sas_expiry_warning(url.expose(), SystemTime::now()) {
        safe_eprintln!("warning: {w}");
    }
    let mut p = policy(args.timeout, args.request_timeout, args.retry_base_ms);
    p.upload_timeout = Duration::from_secs(args.request_timeout.max(1));
    let http = Http::new(p);
    match upload::put_blob(&http, &url, &bytes, &log_line) {
        Ok(r) => {
            match args.format {
                Format::Json => {
                    let doc = serde_json::json!({
                        "schema_version": 1, "tool": crate::report::json::tool(),
                        "status": "ok", "upload": r,
                    });
                    print_json(&doc);
                }
                Format::Text => {
                    print(&format!(
                        "uploaded {} bytes to {}\nsha256 {}\nlength {}\n",
                        r.bytes,
                        crate::safe::text(&r.url),
                        r.sha256,
                        if r.length_verified {
                            "verified"
                        } else {
                            "not read back (the SAS has no read permission)"
                        }
                    ));
                }
            }
            ExitCode::SUCCESS
        }
        Err(m) => fail("service", &m, args.format),
    }
}

/// The checks of `verify-package`, before anything is sent: a package Partner Center would
/// reject is refused unless `--skip-verify`.
fn verify_before_submit(args: &SubmitArgs, name: &str, bytes: &[u8]) -> Result<(), ExitCode> {
    use crate::package::verify::{self, VerifyOptions};
    use crate::rules::Severity;
    let options = VerifyOptions {
        plugin: args.plugin,
        ..Default::default()
    };
    let report = match verify::verify_bytes(name, bytes, &options) {
        Ok(r) => r,
        Err(refusal) => {
            return Err(fail(
                "refused",
                &format!("refusing the package: {refusal}"),
                args.format,
            ));
        }
    };
    let errors = report.count(Severity::Error);
    if errors == 0 {
        return Ok(());
    }
    let mut lines: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            format!(
                "{} {}: {}",
                f.code,
                crate::safe::text(&f.path_in_package),
                crate::safe::text(&f.message)
            )
        })
        .collect();
    for c in &report.connectors {
        let n = c
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        if n > 0 {
            lines.push(format!(
                "{n} certified lint error(s) in the connector of {}",
                crate::safe::text(&c.path)
            ));
        }
    }
    if args.skip_verify {
        safe_eprintln!(
            "warning: --skip-verify: submitting a package that verify-package rejects ({errors} error(s))"
        );
        for l in &lines {
            safe_eprintln!("  {l}");
        }
        return Ok(());
    }
    let msg = format!(
        "refusing to submit: verify-package reports {errors} error(s) in {name} (run `connkit verify-package {name}` for details; --skip-verify overrides):\n  {}",
        lines.join("\n  ")
    );
    Err(match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "schema_version": 1, "tool": crate::report::json::tool(),
                "status": "rejected",
                "error": super::error_object("verify", &msg),
                "dry_run": args.dry_run,
                "verify": {"errors": errors, "findings": report.findings},
            });
            print_json(&doc);
            safe_eprintln!("error: {msg}");
            ExitCode::from(EXIT_FINDINGS)
        }
        Format::Text => {
            safe_eprintln!("error: {msg}");
            ExitCode::from(EXIT_FINDINGS)
        }
    })
}

/// Ids inserted into URL paths: letters, digits, `-`, `.`, `_`.
fn safe_segment(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

pub fn submit(args: SubmitArgs) -> ExitCode {
    if !safe_segment(&args.product_id) {
        return fail(
            "usage",
            "--product-id: expected letters, digits, '-', '.' or '_'",
            args.format,
        );
    }
    for (u, what) in [
        (&args.authority_host, "--authority-host"),
        (&args.api_url, "--api-url"),
    ] {
        if let Err(m) = check_url(u, what) {
            return fail("usage", &m, args.format);
        }
    }
    let bytes = match read_package(&args.package) {
        Ok(b) => b,
        Err(m) => return fail("io", &m, args.format),
    };
    let file_name = args
        .package
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package.zip".into());
    if let Err(code) = verify_before_submit(&args, &file_name, &bytes) {
        return code;
    }
    let opts = Options {
        product_id: args.product_id.clone(),
        api_url: args.api_url.trim_end_matches('/').to_string(),
        file_name,
        package_type: args.package_type.clone(),
        force: args.force,
        wait: args.wait || args.go_live,
        go_live: args.go_live,
        poll_interval: Duration::from_secs(args.poll_interval),
    };
    let endpoint = match args.token_endpoint {
        TokenEndpointArg::V1 => TokenEndpoint::V1,
        TokenEndpointArg::V2 => TokenEndpoint::V2,
    };
    let tenant = std::env::var("AZURE_TENANT_ID")
        .unwrap_or_default()
        .trim()
        .to_string();
    let client = std::env::var("AZURE_CLIENT_ID")
        .unwrap_or_default()
        .trim()
        .to_string();
    if !tenant.is_empty() && !safe_segment(&tenant) {
        return fail(
            "usage",
            "AZURE_TENANT_ID: expected a tenant GUID or domain name",
            args.format,
        );
    }
    if args.dry_run {
        return dry_run(&args, &opts, endpoint, &tenant, &client, &bytes);
    }
    let secret = if args.client_secret_stdin {
        match read_stdin_line("the client secret") {
            Ok(s) => Some(s),
            Err(m) => return fail("usage", &m, args.format),
        }
    } else {
        env_secret("AZURE_CLIENT_SECRET")
    };
    let mut missing = Vec::new();
    if tenant.is_empty() {
        missing.push("AZURE_TENANT_ID");
    }
    if client.is_empty() {
        missing.push("AZURE_CLIENT_ID");
    }
    if secret.is_none() {
        missing.push("AZURE_CLIENT_SECRET (or --client-secret-stdin)");
    }
    let Some(secret) = secret.filter(|_| missing.is_empty()) else {
        return fail(
            "usage",
            &format!(
                "missing credentials: {} (see README, \"Submitting\")",
                missing.join(", ")
            ),
            args.format,
        );
    };
    let tokens = TokenSource::new(
        Credentials {
            tenant_id: tenant,
            client_id: client,
            client_secret: secret,
        },
        &args.authority_host,
        endpoint,
        ingestion::RESOURCE,
    );
    let http = Http::new(policy(
        args.timeout,
        args.request_timeout,
        args.retry_base_ms,
    ));
    let steps = ingestion::plan(&opts);
    let mut session = Session::new(&http, &tokens, &opts, &bytes, &log_line);
    let result = session.run(&steps);
    let mut outcome = session.outcome;
    outcome.tokens_acquired = *tokens.acquired.borrow();
    let (status, code) = match &result {
        Ok(()) => ("ok", ExitCode::SUCCESS),
        Err(Failure::Rejected(_)) => ("rejected", ExitCode::from(EXIT_FINDINGS)),
        Err(Failure::Error(_)) => ("error", ExitCode::from(EXIT_ERROR)),
    };
    let error = result.as_ref().err().map(|f| f.message().to_string());
    match args.format {
        Format::Json => {
            let kind = if status == "rejected" {
                "rejected"
            } else {
                "service"
            };
            let doc = serde_json::json!({
                "schema_version": 1, "tool": crate::report::json::tool(),
                "status": status,
                "error": error.as_deref().map(|m| super::error_object(kind, m)),
                "dry_run": false, "result": outcome,
            });
            print_json(&doc);
        }
        Format::Text => {
            print(&crate::report::submit::summary(&outcome, status));
        }
    }
    if let Some(m) = error {
        safe_eprintln!("error: {m}");
    }
    code
}

fn dry_run(
    args: &SubmitArgs,
    opts: &Options,
    endpoint: TokenEndpoint,
    tenant: &str,
    client: &str,
    bytes: &[u8],
) -> ExitCode {
    let tenant_shown = if tenant.is_empty() {
        "<AZURE_TENANT_ID>"
    } else {
        tenant
    };
    let authority = args.authority_host.trim_end_matches('/');
    let (token_url, token_body) = match endpoint {
        TokenEndpoint::V1 => (
            format!("{authority}/{tenant_shown}/oauth2/token"),
            format!("client credentials, resource={}", ingestion::RESOURCE),
        ),
        TokenEndpoint::V2 => (
            format!("{authority}/{tenant_shown}/oauth2/v2.0/token"),
            format!("client credentials, scope={}/.default", ingestion::RESOURCE),
        ),
    };
    let calls: Vec<_> = ingestion::plan(opts)
        .into_iter()
        .map(|s| s.describe(opts, &token_url, &token_body))
        .collect();
    let set = |present: bool| if present { "set" } else { "missing" };
    let secret_source = if args.client_secret_stdin {
        "stdin (not read in a dry run)"
    } else {
        set(env_secret("AZURE_CLIENT_SECRET").is_some())
    };
    let sha = upload::sha256_hex(bytes);
    let mut missing = Vec::new();
    if tenant.is_empty() {
        missing.push("AZURE_TENANT_ID");
    }
    if client.is_empty() {
        missing.push("AZURE_CLIENT_ID");
    }
    if secret_source == "missing" {
        missing.push("AZURE_CLIENT_SECRET (or --client-secret-stdin)");
    }
    let problem = (!missing.is_empty()).then(|| {
        format!(
            "missing credentials: {}; a real run would stop here (see README, \"Submitting\")",
            missing.join(", ")
        )
    });
    match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "schema_version": 1, "tool": crate::report::json::tool(),
                "status": if problem.is_some() { "incomplete" } else { "ok" },
                "error": problem.as_deref().map(|m| super::error_object("usage", m)),
                "dry_run": true,
                "package": {"file_name": opts.file_name, "bytes": bytes.len(), "sha256": sha},
                "credentials": {
                    "AZURE_TENANT_ID": set(!tenant.is_empty()),
                    "AZURE_CLIENT_ID": set(!client.is_empty()),
                    "AZURE_CLIENT_SECRET": secret_source,
                },
                "plan": calls,
            });
            print_json(&doc);
        }
        Format::Text => {
            let mut s = format!(
                "dry run: no connection is made\npackage {} ({} bytes, sha256 {sha})\ncredentials: AZURE_TENANT_ID {}, AZURE_CLIENT_ID {}, client secret {secret_source}\nplanned calls:\n",
                crate::safe::text(&opts.file_name),
                bytes.len(),
                set(!tenant.is_empty()),
                set(!client.is_empty()),
            );
            for (i, c) in calls.iter().enumerate() {
                s.push_str(&format!(
                    "{:>3}. {:<6} {}\n       {}\n",
                    i + 1,
                    c.method,
                    crate::safe::text(&redact_url(&c.url)),
                    crate::safe::text(&c.note)
                ));
            }
            print(&s);
        }
    }
    if let Some(m) = problem {
        safe_eprintln!("error: {m}");
        return ExitCode::from(EXIT_ERROR);
    }
    ExitCode::SUCCESS
}
