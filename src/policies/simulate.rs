//! Applying policy instances to a request and a response (see the module docs of
//! [`super`] for the order and what each template does).

use serde_json::Value;

use super::body;
use super::catalog::Section;
use super::expr::{self, EvalError, Scope};
use super::{Applied, Instance, Outcome, Policies, PolicyError};
use crate::model::request::{Body, Request, Response};

fn entry(inst: &Instance<'_>) -> Applied {
    Applied {
        template_id: inst.template_id.to_string(),
        title: inst.title.to_string(),
        pointer: inst.pointer.clone(),
        section: inst.section,
        applied: true,
        changes: Vec::new(),
        note: None,
    }
}

fn skipped(inst: &Instance<'_>, note: impl Into<String>) -> Applied {
    Applied {
        applied: false,
        note: Some(note.into()),
        ..entry(inst)
    }
}

fn fail(inst: &Instance<'_>, error: EvalError) -> PolicyError {
    PolicyError {
        template_id: inst.template_id.to_string(),
        title: inst.title.to_string(),
        pointer: inst.pointer.clone(),
        error,
    }
}

/// Evaluate a text parameter against the scope.
fn text(
    inst: &Instance<'_>,
    name: &str,
    scope: &Scope<'_>,
    notes: &mut Vec<String>,
) -> Result<Option<String>, PolicyError> {
    let Some(raw) = inst.param_str(name) else {
        return Ok(None);
    };
    expr::eval(&expr::parse(raw), scope, notes)
        .map(Some)
        .map_err(|e| fail(inst, e))
}

/// What a section's run needs besides the instance.
enum Target<'r> {
    Request(&'r mut Request),
    Response {
        req: &'r Request,
        resp: &'r mut Response,
    },
}

pub(super) fn request(
    policies: &Policies<'_>,
    operation_id: Option<&str>,
    req: &mut Request,
    connections: &[(String, String)],
) -> Result<Outcome, PolicyError> {
    let mut out = Outcome::default();
    for inst in policies.for_operation(operation_id) {
        if inst.section != Section::Request {
            continue;
        }
        let applied = run(inst, &mut Target::Request(req), connections, &mut out.notes)?;
        out.policies.push(applied);
    }
    Ok(out)
}

pub(super) fn response(
    policies: &Policies<'_>,
    operation_id: Option<&str>,
    req: &Request,
    resp: &mut Response,
    connections: &[(String, String)],
) -> Result<Outcome, PolicyError> {
    let mut out = Outcome::default();
    for inst in policies.for_operation(operation_id) {
        match inst.section {
            Section::Request => continue,
            Section::Failure => {
                out.policies.push(skipped(
                    inst,
                    "the Failure section runs when the call fails; not simulated",
                ));
                continue;
            }
            Section::Response => {}
        }
        let applied = run(
            inst,
            &mut Target::Response { req, resp },
            connections,
            &mut out.notes,
        )?;
        out.policies.push(applied);
    }
    Ok(out)
}

