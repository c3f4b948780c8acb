//! The Partner Center Ingestion API v1.0 submission sequence (submission.md B.2), written as a
//! plan of steps: `--dry-run` prints the plan, a real run executes the same list.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Value, json};

use super::http::{
    Http, HttpError, Idempotency, Log, Method, Request, Response, Secret, redact_text, redact_url,
    retryable_status,
};
use super::token::TokenSource;
use super::upload;

pub const DEFAULT_API_URL: &str = "https://api.partner.microsoft.com/v1.0/ingestion";
pub const DEFAULT_AUTHORITY: &str = "https://login.microsoftonline.com";
pub const RESOURCE: &str = "https://api.partner.microsoft.com";

/// What `submit` was asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    pub product_id: String,
    pub api_url: String,
    /// The package file name sent in the create request.
    pub file_name: String,
    /// The package `resourceType`; defaults to the type already referenced by the package
    /// configuration.
    pub package_type: Option<String>,
    pub force: bool,
    pub wait: bool,
    pub go_live: bool,
    pub poll_interval: Duration,
}

/// One step of the sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Token,
    GetProduct,
    ListSubmissions,
    CheckLatestSubmission,
    CancelInProgress,
    GetPackageBranch,
    GetPackageConfiguration,
    CreatePackage,
    UploadPackage,
    MarkUploaded,
    WaitProcessed,
    UpdatePackageConfiguration,
    CreateSubmission,
    WaitSubmission,
    Promote,
}

/// The ordered steps for these options.
pub fn plan(opts: &Options) -> Vec<Step> {
    use Step::*;
    let mut steps = vec![Token, GetProduct, ListSubmissions, CheckLatestSubmission];
    if opts.force {
        steps.push(CancelInProgress);
    }
    steps.extend([
        GetPackageBranch,
        GetPackageConfiguration,
        CreatePackage,
        UploadPackage,
        MarkUploaded,
        WaitProcessed,
        UpdatePackageConfiguration,
        CreateSubmission,
    ]);
    if opts.wait || opts.go_live {
        steps.push(WaitSubmission);
    }
    if opts.go_live {
        steps.push(Promote);
    }
    steps
}

/// A planned HTTP call, as `--dry-run` prints it (URLs never hold secrets here).
#[derive(Debug, Serialize)]
pub struct PlannedCall {
    pub step: &'static str,
    pub method: &'static str,
    pub url: String,
    pub note: String,
}

impl Step {
    pub fn name(self) -> &'static str {
        match self {
            Step::Token => "token",
            Step::GetProduct => "get-product",
            Step::ListSubmissions => "list-submissions",
            Step::CheckLatestSubmission => "check-latest-submission",
            Step::CancelInProgress => "cancel-in-progress",
            Step::GetPackageBranch => "get-package-branch",
            Step::GetPackageConfiguration => "get-package-configuration",
            Step::CreatePackage => "create-package",
            Step::UploadPackage => "upload-package",
            Step::MarkUploaded => "mark-uploaded",
            Step::WaitProcessed => "wait-processed",
            Step::UpdatePackageConfiguration => "update-package-configuration",
            Step::CreateSubmission => "create-submission",
            Step::WaitSubmission => "wait-submission",
            Step::Promote => "promote",
        }
    }

    pub fn describe(self, opts: &Options, token_url: &str, token_body: &str) -> PlannedCall {
        let p = format!(
            "{}/products/{}",
            opts.api_url.trim_end_matches('/'),
            opts.product_id
        );
        let (method, url, note): (&str, String, String) = match self {
            Step::Token => ("POST", token_url.to_string(), token_body.to_string()),
            Step::GetProduct => ("GET", p.clone(), "check access to the product".into()),
            Step::ListSubmissions => (
                "GET",
                format!("{p}/submissions"),
                "find the latest submission".into(),
            ),
            Step::CheckLatestSubmission => (
                "GET",
                format!("{p}/submissions/{{latestSubmissionId}}"),
                if opts.force {
                    "if one is in progress it is cancelled (--force)".into()
                } else {
                    "if one is in progress, stop (cancel it with --force)".into()
                },
            ),
            Step::CancelInProgress => (
                "DELETE",
                format!("{p}/submissions/{{latestSubmissionId}}"),
                "only when that submission is in progress".into(),
            ),
            Step::GetPackageBranch => (
                "GET",
                format!("{p}/branches/getByModule(module=Package)"),
                "the Package branch (no variant) and its currentDraftInstanceID".into(),
            ),
            Step::GetPackageConfiguration => (
                "GET",
                format!(
                    "{p}/packageConfigurations/getByInstanceID(instanceID={{currentDraftInstanceID}})"
                ),
                "exactly one package configuration; keep its id and @odata.etag".into(),
            ),
            Step::CreatePackage => (
                "POST",
                format!("{p}/packages"),
                format!(
                    "{{\"resourceType\": \"{}\", \"fileName\": \"{}\"}}; returns fileSasUri",
                    opts.package_type
                        .as_deref()
                        .unwrap_or("<the type referenced by the package configuration>"),
                    opts.file_name
                ),
            ),
            Step::UploadPackage => (
                "PUT",
                "{fileSasUri}".into(),
                "x-ms-blob-type: BlockBlob, no Authorization header; expect 201".into(),
            ),
            Step::MarkUploaded => (
                "PUT",
                format!("{p}/packages/{{packageId}}"),
                "state \"Uploaded\", If-Match: {package etag}".into(),
            ),
            Step::WaitProcessed => (
                "GET",
                format!("{p}/packages/{{packageId}}"),
                format!(
                    "every {}s until Processed or ProcessFailed",
                    opts.poll_interval.as_secs()
                ),
            ),
            Step::UpdatePackageConfiguration => (
                "PUT",
                format!("{p}/packageconfigurations/{{packageConfigurationId}}"),
                "packageReferences -> the new package, If-Match: {configuration etag}".into(),
            ),
            Step::CreateSubmission => (
                "POST",
                format!("{p}/submissions"),
                "SubmissionCreationRequest, target Scope=preview, resources Package={currentDraftInstanceID}".into(),
            ),
            Step::WaitSubmission => (
                "GET",
                format!("{p}/submissions/{{submissionId}} + .../workflowdetails"),
                format!(
                    "every {}s until Published/ReadyToPublish or a failure",
                    opts.poll_interval.as_secs()
                ),
            ),
            Step::Promote => (
                "POST",
                format!("{p}/submissions/{{submissionId}}/promote"),
                "GO LIVE (--go-live), only when Published/ReadyToPublish".into(),
            ),
        };
        PlannedCall {
            step: self.name(),
            method,
            url,
            note,
        }
    }
}

