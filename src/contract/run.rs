//! The loop over operations: inputs, request, response, verdict.

use std::time::{Instant, SystemTime};

use serde_json::Value;

use super::auth::Connection;
use super::codes::{TEST_NEXT_LINK_REPEATS, TEST_NO_RESPONSE};
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
    let mut x = Exchanges {
        opts,
        transport,
        redaction: Redaction { headers, query },
        entries: Vec::new(),
        attempts: 0,
        answered: 0,
        first_failure: None,
    };
    let mut results = Vec::new();
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
        let mut next_index = built.len();
        for (index, (req, expect)) in built.iter().enumerate() {
            let seen = match x.exchange(op, &id, index, req, &mut result) {
                Sent::Response(seen) => seen,
                Sent::Nothing => continue,
                Sent::Replay(note) => {
                    result.status = Verdict::Skipped;
                    result.note = Some(note);
                    break;
                }
            };
            result
                .problems
                .extend(validate::check(sw, op, &seen, *expect));
            x.follow_pages(sw, op, &id, req, seen, &mut next_index, &mut result);
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
        har: opts.record.then(|| har::document(x.entries)),
        nothing_answered: x.attempts > 0 && x.answered == 0,
        first_failure: x.first_failure,
    }
}

/// Pages followed after the first one of an `x-ms-pageable` operation: enough to see that
/// `nextLink` leads to a page of the same shape, few enough to stay quick and polite.
pub(crate) const MAX_PAGES: usize = 2;

/// What sending one request gave.
enum Sent {
    /// The response as the flow sees it (response policies applied).
    Response(validate::Response),
    /// No response (a `TestNoResponse` problem was recorded).
    Nothing,
    /// Replaying, and the recording has no response for it: the note.
    Replay(String),
}

/// The run's requests: sending, logging, recording and counting them.
struct Exchanges<'o, 'a, 't> {
    opts: &'o Options<'a>,
    transport: &'t mut dyn Transport,
    redaction: Redaction,
    entries: Vec<Value>,
    attempts: usize,
    answered: usize,
    first_failure: Option<String>,
}

impl Exchanges<'_, '_, '_> {
    /// Send request `index` of operation `id`, log it in `result`, record it.
    fn exchange(
        &mut self,
        op: &Operation<'_>,
        id: &str,
        index: usize,
        req: &request::Built,
        result: &mut OperationResult,
    ) -> Sent {
        let started = SystemTime::now();
        let clock = Instant::now();
        self.attempts += 1;
        let url = self.redaction.display_url(&req.url);
        match self.transport.send(id, index, req) {
            Ok(resp) => {
                self.answered += 1;
                result.requests.push(RequestLog {
                    method: req.method.clone(),
                    url,
                    status: Some(resp.status),
                });
                if self.opts.record {
                    let millis = u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX);
                    let x = Exchange {
                        operation_id: id,
                        index,
                        request: req,
                        response: &resp,
                        started,
                        millis,
                    };
                    self.entries.push(har::entry(&x, &self.redaction));
                }
                // Checked as the platform hands it on: response policies applied.
                Sent::Response(request::apply_response(
                    op,
                    self.opts.policies,
                    req,
                    self.opts.connection,
                    &resp,
                ))
            }
            Err(nr) if self.opts.replay => {
                self.answered += 1;
                Sent::Replay(nr.message)
            }
            Err(nr) => {
                self.first_failure.get_or_insert_with(|| nr.message.clone());
                result.requests.push(RequestLog {
                    method: req.method.clone(),
                    url,
                    status: None,
                });
                result.problems.push(no_response(&req.method, &nr.message));
                Sent::Nothing
            }
        }
    }

    /// For a `GET` of an `x-ms-pageable` operation, follow `nextLink` from `first` for up to
    /// [`MAX_PAGES`] pages, checking each page as the first. A link back to a page already
    /// fetched is a `TestNextLinkRepeats` problem (a flow with pagination on would loop);
    /// a link to a host connkit does not call, or a page missing from a recording, ends the
    /// walk with a note.
    #[allow(clippy::too_many_arguments)]
    fn follow_pages<'d>(
        &mut self,
        sw: &Swagger<'d>,
        op: &Operation<'d>,
        id: &str,
        first: &request::Built,
        mut page: validate::Response,
        next_index: &mut usize,
        result: &mut OperationResult,
    ) {
        let Some(name) = op
            .get("x-ms-pageable")
            .and_then(|p| p.get("nextLinkName"))
            .and_then(Value::as_str)
        else {
            return;
        };
        if first.method != "GET" {
            return;
        }
        let mut seen_urls = vec![first.url.clone()];
        for _ in 0..MAX_PAGES {
            if !(200..300).contains(&page.status) || page.truncated {
                return;
            }
            let link = serde_json::from_slice::<Value>(&page.body)
                .ok()
                .and_then(|b| b.get(name).and_then(Value::as_str).map(str::to_string));
            let Some(link) = link.filter(|l| !l.trim().is_empty()) else {
                return;
            };
            let Some(url) = reqwest::Url::parse(seen_urls.last().map_or("", String::as_str))
                .ok()
                .and_then(|base| base.join(link.trim()).ok())
            else {
                add_note(
                    result,
                    format!("'{name}' is not a URL: the next page was not fetched"),
                );
                return;
            };
            let shown = self.redaction.display_url(url.as_str());
            if seen_urls.iter().any(|u| u == url.as_str()) {
                result.problems.push(Problem {
                    code: TEST_NEXT_LINK_REPEATS.code,
                    pointer: crate::model::pointer::join(&op.pointer, "x-ms-pageable"),
                    path: crate::contract::validate::path_key("$", name),
                    message: format!(
                        "'{name}' leads back to a page already fetched ({shown}): a flow with pagination on would fetch the same pages until its threshold"
                    ),
                });
                return;
            }
            if super::transport::authority(&url)
                != reqwest::Url::parse(&first.url)
                    .ok()
                    .and_then(|u| super::transport::authority(&u))
            {
                add_note(
                    result,
                    format!(
                        "the next page ({shown}) is on another host: not fetched, the connection's credentials stay with the operation's host"
                    ),
                );
                return;
            }
            let req = request::Built {
                method: "GET".into(),
                url: url.to_string(),
                headers: first.headers.clone(),
                body: None,
                request: first.request.clone(),
            };
            seen_urls.push(req.url.clone());
            let index = *next_index;
            *next_index += 1;
            page = match self.exchange(op, id, index, &req, result) {
                Sent::Response(seen) => seen,
                Sent::Nothing => return,
                Sent::Replay(_) => {
                    add_note(
                        result,
                        "the next page is not in the recording: not checked".into(),
                    );
                    return;
                }
            };
            result.problems.extend(validate::check(sw, op, &page, None));
        }
    }
}

/// Add a sentence to an operation's note.
fn add_note(result: &mut OperationResult, note: String) {
    result.note = Some(match result.note.take() {
        Some(n) => format!("{n}; {note}"),
        None => note,
    });
}