fn run(
    inst: &Instance<'_>,
    target: &mut Target<'_>,
    connections: &[(String, String)],
    notes: &mut Vec<String>,
) -> Result<Applied, PolicyError> {
    let Some(t) = inst.template else {
        return Ok(skipped(
            inst,
            format!("'{}' is not a known policy template", inst.template_id),
        ));
    };
    if !t.documented {
        return Ok(skipped(
            inst,
            "an undocumented (Microsoft-internal) template; not simulated",
        ));
    }
    let mut a = entry(inst);
    // What expressions read: the request as it is now.
    let (headers, query) = match target {
        Target::Request(r) => (r.headers.clone(), r.query.clone()),
        Target::Response { req, .. } => (req.headers.clone(), req.query.clone()),
    };
    let scope = Scope {
        headers: &headers,
        query: &query,
        connections,
        body: None,
        item: None,
    };
    match t.id {
        "setheader" => {
            let (Some(name), Some(value)) =
                (inst.param_str("name"), text(inst, "value", &scope, notes)?)
            else {
                return Ok(skipped(inst, "name or value is missing"));
            };
            let action = inst.param_str("existsAction").unwrap_or("override");
            let headers = match target {
                Target::Request(r) => &mut r.headers,
                Target::Response { resp, .. } => &mut resp.headers,
            };
            let exists = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case(name));
            match action.to_ascii_lowercase().as_str() {
                "skip" if exists => {
                    a.note = Some(format!("header {name} exists: skipped (existsAction skip)"));
                }
                "append" if exists => {
                    headers.push((name.to_string(), value.clone()));
                    a.changes.push(format!("header {name}: {value} (appended)"));
                    a.note = Some(
                        "append is not documented with an example: shown as a second header line"
                            .into(),
                    );
                }
                _ => {
                    set_pair(headers, name, &value);
                    a.changes.push(format!("header {name}: {value}"));
                }
            }
        }
        "setqueryparameter" => {
            let Target::Request(req) = target else {
                return Ok(skipped(inst, "query parameters exist only on the request"));
            };
            let (Some(name), Some(value)) =
                (inst.param_str("name"), text(inst, "value", &scope, notes)?)
            else {
                return Ok(skipped(inst, "name or value is missing"));
            };
            let action = inst.param_str("existsAction").unwrap_or("override");
            let exists = req.query.iter().any(|(k, _)| k == name);
            match action.to_ascii_lowercase().as_str() {
                "skip" if exists => {
                    a.note = Some(format!(
                        "query parameter {name} exists: skipped (existsAction skip)"
                    ));
                }
                "append" if exists => {
                    req.query.push((name.to_string(), value.clone()));
                    a.changes.push(format!("query {name}={value} (appended)"));
                    a.note = Some(
                        "append is not documented with an example: shown as a second pair".into(),
                    );
                }
                _ => {
                    req.set_query(name, &value);
                    a.changes.push(format!("query {name}={value}"));
                }
            }
        }
        "dynamichosturl" => {
            let Target::Request(req) = target else {
                return Ok(skipped(inst, "runs on the request"));
            };
            let Some(url) = text(inst, "urlTemplate", &scope, notes)? else {
                return Ok(skipped(inst, "urlTemplate is missing"));
            };
            let before = req.base_url();
            req.set_base_url(&url);
            let after = req.base_url();
            a.changes.push(format!("host: {before} → {after}"));
        }
        "routerequesttoendpoint" => {
            let Target::Request(req) = target else {
                return Ok(skipped(inst, "runs on the request"));
            };
            let Some(new_path) = text(inst, "newPath", &scope, notes)? else {
                return Ok(skipped(inst, "newPath is missing"));
            };
            let mut path = new_path;
            for (name, value) in &req.path_params {
                path = path.replace(&format!("{{{name}}}"), value);
            }
            if !path.starts_with('/') {
                path.insert(0, '/');
            }
            if path != req.path {
                a.changes.push(format!("path: {} → {path}", req.path));
                req.path = path;
            }
            if let Some(m) = inst.param_str("httpMethod")
                && !m.eq_ignore_ascii_case("@Request.OriginalHTTPMethod")
                && !m.trim().is_empty()
                && !m.eq_ignore_ascii_case(&req.method)
            {
                a.changes.push(format!(
                    "method: {} → {}",
                    req.method,
                    m.to_ascii_uppercase()
                ));
                req.method = m.to_ascii_uppercase();
            }
        }
        "setproperty"
        | "convertarraytoobject"
        | "convertobjecttoarray"
        | "stringtoarray"
        | "stringreplace" => {
            let mut slot: Option<Value> = match target {
                Target::Request(req) => match req.body.take() {
                    Some(Body::Json(v)) => Some(v),
                    other => {
                        req.body = other;
                        return Ok(skipped(inst, "the request has no JSON body"));
                    }
                },
                Target::Response { resp, .. } => match resp.body.take() {
                    Some(v) => Some(v),
                    None => return Ok(skipped(inst, "the response has no body")),
                },
            };
            let r = body_template(inst, t.id, &mut slot, &scope, notes, &mut a);
            match target {
                Target::Request(req) => req.body = slot.map(Body::Json),
                Target::Response { resp, .. } => resp.body = slot,
            }
            r?;
        }
        "setvaluefromurl" => {
            let url = inst.param_str("parameterValueUrl").unwrap_or_default();
            return Ok(skipped(
                inst,
                format!("would call {url} and copy a value of its answer; connkit never sends"),
            ));
        }
        "pollingtrigger" => {
            return Ok(skipped(
                inst,
                "the polling state (triggerConfig for the next poll) is not simulated",
            ));
        }
        "encodepropertyvalue" => {
            return Ok(skipped(
                inst,
                "its encoding is not documented; not simulated",
            ));
        }
        "updatenextlink" => {
            let name = inst.param_str("nextLinkPropertyName").unwrap_or("nextLink");
            return Ok(skipped(
                inst,
                format!(
                    "the platform rewrites '{name}' to a link through the connector (undocumented); shown unchanged"
                ),
            ));
        }
        _ => return Ok(skipped(inst, "not simulated")),
    }
    Ok(a)
}