/// A workflow step as last seen.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WorkflowStep {
    pub name: String,
    pub state: String,
}

/// What happened, for the final report (text or `--format json`).
#[derive(Debug, Default, Serialize)]
pub struct Outcome {
    pub product_id: String,
    pub product_type: Option<String>,
    pub cancelled_submission_id: Option<String>,
    pub package_branch_instance_id: Option<String>,
    pub package_configuration_id: Option<String>,
    pub package_type: Option<String>,
    pub package_id: Option<String>,
    pub package_state: Option<String>,
    pub upload: Option<upload::UploadResult>,
    pub submission_id: Option<String>,
    pub submission_state: Option<String>,
    pub submission_substate: Option<String>,
    pub workflow: Vec<WorkflowStep>,
    pub validation_messages: Vec<String>,
    pub promoted: bool,
    pub tokens_acquired: u32,
}

/// How a run ended badly.
#[derive(Debug)]
pub enum Failure {
    /// The service rejected the package or the submission (exit 1).
    Rejected(String),
    /// Configuration, access, network, conflict or time limit (exit 2).
    Error(String),
}

impl Failure {
    pub fn message(&self) -> &str {
        match self {
            Failure::Rejected(m) | Failure::Error(m) => m,
        }
    }
}

type R<T> = Result<T, Failure>;

fn err<T>(m: impl Into<String>) -> R<T> {
    Err(Failure::Error(m.into()))
}

/// A string field, accepting several spellings (`id`/`ID`, ...).
fn field(v: &Value, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match v.get(*n)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn id_of(v: &Value) -> Option<String> {
    field(v, &["id", "ID", "Id"])
}

fn etag_of(v: &Value, resp: &Response) -> Option<String> {
    field(v, &["@odata.etag", "odata.etag", "etag", "eTag"])
        .or_else(|| resp.header("etag").map(str::to_string))
}

fn state_of(v: &Value) -> String {
    field(v, &["state", "State"]).unwrap_or_default()
}

fn substate_of(v: &Value) -> String {
    field(v, &["substate", "subState", "Substate"]).unwrap_or_default()
}

/// The items of a collection body.
fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.clone(),
        _ => match v.get("value") {
            Some(Value::Array(a)) => a.clone(),
            _ => Vec::new(),
        },
    }
}

fn next_link(v: &Value) -> Option<String> {
    field(
        v,
        &["nextLink", "@nextLink", "@odata.nextLink", "odata.nextLink"],
    )
}

/// A short, redacted description of an error response.
fn describe_response(resp: &Response) -> String {
    let mut m = format!("HTTP {}", resp.status);
    if let Some(v) = resp.json() {
        let msg = field(&v, &["message", "Message"])
            .or_else(|| v.get("error").and_then(|e| field(e, &["message", "code"])))
            .or_else(|| field(&v, &["error", "code"]));
        if let Some(s) = msg {
            m.push_str(": ");
            m.push_str(&redact_text(&s.chars().take(300).collect::<String>()));
        }
    }
    for h in [
        "request-id",
        "x-ms-request-id",
        "ms-correlationid",
        "ms-requestid",
    ] {
        if let Some(id) = resp.header(h) {
            m.push_str(&format!(" ({h}: {})", redact_text(id)));
            break;
        }
    }
    m.push_str(resp.truncation_note());
    m
}

