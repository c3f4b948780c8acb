//! The loop over operations: inputs, request, response, verdict.

use std::time::{Instant, SystemTime};

use serde_json::Value;

use super::auth::Connection;
use super::codes::TEST_NO_RESPONSE;
use super::har::{self, Exchange, Redaction};
use super::inputs::{Plan, PlanEntry};
use super::transport::Transport;
use super::{OperationResult, Problem, RequestLog, TestOutcome, Verdict, request, validate};
use crate::model::swagger::{Operation, Swagger};

/// What a run needs besides the definition and the transport.
pub(crate) struct Options<'a> {
    /// `--base-url`: replaces scheme, host and basePath.
    pub(crate) base: &'a reqwest::Url,
    /// The connector's policy templates.
    pub(crate) policies: &'a crate::policies::Policies<'a>,
    /// `--operation`: only these (empty: all).
    pub(crate) operations: &'a [String],
    pub(crate) plan: Option<&'a Plan>,
    pub(crate) connection: &'a Connection,
    /// Operations custom code (`script.csx`) handles on the platform.
    pub(crate) script_operations: Option<Vec<String>>,
    /// Responses come from a recording (a request it lacks skips the operation).
    pub(crate) replay: bool,
    /// Keep HAR entries for `--record`.
    pub(crate) record: bool,
}

/// What a run produced.
pub(crate) struct RunResult {
    pub(crate) outcome: TestOutcome,
    /// The HAR document (redacted), when recording.
    pub(crate) har: Option<String>,
    /// Requests were sent and none got a response: nothing answers at the base URL.
    pub(crate) nothing_answered: bool,
    /// The first transport failure, for the error message.
    pub(crate) first_failure: Option<String>,
}

/// The problem of a request that got no response.
pub(crate) fn no_response(method: &str, message: &str) -> Problem {
    Problem {
        code: TEST_NO_RESPONSE.code,
        pointer: String::new(),
        path: "$".into(),
        message: format!("{method}: no response: {message}"),
    }
}

fn skipped(id: String, note: String) -> OperationResult {
    OperationResult {
        operation_id: id,
        status: Verdict::Skipped,
        requests: vec![],
        problems: vec![],
        note: Some(note),
    }
}

/// A webhook trigger's registration creates a subscription on the live system with a callback
/// connkit cannot receive: it is not called.
fn is_webhook(op: &Operation<'_>) -> bool {
    op.has_notification_content()
        || (op.is_trigger() && op.value.get("x-ms-notification-url").is_some())
        || op
            .params
            .iter()
            .any(|p| p.get("x-ms-notification-url").and_then(Value::as_bool) == Some(true))
}

/// Run every selected operation.
pub(crate) fn run(
    sw: &Swagger<'_>,
    opts: &Options<'_>,
    transport: &mut dyn Transport,
) -> RunResult {
    let (headers, query) = opts.connection.credential_names(sw.root);
    let redaction = Redaction { headers, query };
    let mut results = Vec::new();
    let mut entries = Vec::new();
    let (mut attempts, mut answered) = (0usize, 0usize);
    let mut first_failure = None;
    for op in &sw.operations {
        let id = op.label();
        if !opts.operations.is_empty() && !opts.operations.contains(&id) {
            continue;
        }
        if is_webhook(op) {
            results.push(skipped(
                id,
                "webhook trigger: not called (registering it would create a subscription with a callback connkit cannot receive)".into(),
            ));
            continue;
        }
        let planned: Vec<Option<&PlanEntry>> = match opts.plan.and_then(|p| p.operations.get(&id)) {
            Some(list) if !list.is_empty() => list.iter().map(Some).collect(),
            _ => vec![None],
        };
        // Every request's inputs first: a missing one skips the operation before anything is sent.
        let mut built = Vec::new();
        let mut skip = None;
        for entry in &planned {
            match super::inputs::resolve(sw, op, *entry) {
                Ok(inputs) => {
                    match request::build(sw, op, &inputs, opts.connection, opts.policies, opts.base)
                    {
                        Ok(b) => built.push((
                            b,
                            entry.and_then(|e| e.expect.as_ref()).and_then(|x| x.status),
                        )),
                        Err(e) => {
                            skip = Some(format!("the request cannot be built: {e}"));
                            break;
                        }
                    }
                }
                Err(name) => {
                    skip = Some(format!(
                        "required input '{name}' has no value: give it in the plan (--plan), or an x-ms-test-value, default or enum in the definition"
                    ));
                    break;
                }
            }
        }
        if let Some(note) = skip {
            results.push(skipped(id, note));
            continue;
        }
        let mut result = OperationResult {
            operation_id: id.clone(),
            status: Verdict::Passed,
            requests: vec![],
            problems: vec![],
            note: None,
        };
        if opts
            .script_operations
            .as_ref()
            .is_some_and(|ops| ops.is_empty() || ops.contains(&id))
        {
            result.note = Some(
                "script not run: custom code (script.csx) handles this operation on the platform; the API was called as the definition describes".into(),
            );
        }
        for (index, (req, expect)) in built.iter().enumerate() {
            let started = SystemTime::now();
            let clock = Instant::now();
            attempts += 1;
            let url = redaction.display_url(&req.url);
            match transport.send(&id, index, req) {
                Ok(resp) => {
                    answered += 1;
                    result.requests.push(RequestLog {
                        method: req.method.clone(),
                        url,
                        status: Some(resp.status),
                    });
                    // Checked as the platform hands it on: response policies applied.
                    let seen =
                        request::apply_response(op, opts.policies, req, opts.connection, &resp);
                    result
                        .problems
                        .extend(validate::check(sw, op, &seen, *expect));
                    if opts.record {
                        let millis = u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX);
                        let x = Exchange {
                            operation_id: &id,
                            index,
                            request: req,
                            response: &resp,
                            started,
                            millis,
                        };
                        entries.push(har::entry(&x, &redaction));
                    }
                }
                Err(nr) if opts.replay => {
                    answered += 1;
                    result.status = Verdict::Skipped;
                    result.note = Some(nr.message);
                    break;
                }
                Err(nr) => {
                    first_failure.get_or_insert_with(|| nr.message.clone());
                    result.requests.push(RequestLog {
                        method: req.method.clone(),
                        url,
                        status: None,
                    });
                    result.problems.push(no_response(&req.method, &nr.message));
                }
            }
        }
        if result.status != Verdict::Skipped {
            result.status = if result.problems.is_empty() {
                Verdict::Passed
            } else {
                Verdict::Failed
            };
        }
        results.push(result);
    }
    RunResult {
        outcome: TestOutcome::new(results),
        har: opts.record.then(|| har::document(entries)),
        nothing_answered: attempts > 0 && answered == 0,
        first_failure,
    }
}