fn set_pair(pairs: &mut Vec<(String, String)>, name: &str, value: &str) {
    match pairs.iter().position(|(k, _)| k.eq_ignore_ascii_case(name)) {
        Some(i) => {
            pairs[i].1 = value.to_string();
            let mut n = 0;
            pairs.retain(|(k, _)| {
                n += 1;
                n - 1 <= i || !k.eq_ignore_ascii_case(name)
            });
        }
        None => pairs.push((name.to_string(), value.to_string())),
    }
}

/// A body path parameter, parsed; a path that does not parse stops the policy.
fn path_param(inst: &Instance<'_>, name: &str) -> Result<Option<expr::BodyPath>, PolicyError> {
    match inst.param_str(name) {
        None => Ok(None),
        Some(s) => expr::body_path(s)
            .map(Some)
            .map_err(|e| fail(inst, EvalError::Invalid(e.message))),
    }
}

fn body_template(
    inst: &Instance<'_>,
    id: &str,
    body: &mut Option<Value>,
    scope: &Scope<'_>,
    notes: &mut Vec<String>,
    a: &mut Applied,
) -> Result<(), PolicyError> {
    let Some(root) = body.as_mut() else {
        return Ok(());
    };
    let parent_key = if id == "setproperty" {
        "newPropertyParentPathTemplate"
    } else {
        "propertyParentPath"
    };
    let Some(parent) = path_param(inst, parent_key)? else {
        a.applied = false;
        a.note = Some(format!("{parent_key} is missing"));
        return Ok(());
    };
    let snapshot = root.clone();
    let parents = body::parents(&snapshot, &parent);
    if parents.is_empty() {
        a.note = Some(format!(
            "{} is not in the body: nothing changed",
            inst.param_str(parent_key).unwrap_or_default()
        ));
        return Ok(());
    }
    let sub = body::sub_steps(inst.param_str("propertySubPath"));
    let new = path_param(inst, "newPropertyPath")?;
    for p in parents {
        let item = expr::lookup(&snapshot, &p);
        let at = |rel: &[expr::Step]| {
            let mut s = p.clone();
            s.extend(rel.iter().cloned());
            s
        };
        let source = expr::lookup(&snapshot, &at(&sub));
        let (dest, value): (Vec<expr::Step>, Option<Value>) = match id {
            "setproperty" => {
                let dest = at(&body::sub_steps(
                    inst.param_str("newPropertySubPathTemplate"),
                ));
                let raw = inst
                    .param_str("propertyValuePathTemplate")
                    .unwrap_or_default();
                let s = Scope {
                    body: Some(&snapshot),
                    item,
                    ..*scope
                };
                let text = expr::eval(&expr::parse(raw), &s, notes).map_err(|e| fail(inst, e))?;
                (dest, Some(body::property_value(text)))
            }
            "convertarraytoobject" => {
                let key = body::sub_steps(inst.param_str("keyWithinCollectionPath"));
                let retain = !inst
                    .param_str("retainKey")
                    .is_some_and(|r| r.eq_ignore_ascii_case("false"));
                let v = source
                    .and_then(Value::as_array)
                    .map(|arr| body::array_to_object(arr, &key, retain));
                (dest_of(&new, &p), v)
            }
            "convertobjecttoarray" => {
                let k = inst.param_str("keyName").unwrap_or("key");
                let v = inst.param_str("valueName").unwrap_or("value");
                let out = source
                    .and_then(Value::as_object)
                    .map(|o| body::object_to_array(o, k, v));
                (dest_of(&new, &p), out)
            }
            "stringtoarray" => {
                let d = inst.param_str("delimiterList").unwrap_or_default();
                let c = inst.param_str("childPropertyName").unwrap_or("value");
                let out = source
                    .and_then(Value::as_str)
                    .map(|s| body::string_to_array(s, d, c));
                (dest_of(&new, &p), out)
            }
            "stringreplace" => {
                let from = inst.param_str("sourceString").unwrap_or_default();
                let to = inst.param_str("replacementString").unwrap_or_default();
                let out = source
                    .and_then(Value::as_str)
                    .filter(|_| !from.is_empty())
                    .map(|s| Value::String(s.replace(from, to)));
                (dest_of(&new, &p), out)
            }
            _ => continue,
        };
        let Some(value) = value else {
            notes.push(format!(
                "{}: nothing to convert at {}",
                inst.title,
                body::pointer(&at(&sub))
            ));
            continue;
        };
        if body::set(root, &dest, value) {
            a.changes.push(format!("body {} set", body::pointer(&dest)));
        }
    }
    Ok(())
}

/// Where `newPropertyPath` lands for a parent element (the parent itself when absent).
fn dest_of(new: &Option<expr::BodyPath>, parent: &[expr::Step]) -> Vec<expr::Step> {
    match new {
        Some(n) => body::target(n, parent),
        None => parent.to_vec(),
    }
}