/// Substates that mean a submission is finished with a failure.
fn failed_substate(s: &str) -> bool {
    matches!(s, "Failed" | "FailedInCertification")
}

/// A submission that blocks a new one (submission.md B.2 step 3): one in progress that has
/// not failed, or a published one still on its way (e.g. `Publishing`). Finished states
/// (`ReadyToPublish`, `InStore`, failures) do not block.
pub fn blocks_new_submission(state: &str, substate: &str) -> bool {
    match state {
        "InProgress" => !failed_substate(substate),
        "Published" => {
            !(failed_substate(substate)
                || matches!(substate, "ReadyToPublish" | "InStore" | "Published" | ""))
        }
        _ => false,
    }
}

pub struct Session<'a> {
    pub http: &'a Http,
    pub tokens: &'a TokenSource,
    pub opts: &'a Options,
    pub log: Log<'a>,
    pub package: &'a [u8],
    pub outcome: Outcome,
    // Working state between steps.
    latest_submission: Option<String>,
    known_submissions: BTreeSet<String>,
    draft_instance: Option<String>,
    configuration: Option<(Value, String)>,
    package_obj: Option<(Value, String)>,
    file_sas_uri: Option<Secret>,
    submission: Option<Value>,
}

impl<'a> Session<'a> {
    pub fn new(
        http: &'a Http,
        tokens: &'a TokenSource,
        opts: &'a Options,
        package: &'a [u8],
        log: Log<'a>,
    ) -> Self {
        Session {
            http,
            tokens,
            opts,
            log,
            package,
            outcome: Outcome {
                product_id: opts.product_id.clone(),
                ..Outcome::default()
            },
            latest_submission: None,
            known_submissions: BTreeSet::new(),
            draft_instance: None,
            configuration: None,
            package_obj: None,
            file_sas_uri: None,
            submission: None,
        }
    }

    fn product(&self) -> String {
        format!(
            "{}/products/{}",
            self.opts.api_url.trim_end_matches('/'),
            self.opts.product_id
        )
    }

    /// One API call with the bearer token; on 401 the token is re-acquired once and the call
    /// resent once.
    fn call(
        &self,
        method: Method,
        url: &str,
        body: Option<&Value>,
        if_match: Option<&str>,
        idempotency: Idempotency,
    ) -> Result<Response, HttpError> {
        let mut reauthed = false;
        loop {
            let token = self
                .tokens
                .get(self.http, self.log)
                .map_err(|m| HttpError::Deadline { message: m })?;
            let mut headers = vec![
                (
                    "authorization".to_string(),
                    Secret::redacted(format!("Bearer {}", token.expose())),
                ),
                ("accept".into(), Secret::new("application/json")),
                (
                    "client-request-id".into(),
                    Secret::new(format!(
                        "{:016x}{:016x}",
                        fastrand::u64(..),
                        fastrand::u64(..)
                    )),
                ),
            ];
            if body.is_some() {
                headers.push((
                    "content-type".into(),
                    Secret::new("application/json; charset=utf-8"),
                ));
            }
            if let Some(tag) = if_match {
                headers.push(("if-match".into(), Secret::new(tag)));
            }
            let req = Request {
                method,
                url: Secret::new(url),
                headers,
                body: body.map(|b| b.to_string().into_bytes()),
                timeout: self.http.policy.request_timeout,
                idempotency,
            };
            let resp = self.http.send(&req, self.log)?;
            if resp.status == 401 && !reauthed {
                (self.log)(&format!(
                    "HTTP 401 on {} {}; getting a new token and trying once more",
                    method.as_str(),
                    redact_url(url)
                ));
                self.tokens.invalidate();
                reauthed = true;
                continue;
            }
            return Ok(resp);
        }
    }

    /// A call whose answer must be 2xx JSON (or empty).
    fn expect(&self, method: Method, url: &str, what: &str) -> R<(Value, Response)> {
        let resp = self
            .call(method, url, None, None, Idempotency::Safe)
            .map_err(|e| Failure::Error(format!("{what}: {e}")))?;
        if !resp.ok() {
            return err(self.explain(what, &resp));
        }
        if resp.truncated {
            return err(format!(
                "{what}: HTTP {}{}",
                resp.status,
                resp.truncation_note()
            ));
        }
        Ok((resp.json().unwrap_or(Value::Null), resp))
    }

    fn explain(&self, what: &str, resp: &Response) -> String {
        let hint = match resp.status {
            401 => {
                " (the token was refused twice: is the Entra app added to the Partner Center account?)"
            }
            403 => {
                " (the Entra app lacks the Manager role in Partner Center, or the product belongs to another account)"
            }
            404 => " (not found: check --product-id and --api-url)",
            _ => "",
        };
        format!("{what}: {}{hint}", describe_response(resp))
    }

