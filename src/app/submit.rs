//! The network sessions: `connkit upload` (a package to a blob through a SAS URL) and
//! `connkit submit` (the Partner Center Ingestion API). Secrets come from the environment or
//! stdin only, and never appear in an outcome. Progress goes to the session's `Say` as it runs;
//! rendering the outcome is [`crate::report::submit`].

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Error};
use crate::submit::http::{Http, RetryPolicy, Secret, check_url};
use crate::submit::ingestion::{self, DryRun, Failure, Options, Session};
use crate::submit::token::{Credentials, TokenEndpoint, TokenSource};
use crate::submit::upload::{self, UploadResult};

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

/// Time limits of a session, in seconds (the backoff base in milliseconds).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timing {
    /// Bound on the whole command, retries and waits included.
    pub(crate) timeout: u64,
    /// Timeout of one request.
    pub(crate) request_timeout: u64,
    /// Base of the retry backoff, in milliseconds.
    pub(crate) retry_base_ms: u64,
}

impl Timing {
    fn policy(self) -> RetryPolicy {
        let mut p = RetryPolicy::new(Duration::from_secs(self.timeout));
        p.base = Duration::from_millis(self.retry_base_ms);
        p.request_timeout = Duration::from_secs(self.request_timeout.max(1));
        p
    }
}

/// What `connkit upload` takes.
#[derive(Debug, Clone)]
pub(crate) struct UploadRequest {
    /// The package zip.
    pub(crate) package: PathBuf,
    /// `Some("-")`: read the SAS URL from stdin; `None`: from CONNKIT_SAS_URL. Anything else
    /// is refused (it would land in shell history).
    pub(crate) sas_url: Option<String>,
    pub(crate) timing: Timing,
}

/// Run an `upload` session.
pub(crate) fn run_upload(req: &UploadRequest, say: super::Say<'_>) -> Result<UploadResult, Error> {
    let bytes = read_package(&req.package).map_err(Error::Io)?;
    let url = sas_url(req.sas_url.as_deref()).map_err(Error::Usage)?;
    check_url(url.expose(), "SAS URL").map_err(Error::Usage)?;
    if let Some(m) = upload::sas_expired(url.expose(), SystemTime::now()) {
        return Err(Error::Usage(m));
    }
    if let Some(w) = upload::sas_expiry_warning(url.expose(), SystemTime::now()) {
        say(&format!("warning: {w}"));
    }
    let mut p = req.timing.policy();
    p.upload_timeout = Duration::from_secs(req.timing.request_timeout.max(1));
    let http = Http::new(p);
    let log = |m: &str| say(&format!("connkit: {m}"));
    upload::put_blob(&http, &url, &bytes, &log).map_err(Error::Service)
}

/// What `connkit submit` takes.
#[derive(Debug, Clone)]
pub(crate) struct SubmitRequest {
    pub(crate) package: PathBuf,
    /// Partner Center product id.
    pub(crate) product_id: String,
    /// Package resourceType for the create call.
    pub(crate) package_type: Option<String>,
    /// Cancel an in-progress submission instead of stopping.
    pub(crate) force: bool,
    /// Poll until the submission is ready (or failed).
    pub(crate) wait: bool,
    /// After a successful wait, go live (implies `wait`).
    pub(crate) go_live: bool,
    /// Seconds between polls.
    pub(crate) poll_interval: u64,
    pub(crate) timing: Timing,
    pub(crate) authority_host: String,
    pub(crate) api_url: String,
    pub(crate) token_endpoint: TokenEndpoint,
    /// Read the client secret from stdin instead of AZURE_CLIENT_SECRET.
    pub(crate) client_secret_stdin: bool,
    /// Plan only: no connection is made.
    pub(crate) dry_run: bool,
    /// Submit even when the package fails the checks of `verify-package`.
    pub(crate) skip_verify: bool,
    /// The package carries an AI plugin solution.
    pub(crate) plugin: bool,
}

/// The checks of `verify-package` refused the package before anything was sent.
#[derive(Debug)]
pub(crate) struct VerifyRejection {
    pub(crate) errors: usize,
    /// What was refused and why, in one line.
    pub(crate) head: String,
    /// One line per error (untrusted text made inert).
    pub(crate) lines: Vec<String>,
    pub(crate) findings: Vec<crate::package::verify::PackageFinding>,
}

