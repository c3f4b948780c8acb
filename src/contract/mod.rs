//! `connkit test`: a connector's operations called against its live API (or a recording of
//! it), each response checked against the definition.
//!
//! - [`inputs`]: the plan file and the values of each operation's inputs (plan, then
//!   `x-ms-test-value`, `default`, first enum value).
//! - [`auth`]: connection values (`--connection`) and the connector's authentication
//!   (`securityDefinitions`), with every secret registered for redaction.
//! - [`request`]: the request of an operation, built as `connkit request` builds it.
//! - [`transport`]: the HTTP client (allowed hosts only, no redirect to another host,
//!   timeouts, body cap) and the replay source.
//! - [`har`]: HAR 1.2 recordings, secrets redacted.
//! - [`validate`]: a response against the definition (Swagger 2.0 semantics), each problem a
//!   code of [`codes`] with the schema's pointer and the body's path.
//! - [`run`]: the loop over operations.
//!
//! Layer: below `app` (the session that reads arguments, files and stdin), above `model`.

pub mod auth;
pub mod codes;
pub mod har;
pub mod inputs;
pub mod request;
pub mod run;
pub mod transport;
pub mod validate;

use serde::Serialize;

/// One problem of a response: a code of the catalog, where the definition declares what was
/// expected, and where the response differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub code: &'static str,
    /// JSON pointer into the definition (`/definitions/Order/properties/number`).
    pub pointer: String,
    /// Location in the response body (`$.value[1].status`; `$` for the whole response).
    pub path: String,
    pub message: String,
}

/// The verdict of one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Passed,
    Failed,
    Skipped,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Failed => "failed",
            Verdict::Skipped => "skipped",
        }
    }
}

/// One request sent (or replayed) for an operation. `url` is redacted (no secret in its
/// query); `status` is `None` when no response came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestLog {
    pub method: String,
    pub url: String,
    pub status: Option<u16>,
}

/// The result of one operation.
#[derive(Debug, Clone, Serialize)]
pub struct OperationResult {
    #[serde(rename = "operationId")]
    pub operation_id: String,
    pub status: Verdict,
    pub requests: Vec<RequestLog>,
    pub problems: Vec<Problem>,
    /// Why it was skipped, or what was not checked ("script not run").
    pub note: Option<String>,
}

/// How many operations passed, failed, were skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// Everything a run found.
#[derive(Debug, Clone, Serialize)]
pub struct TestOutcome {
    pub operations: Vec<OperationResult>,
    pub summary: Summary,
}

impl TestOutcome {
    pub fn new(operations: Vec<OperationResult>) -> TestOutcome {
        let mut summary = Summary::default();
        for o in &operations {
            match o.status {
                Verdict::Passed => summary.passed += 1,
                Verdict::Failed => summary.failed += 1,
                Verdict::Skipped => summary.skipped += 1,
            }
        }
        TestOutcome {
            operations,
            summary,
        }
    }

    /// The JSON document of `--format json` (the shape issue 28 fixes).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}