    /// All items of a paged collection (at most 50 pages).
    fn list(&self, url: &str, what: &str) -> R<Vec<Value>> {
        let mut out = Vec::new();
        let mut next = Some(url.to_string());
        let mut pages = 0;
        while let Some(u) = next.take() {
            let (v, _) = self.expect(Method::Get, &u, what)?;
            out.extend(items(&v));
            pages += 1;
            if pages >= 50 {
                break;
            }
            next = next_link(&v).and_then(|l| self.resolve_link(&l));
        }
        Ok(out)
    }

    /// Resolve a `nextLink` against the API base; links to other hosts are ignored (a bearer
    /// token is never sent elsewhere).
    fn resolve_link(&self, link: &str) -> Option<String> {
        let base = self.opts.api_url.trim_end_matches('/');
        if link.starts_with("http://") || link.starts_with("https://") {
            let host = |u: &str| {
                reqwest::Url::parse(u).ok().map(|p| {
                    (
                        p.scheme().to_string(),
                        p.host_str().map(str::to_string),
                        p.port_or_known_default(),
                    )
                })
            };
            return (host(link) == host(base)).then(|| link.to_string());
        }
        let rel = link.trim_start_matches('/');
        let rel = rel.strip_prefix("v1.0/ingestion/").unwrap_or(rel);
        Some(format!("{base}/{rel}"))
    }

    /// Run the steps in order.
    pub fn run(&mut self, steps: &[Step]) -> R<()> {
        for step in steps {
            self.exec(*step)?;
        }
        Ok(())
    }

    fn exec(&mut self, step: Step) -> R<()> {
        let log = self.log;
        match step {
            Step::Token => {
                self.tokens.get(self.http, log).map_err(Failure::Error)?;
            }
            Step::GetProduct => {
                let (v, _) = self.expect(Method::Get, &self.product(), "reading the product")?;
                let ty = field(&v, &["resourceType"]);
                let name = field(&v, &["name"]).unwrap_or_default();
                log(&format!(
                    "product {} \"{name}\" ({})",
                    self.opts.product_id,
                    ty.as_deref().unwrap_or("unknown type")
                ));
                self.outcome.product_type = ty;
            }
            Step::ListSubmissions => {
                let all = self.list(
                    &format!("{}/submissions", self.product()),
                    "listing submissions",
                )?;
                self.known_submissions = all.iter().filter_map(id_of).collect();
                self.latest_submission = all.iter().rev().find_map(id_of);
            }
            Step::CheckLatestSubmission => {
                let Some(sid) = self.latest_submission.clone() else {
                    log("no earlier submission");
                    return Ok(());
                };
                let (v, _) = self.expect(
                    Method::Get,
                    &format!("{}/submissions/{sid}", self.product()),
                    "reading the latest submission",
                )?;
                let (st, sub) = (state_of(&v), substate_of(&v));
                log(&format!("latest submission {sid}: {st}/{sub}"));
                if blocks_new_submission(&st, &sub) {
                    if !self.opts.force {
                        return err(format!(
                            "submission {sid} is in progress ({st}/{sub}); wait for it to finish, or cancel it with --force"
                        ));
                    }
                } else {
                    // Nothing to cancel.
                    self.latest_submission = None;
                }
            }
            Step::CancelInProgress => {
                let Some(sid) = self.latest_submission.clone() else {
                    return Ok(());
                };
                log(&format!(
                    "cancelling in-progress submission {sid} (--force)"
                ));
                let resp = self
                    .call(
                        Method::Delete,
                        &format!("{}/submissions/{sid}", self.product()),
                        None,
                        None,
                        Idempotency::Safe,
                    )
                    .map_err(|e| Failure::Error(format!("cancelling submission {sid}: {e}")))?;
                if !resp.ok() && resp.status != 404 {
                    return err(self.explain(&format!("cancelling submission {sid}"), &resp));
                }
                self.outcome.cancelled_submission_id = Some(sid);
            }
            Step::GetPackageBranch => {
                let branches = self.list(
                    &format!("{}/branches/getByModule(module=Package)", self.product()),
                    "reading the Package branch",
                )?;
                let no_variant = |b: &&Value| field(b, &["variantID", "variantId"]).is_none();
                let branch = branches
                    .iter()
                    .find(no_variant)
                    .or_else(|| branches.first())
                    .ok_or_else(|| Failure::Error("the product has no Package branch".into()))?;
                let iid = field(
                    branch,
                    &["currentDraftInstanceID", "currentDraftInstanceId"],
                )
                .ok_or_else(|| {
                    Failure::Error("the Package branch has no currentDraftInstanceID".into())
                })?;
                log(&format!("Package branch draft instance {iid}"));
                self.outcome.package_branch_instance_id = Some(iid.clone());
                self.draft_instance = Some(iid);
            }
            Step::GetPackageConfiguration => {
                let iid = self.draft_instance.clone().unwrap_or_default();
                let url = format!(
                    "{}/packageConfigurations/getByInstanceID(instanceID={iid})",
                    self.product()
                );
                let (v, resp) =
                    self.expect(Method::Get, &url, "reading the package configuration")?;
                let list = items(&v);
                let [cfg] = list.as_slice() else {
                    return err(format!(
                        "expected exactly one package configuration for instance {iid}, got {}",
                        list.len()
                    ));
                };
                let cid = id_of(cfg)
                    .ok_or_else(|| Failure::Error("the package configuration has no id".into()))?;
                let etag = etag_of(cfg, &resp).ok_or_else(|| {
                    Failure::Error("the package configuration has no @odata.etag".into())
                })?;
                let referenced = cfg
                    .get("packageReferences")
                    .map(items)
                    .unwrap_or_default()
                    .iter()
                    .find_map(|r| field(r, &["type"]));
                let ptype = self.opts.package_type.clone().or(referenced).ok_or_else(|| {
                    Failure::Error(
                        "the package configuration references no package type; pass --package-type".into(),
                    )
                })?;
                log(&format!(
                    "package configuration {cid}, package type {ptype}"
                ));
                self.outcome.package_configuration_id = Some(cid);
                self.outcome.package_type = Some(ptype);
                self.configuration = Some((cfg.clone(), etag));
            }
            Step::CreatePackage => self.create_package()?,
            Step::UploadPackage => {
                let sas = self
                    .file_sas_uri
                    .clone()
                    .ok_or_else(|| Failure::Error("no fileSasUri to upload to".into()))?;
                let r = upload::put_blob(self.http, &sas, self.package, log)
                    .map_err(|m| Failure::Error(format!("uploading the package: {m}")))?;
                log(&format!("uploaded {} bytes, sha256 {}", r.bytes, r.sha256));
                self.outcome.upload = Some(r);
            }
            Step::MarkUploaded => self.mark_uploaded()?,
            Step::WaitProcessed => self.wait_processed()?,
            Step::UpdatePackageConfiguration => self.update_configuration()?,
            Step::CreateSubmission => self.create_submission()?,
            Step::WaitSubmission => self.wait_submission()?,
            Step::Promote => self.promote()?,
        }
        Ok(())
    }