impl VerifyRejection {
    /// The whole message: the head, then each error on its own indented line.
    pub(crate) fn message(&self) -> String {
        format!("{}\n  {}", self.head, self.lines.join("\n  "))
    }
}

/// How a `submit` session ended.
#[derive(Debug)]
pub(crate) enum SubmitOutcome {
    /// The package failed `verify-package` (and `skip_verify` was not given).
    Rejected(VerifyRejection),
    /// The plan of a dry run.
    DryRun(DryRun),
    /// A real run: its status (`ok`, `rejected`, `error`), what happened, and the failure.
    Ran {
        status: &'static str,
        outcome: Box<ingestion::Outcome>,
        error: Option<String>,
    },
}

impl SubmitOutcome {
    /// 0 done (or planned), 1 rejected, 2 a service error or missing credentials.
    pub(crate) fn exit_status(&self) -> u8 {
        match self {
            SubmitOutcome::Rejected(_) => EXIT_FINDINGS,
            SubmitOutcome::DryRun(d) if d.problem.is_some() => EXIT_ERROR,
            SubmitOutcome::DryRun(_) => EXIT_CLEAN,
            SubmitOutcome::Ran { status, .. } => match *status {
                "ok" => EXIT_CLEAN,
                "rejected" => EXIT_FINDINGS,
                _ => EXIT_ERROR,
            },
        }
    }
}

