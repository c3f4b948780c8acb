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

pub(crate) mod auth;
pub(crate) mod codes;
pub(crate) mod har;
pub(crate) mod inputs;
pub(crate) mod request;
pub(crate) mod run;
pub(crate) mod transport;
pub(crate) mod validate;

use serde::Serialize;

/// One problem of a response: a code of the catalog, where the definition declares what was
/// expected, and where the response differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Problem {
    pub(crate) code: &'static str,
    /// JSON pointer into the definition (`/definitions/Order/properties/number`).
    pub(crate) pointer: String,
    /// Location in the response body (`$.value[1].status`; `$` for the whole response).
    pub(crate) path: String,
    pub(crate) message: String,
}

/// The verdict of one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Verdict {
    Passed,
    Failed,
    Skipped,
}

/// One request sent (or replayed) for an operation. `url` is redacted (no secret in its
/// query); `status` is `None` when no response came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct RequestLog {
    pub(crate) method: String,
    pub(crate) url: String,
    pub(crate) status: Option<u16>,
}

/// The result of one operation.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OperationResult {
    #[serde(rename = "operationId")]
    pub(crate) operation_id: String,
    pub(crate) status: Verdict,
    pub(crate) requests: Vec<RequestLog>,
    pub(crate) problems: Vec<Problem>,
    /// Why it was skipped, or what was not checked ("script not run").
    pub(crate) note: Option<String>,
}

/// How many operations passed, failed, were skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Summary {
    pub(crate) passed: usize,
    pub(crate) failed: usize,
    pub(crate) skipped: usize,
}

/// Everything a run found.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TestOutcome {
    pub(crate) operations: Vec<OperationResult>,
    pub(crate) summary: Summary,
}

impl TestOutcome {
    pub(crate) fn new(operations: Vec<OperationResult>) -> TestOutcome {
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
    pub(crate) fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}