    fn package_id(&self) -> String {
        self.outcome.package_id.clone().unwrap_or_default()
    }

    /// Find a package this run created (after a create whose answer was lost or refused).
    fn find_created_package(&self) -> R<Option<Value>> {
        let all = self.list(&format!("{}/packages", self.product()), "listing packages")?;
        Ok(all.into_iter().rev().find(|p| {
            field(p, &["fileName"]).as_deref() == Some(self.opts.file_name.as_str())
                && state_of(p) == "PendingUpload"
        }))
    }

    /// POST a create. A failed attempt (retryable status, 409, lost answer) is sent again
    /// only after `find` showed that the resource does not exist yet.
    fn create_checked(
        &self,
        url: &str,
        body: &Value,
        what: &str,
        conflict_hint: &str,
        find: &dyn Fn(&Self) -> R<Option<Value>>,
    ) -> R<(Value, Response)> {
        let log = self.log;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let res = self.call(Method::Post, url, Some(body), None, Idempotency::CreateOnce);
            let mut hinted = None;
            let why = match res {
                Ok(resp) if resp.ok() => match resp.json() {
                    Some(v) => return Ok((v, resp)),
                    None => {
                        return err(format!(
                            "creating {what}: the answer is not JSON{}",
                            resp.truncation_note()
                        ));
                    }
                },
                Ok(resp) if resp.status == 409 || retryable_status(resp.status) => {
                    hinted = resp.header("retry-after").and_then(|v| {
                        super::http::parse_retry_after(v, std::time::SystemTime::now())
                    });
                    describe_response(&resp)
                }
                Ok(resp) => return err(self.explain(&format!("creating {what}"), &resp)),
                Err(e) => e.to_string(),
            };
            // The create may have succeeded: look before sending it again.
            log(&format!(
                "creating {what} failed ({why}); checking whether it exists"
            ));
            if let Some(found) = find(self)? {
                log(&format!("{what} had been created; using it"));
                let resp = Response {
                    truncated: false,
                    status: 200,
                    headers: vec![],
                    body: vec![],
                };
                return Ok((found, resp));
            }
            if why.starts_with("HTTP 409") {
                return err(format!("creating {what}: {why}; {conflict_hint}"));
            }
            if attempt >= self.http.policy.max_attempts {
                return err(format!(
                    "creating {what}: {why} (gave up after {attempt} attempts)"
                ));
            }
            let wait = hinted
                .map(|d| d.min(self.http.policy.cap))
                .unwrap_or_else(|| self.http.policy.backoff(attempt));
            if wait >= self.http.policy.remaining() {
                return err(format!("creating {what}: {why} (time limit reached)"));
            }
            log(&format!(
                "not found; creating {what} again in {:.1}s",
                wait.as_secs_f64()
            ));
            std::thread::sleep(wait);
        }
    }

    fn create_package(&mut self) -> R<()> {
        let log = self.log;
        let body = json!({
            "resourceType": self.outcome.package_type.clone().unwrap_or_default(),
            "fileName": self.opts.file_name,
        });
        let url = format!("{}/packages", self.product());
        let conflict_hint = format!(
            "a package named {} may already be processing for this product; retry later",
            self.opts.file_name
        );
        let created =
            self.create_checked(&url, &body, "the package", &conflict_hint, &|s: &Self| {
                s.find_created_package()
            })?;
        let (v, resp) = created;
        let id = id_of(&v).ok_or_else(|| Failure::Error("the created package has no id".into()))?;
        let etag = etag_of(&v, &resp)
            .ok_or_else(|| Failure::Error("the created package has no @odata.etag".into()))?;
        let sas = field(&v, &["fileSasUri", "FileSasUri"])
            .ok_or_else(|| Failure::Error("the created package has no fileSasUri".into()))?;
        log(&format!("package {id} created ({})", state_of(&v)));
        self.outcome.package_id = Some(id);
        self.outcome.package_state = Some(state_of(&v));
        self.file_sas_uri = Some(Secret::redacted(sas));
        self.package_obj = Some((v, etag));
        Ok(())
    }

    /// PUT with If-Match; on 409/412 re-read once (`reread` gives the fresh object and etag)
    /// and try again, then fail.
    fn put_with_etag(
        &self,
        url: &str,
        what: &str,
        mut obj: Value,
        mut etag: String,
        apply: &dyn Fn(&mut Value),
        reread_url: &str,
    ) -> R<(Value, Response)> {
        let mut reread = false;
        loop {
            apply(&mut obj);
            let resp = self
                .call(Method::Put, url, Some(&obj), Some(&etag), Idempotency::Safe)
                .map_err(|e| Failure::Error(format!("{what}: {e}")))?;
            if resp.ok() {
                return Ok((resp.json().unwrap_or(Value::Null), resp));
            }
            if matches!(resp.status, 409 | 412) && !reread {
                (self.log)(&format!(
                    "{what}: HTTP {}; re-reading and trying once more",
                    resp.status
                ));
                let (fresh, fresh_resp) = self.expect(Method::Get, reread_url, what)?;
                etag = etag_of(&fresh, &fresh_resp).ok_or_else(|| {
                    Failure::Error(format!("{what}: the re-read object has no etag"))
                })?;
                obj = fresh;
                reread = true;
                continue;
            }
            let extra = match resp.status {
                412 => {
                    "; the object keeps changing under us (someone else is editing this offer?); try again later"
                }
                409 => {
                    "; the service reports a conflict (another operation in progress?); try again later"
                }
                _ => "",
            };
            return err(format!("{}{extra}", self.explain(what, &resp)));
        }
    }

    fn mark_uploaded(&mut self) -> R<()> {
        let (obj, etag) = self
            .package_obj
            .clone()
            .ok_or_else(|| Failure::Error("no package to mark".into()))?;
        let url = format!("{}/packages/{}", self.product(), self.package_id());
        let (v, _) = self.put_with_etag(
            &url,
            "marking the package Uploaded",
            obj,
            etag,
            &|o| {
                if let Some(m) = o.as_object_mut() {
                    m.insert("state".into(), json!("Uploaded"));
                }
            },
            &url,
        )?;
        let st = state_of(&v);
        (self.log)(&format!("package {} is {}", self.package_id(), st));
        self.outcome.package_state = Some(st);
        Ok(())
    }

    /// Sleep one poll interval, failing when the time limit would pass.
    fn pause(&self, what: &str) -> R<()> {
        let d = self.opts.poll_interval;
        if d >= self.http.policy.remaining() || self.http.policy.remaining().is_zero() {
            return err(format!("time limit reached while {what}"));
        }
        std::thread::sleep(d);
        Ok(())
    }

    fn wait_processed(&mut self) -> R<()> {
        let url = format!("{}/packages/{}", self.product(), self.package_id());
        let mut last = self.outcome.package_state.clone().unwrap_or_default();
        loop {
            match last.as_str() {
                "Processed" => return Ok(()),
                "ProcessFailed" => {
                    return Err(Failure::Rejected(format!(
                        "package {} failed processing (ProcessFailed){}",
                        self.package_id(),
                        if self.outcome.validation_messages.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", self.outcome.validation_messages.join("; "))
                        }
                    )));
                }
                _ => {}
            }
            self.pause(&format!(
                "waiting for package {} to be processed (state {last})",
                self.package_id()
            ))?;
            let (v, _) = self.expect(Method::Get, &url, "reading the package")?;
            let st = state_of(&v);
            if st != last {
                (self.log)(&format!("package {}: {st}", self.package_id()));
            }
            self.outcome.validation_messages = validation_messages(&v);
            self.outcome.package_state = Some(st.clone());
            last = st;
        }
    }

    fn update_configuration(&mut self) -> R<()> {
        let (cfg, etag) = self
            .configuration
            .clone()
            .ok_or_else(|| Failure::Error("no package configuration".into()))?;
        let cid = self
            .outcome
            .package_configuration_id
            .clone()
            .unwrap_or_default();
        let ptype = self.outcome.package_type.clone().unwrap_or_default();
        let pid = self.package_id();
        let url = format!("{}/packageconfigurations/{cid}", self.product());
        let apply = |o: &mut Value| {
            let Some(m) = o.as_object_mut() else { return };
            let mut refs = m.get("packageReferences").map(items).unwrap_or_default();
            let mut replaced = false;
            for r in refs.iter_mut() {
                if field(r, &["type"]).as_deref() == Some(ptype.as_str()) {
                    *r = json!({"type": ptype, "value": pid});
                    replaced = true;
                }
            }
            if !replaced {
                refs.push(json!({"type": ptype, "value": pid}));
            }
            m.insert("packageReferences".into(), Value::Array(refs));
        };
        self.put_with_etag(
            &url,
            "updating the package configuration",
            cfg,
            etag,
            &apply,
            &url,
        )?;
        (self.log)(&format!(
            "package configuration {cid} now references package {pid}"
        ));
        Ok(())
    }

    fn find_created_submission(&self) -> R<Option<Value>> {
        let all = self.list(
            &format!("{}/submissions", self.product()),
            "listing submissions",
        )?;
        Ok(all
            .into_iter()
            .rev()
            .find(|s| id_of(s).is_some_and(|id| !self.known_submissions.contains(&id))))
    }

    fn create_submission(&mut self) -> R<()> {
        let log = self.log;
        let body = json!({
            "resourceType": "SubmissionCreationRequest",
            "targets": [{"type": "Scope", "value": "preview"}],
            "resources": [{"type": "Package", "value": self.draft_instance.clone().unwrap_or_default()}],
        });
        let url = format!("{}/submissions", self.product());
        let (v, _) = self.create_checked(
            &url,
            &body,
            "the submission",
            "another submission may be in progress (see Partner Center, or re-run with --force)",
            &|s: &Self| s.find_created_submission(),
        )?;
        let sid =
            id_of(&v).ok_or_else(|| Failure::Error("the created submission has no id".into()))?;
        log(&format!(
            "submission {sid} created ({}/{})",
            state_of(&v),
            substate_of(&v)
        ));
        self.outcome.submission_id = Some(sid);
        self.outcome.submission_state = Some(state_of(&v));
        self.outcome.submission_substate = Some(substate_of(&v));
        self.submission = Some(v);
        Ok(())
    }

    fn wait_submission(&mut self) -> R<()> {
        let sid = self.outcome.submission_id.clone().unwrap_or_default();
        let surl = format!("{}/submissions/{sid}", self.product());
        let mut shown = String::new();
        let started = Instant::now();
        loop {
            let (v, _) = self.expect(Method::Get, &surl, "reading the submission")?;
            let (st, sub) = (state_of(&v), substate_of(&v));
            let (wf, _) = self.expect(
                Method::Get,
                &format!("{surl}/workflowdetails"),
                "reading the workflow details",
            )?;
            let steps = workflow_steps(&wf);
            self.outcome.submission_state = Some(st.clone());
            self.outcome.submission_substate = Some(sub.clone());
            self.outcome.workflow = steps.clone();
            let line = format!(
                "submission {sid}: {st}/{sub}{}",
                steps
                    .iter()
                    .map(|s| format!("; {}: {}", s.name, s.state))
                    .collect::<String>()
            );
            if line != shown {
                (self.log)(&format!("[{:>4}s] {line}", started.elapsed().as_secs()));
                shown = line;
            }
            let failed_step = steps
                .iter()
                .find(|s| !matches!(s.state.as_str(), "NotStarted" | "InProgress" | "Success"));
            if failed_substate(&sub) || failed_step.is_some() {
                self.outcome.validation_messages = self.validations(&surl);
                let what = match failed_step {
                    Some(s) => format!("step \"{}\" ended {}", s.name, s.state),
                    None => format!("{st}/{sub}"),
                };
                let detail = if self.outcome.validation_messages.is_empty() {
                    String::new()
                } else {
                    format!(": {}", self.outcome.validation_messages.join("; "))
                };
                return Err(Failure::Rejected(format!(
                    "submission {sid} failed: {what}{detail}"
                )));
            }
            if st == "Published" && matches!(sub.as_str(), "ReadyToPublish" | "InStore") {
                self.submission = Some(v);
                return Ok(());
            }
            self.pause(&format!("waiting for submission {sid} ({st}/{sub})"))?;
        }
    }

    /// Validation messages of a failed submission (best effort).
    fn validations(&self, surl: &str) -> Vec<String> {
        match self.call(
            Method::Get,
            &format!("{surl}/validations"),
            None,
            None,
            Idempotency::Safe,
        ) {
            Ok(r) if r.ok() => r
                .json()
                .map(|v| validation_messages(&v))
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    fn promote(&mut self) -> R<()> {
        let sid = self.outcome.submission_id.clone().unwrap_or_default();
        let st = self.outcome.submission_state.clone().unwrap_or_default();
        let sub = self.outcome.submission_substate.clone().unwrap_or_default();
        if st == "Published" && sub == "InStore" {
            (self.log)(&format!("submission {sid} is already live (InStore)"));
            return Ok(());
        }
        if !(st == "Published" && sub == "ReadyToPublish") {
            return err(format!(
                "not going live: submission {sid} is {st}/{sub}, not Published/ReadyToPublish"
            ));
        }
        (self.log)(&format!("going live with submission {sid} (--go-live)"));
        let url = format!("{}/submissions/{sid}/promote", self.product());
        let resp = self
            .call(Method::Post, &url, None, None, Idempotency::CreateOnce)
            .map_err(|e| {
                Failure::Error(format!(
                    "promoting submission {sid}: {e} (check Partner Center before retrying)"
                ))
            })?;
        if !resp.ok() {
            return err(self.explain(&format!("promoting submission {sid}"), &resp));
        }
        if let Some(v) = resp.json() {
            let (st, sub) = (state_of(&v), substate_of(&v));
            if !st.is_empty() {
                self.outcome.submission_state = Some(st);
                self.outcome.submission_substate = Some(sub);
            }
        }
        self.outcome.promoted = true;
        Ok(())
    }
}

/// `workflowSteps` of the most recent workflow item.
pub fn workflow_steps(v: &Value) -> Vec<WorkflowStep> {
    let list = items(v);
    let Some(last) = list.last() else {
        return Vec::new();
    };
    last.get("workflowSteps")
        .map(items)
        .unwrap_or_default()
        .iter()
        .map(|s| WorkflowStep {
            name: field(s, &["name"]).unwrap_or_else(|| "?".into()),
            state: field(s, &["state"]).unwrap_or_else(|| "?".into()),
        })
        .collect()
}

/// `validationItems` (or a collection of validation items) as short redacted lines.
pub fn validation_messages(v: &Value) -> Vec<String> {
    let list = match v.get("validationItems") {
        Some(x) => items(x),
        None => items(v),
    };
    list.iter()
        .take(20)
        .filter_map(|i| {
            let msg = field(i, &["message"])?;
            let code = field(i, &["errorCode", "code"]).unwrap_or_default();
            let sev = field(i, &["severity"]).unwrap_or_default();
            Some(redact_text(format!("{sev} {code}: {msg}").trim()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options {
            product_id: "P1".into(),
            api_url: DEFAULT_API_URL.into(),
            file_name: "pkg.zip".into(),
            package_type: None,
            force: false,
            wait: false,
            go_live: false,
            poll_interval: Duration::from_secs(30),
        }
    }

    #[test]
    fn plan_follows_b2_and_flags() {
        let base = plan(&opts());
        assert_eq!(base.first(), Some(&Step::Token));
        assert_eq!(base.last(), Some(&Step::CreateSubmission));
        assert!(!base.contains(&Step::CancelInProgress));
        assert!(!base.contains(&Step::Promote));
        let pos = |s: Step| base.iter().position(|x| *x == s).unwrap();
        assert!(pos(Step::CreatePackage) < pos(Step::UploadPackage));
        assert!(pos(Step::UploadPackage) < pos(Step::MarkUploaded));
        assert!(pos(Step::WaitProcessed) < pos(Step::UpdatePackageConfiguration));
        let mut o = opts();
        o.force = true;
        o.go_live = true;
        let full = plan(&o);
        assert!(full.contains(&Step::CancelInProgress));
        assert!(
            full.contains(&Step::WaitSubmission),
            "go-live implies waiting"
        );
        assert_eq!(full.last(), Some(&Step::Promote));
    }

    #[test]
    fn blocking_submissions() {
        assert!(blocks_new_submission("InProgress", "Submitted"));
        assert!(blocks_new_submission("InProgress", "InDraft"));
        assert!(!blocks_new_submission("InProgress", "Failed"));
        assert!(!blocks_new_submission(
            "InProgress",
            "FailedInCertification"
        ));
        assert!(!blocks_new_submission("Published", "InStore"));
        assert!(!blocks_new_submission("Published", "ReadyToPublish"));
        assert!(blocks_new_submission("Published", "Publishing"));
        assert!(!blocks_new_submission("", ""));
    }

    #[test]
    fn tolerant_field_access() {
        let v = json!({"ID": 5, "value": "x", "@odata.etag": "e"});
        assert_eq!(id_of(&v).as_deref(), Some("5"));
        assert_eq!(items(&v), Vec::<Value>::new());
        assert_eq!(items(&json!({"value": [1]})), vec![json!(1)]);
        assert_eq!(items(&json!([1, 2])).len(), 2);
        assert_eq!(workflow_steps(&json!(null)), vec![]);
        assert_eq!(
            workflow_steps(&json!({"value": [{"workflowSteps": [{"name": "A", "state": 3}]}]})),
            vec![WorkflowStep {
                name: "A".into(),
                state: "3".into()
            }]
        );
        assert_eq!(
            validation_messages(
                &json!({"validationItems": [{"message": "bad https://x/y?sig=S", "errorCode": "E1", "severity": "Error"}, 7]})
            ),
            vec!["Error E1: bad https://x/y?REDACTED".to_string()]
        );
    }
}