/// The checks of `verify-package`, before anything is sent: a package Partner Center would
/// reject is refused unless `skip_verify`.
fn verify_before_submit(
    req: &SubmitRequest,
    name: &str,
    bytes: &[u8],
    say: super::Say<'_>,
) -> Result<Option<VerifyRejection>, Error> {
    use crate::package::verify::{self, VerifyOptions};
    use crate::rules::Severity;
    // Partner Center takes the certification package only: a flat files zip (which
    // verify-package would otherwise recognise and pass) is checked as one, and refused.
    let options = VerifyOptions {
        plugin: req.plugin,
        kind: Some(verify::PackageKind::Certification),
        ..Default::default()
    };
    let report = verify::verify_bytes(name, bytes, &options)
        .map_err(|refusal| Error::Refused(format!("refusing the package: {refusal}")))?;
    let errors = report.count(Severity::Error);
    if errors == 0 {
        return Ok(None);
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
    if req.skip_verify {
        say(&format!(
            "warning: --skip-verify: submitting a package that verify-package rejects ({errors} error(s))"
        ));
        for l in &lines {
            say(&format!("  {l}"));
        }
        return Ok(None);
    }
    let head = format!(
        "refusing to submit: verify-package reports {errors} error(s) in {name} (run `connkit verify-package {name}` for details; --skip-verify overrides):"
    );
    Ok(Some(VerifyRejection {
        errors,
        head,
        lines,
        findings: report.findings,
    }))
}

/// Ids inserted into URL paths: letters, digits, `-`, `.`, `_`.
fn safe_segment(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// The credentials missing from the environment (and stdin), as a message.
fn missing_credentials(tenant: &str, client: &str, secret: bool) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if tenant.is_empty() {
        missing.push("AZURE_TENANT_ID");
    }
    if client.is_empty() {
        missing.push("AZURE_CLIENT_ID");
    }
    if !secret {
        missing.push("AZURE_CLIENT_SECRET (or --client-secret-stdin)");
    }
    missing
}

fn env_trimmed(name: &str) -> String {
    std::env::var(name).unwrap_or_default().trim().to_string()
}

/// Run a `submit` session.
pub(crate) fn run_submit(req: &SubmitRequest, say: super::Say<'_>) -> Result<SubmitOutcome, Error> {
    if !safe_segment(&req.product_id) {
        return Err(Error::Usage(
            "--product-id: expected letters, digits, '-', '.' or '_'".into(),
        ));
    }
    for (u, what) in [
        (&req.authority_host, "--authority-host"),
        (&req.api_url, "--api-url"),
    ] {
        check_url(u, what).map_err(Error::Usage)?;
    }
    let bytes = read_package(&req.package).map_err(Error::Io)?;
    let file_name = req
        .package
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package.zip".into());
    if let Some(r) = verify_before_submit(req, &file_name, &bytes, say)? {
        return Ok(SubmitOutcome::Rejected(r));
    }
    let opts = Options {
        product_id: req.product_id.clone(),
        api_url: req.api_url.trim_end_matches('/').to_string(),
        file_name,
        package_type: req.package_type.clone(),
        force: req.force,
        wait: req.wait || req.go_live,
        go_live: req.go_live,
        poll_interval: Duration::from_secs(req.poll_interval),
    };
    let tenant = env_trimmed("AZURE_TENANT_ID");
    let client = env_trimmed("AZURE_CLIENT_ID");
    if !tenant.is_empty() && !safe_segment(&tenant) {
        return Err(Error::Usage(
            "AZURE_TENANT_ID: expected a tenant GUID or domain name".into(),
        ));
    }
    if req.dry_run {
        return Ok(SubmitOutcome::DryRun(dry_run(
            req, &opts, &tenant, &client, &bytes,
        )));
    }
    let secret = if req.client_secret_stdin {
        Some(read_stdin_line("the client secret").map_err(Error::Usage)?)
    } else {
        env_secret("AZURE_CLIENT_SECRET")
    };
    let missing = missing_credentials(&tenant, &client, secret.is_some());
    let Some(secret) = secret.filter(|_| missing.is_empty()) else {
        return Err(Error::Usage(format!(
            "missing credentials: {} (see README, \"Submitting\")",
            missing.join(", ")
        )));
    };
    let tokens = TokenSource::new(
        Credentials {
            tenant_id: tenant,
            client_id: client,
            client_secret: secret,
        },
        &req.authority_host,
        req.token_endpoint,
        ingestion::RESOURCE,
    );
    let http = Http::new(req.timing.policy());
    let steps = ingestion::plan(&opts);
    let log = |m: &str| say(&format!("connkit: {m}"));
    let mut session = Session::new(&http, &tokens, &opts, &bytes, &log);
    let result = session.run(&steps);
    let mut outcome = session.outcome;
    outcome.tokens_acquired = *tokens.acquired.borrow();
    let status = match &result {
        Ok(()) => "ok",
        Err(Failure::Rejected(_)) => "rejected",
        Err(Failure::Error(_)) => "error",
    };
    let error = result.as_ref().err().map(|f| f.message().to_string());
    Ok(SubmitOutcome::Ran {
        status,
        outcome: Box::new(outcome),
        error,
    })
}

fn dry_run(
    req: &SubmitRequest,
    opts: &Options,
    tenant: &str,
    client: &str,
    bytes: &[u8],
) -> DryRun {
    let tenant_shown = if tenant.is_empty() {
        "<AZURE_TENANT_ID>"
    } else {
        tenant
    };
    let authority = req.authority_host.trim_end_matches('/');
    let (token_url, token_body) = match req.token_endpoint {
        TokenEndpoint::V1 => (
            format!("{authority}/{tenant_shown}/oauth2/token"),
            format!("client credentials, resource={}", ingestion::RESOURCE),
        ),
        TokenEndpoint::V2 => (
            format!("{authority}/{tenant_shown}/oauth2/v2.0/token"),
            format!("client credentials, scope={}/.default", ingestion::RESOURCE),
        ),
    };
    let calls = ingestion::plan(opts)
        .into_iter()
        .map(|s| s.describe(opts, &token_url, &token_body))
        .collect();
    let secret_source = if req.client_secret_stdin {
        "stdin (not read in a dry run)"
    } else if env_secret("AZURE_CLIENT_SECRET").is_some() {
        "set"
    } else {
        "missing"
    };
    let missing = missing_credentials(tenant, client, secret_source != "missing");
    let problem = (!missing.is_empty()).then(|| {
        format!(
            "missing credentials: {}; a real run would stop here (see README, \"Submitting\")",
            missing.join(", ")
        )
    });
    DryRun {
        file_name: opts.file_name.clone(),
        bytes: bytes.len(),
        sha256: upload::sha256_hex(bytes),
        tenant_set: !tenant.is_empty(),
        client_set: !client.is_empty(),
        secret_source,
        calls,
        problem,
    }
}
