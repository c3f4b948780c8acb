//! The session behind `connkit request DIR OPERATION_ID`: load the connector, build the
//! operation's request from the definition and the values given
//! ([`crate::model::request::build`]), apply the authentication the definition declares, then
//! every policy template that targets the operation, in order
//! ([`crate::policies::Policies`]); with a response file, also the response-section policies.
//! Nothing is sent. Rendering is [`crate::report::request`].
//!
//! Connection parameter values that are secrets are registered for redaction by
//! [`crate::contract::auth::Connection`], as `connkit test` registers them (the same names,
//! declared types, base64 forms and basic credential), so no output shows them; a secret too
//! short to redact is refused.

use std::io::BufRead;
use std::path::PathBuf;

use serde_json::Value;

use crate::contract::auth::Source;
use crate::model::Connector;
use crate::model::request::{self, Inputs, Response};
use crate::model::swagger::Swagger;
use crate::policies::{Applied, Policies};

/// What `connkit request` was asked.
#[derive(Debug, Clone, Default)]
pub(crate) struct RequestInput {
    /// The connector folder (or its definition file).
    pub(crate) dir: PathBuf,
    pub(crate) operation_id: String,
    /// `--param NAME=VALUE`
    pub(crate) params: Vec<(String, String)>,
    /// `--connection NAME=VALUE`, `NAME=@env:VARIABLE`, `NAME` or `NAME=@stdin`: read
    /// when the session starts.
    pub(crate) connections: Vec<(String, Source)>,
    /// `--header NAME=VALUE`
    pub(crate) headers: Vec<(String, String)>,
    /// `--response FILE`: `{"status", "headers", "body"}`.
    pub(crate) response: Option<PathBuf>,
}

pub(crate) use crate::report::request::RequestOutcome;

/// Why the session stopped: a usage error (`kind` "usage") or an input that could not be
/// read ("io", "parse"). Exit 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RequestError {
    pub(crate) kind: &'static str,
    pub(crate) message: String,
}

fn usage(message: impl Into<String>) -> RequestError {
    RequestError {
        kind: "usage",
        message: message.into(),
    }
}

/// The operationIds nearest to a mistyped one (same text ignoring case, or containing it).
fn near<'a>(ids: &[&'a str], wanted: &str) -> Vec<&'a str> {
    let w = wanted.to_ascii_lowercase();
    ids.iter()
        .copied()
        .filter(|id| {
            let l = id.to_ascii_lowercase();
            l == w || l.contains(&w) || w.contains(&l)
        })
        .take(5)
        .collect()
}

/// The values of `--connection`, parsed as `connkit test` parses them
/// ([`crate::contract::auth::parse_arg`]): given, from an environment variable, or one line
/// of stdin (at most one argument may read it).
fn connection_values(
    given: &[(String, Source)],
    stdin: &mut dyn BufRead,
) -> Result<Vec<(String, String)>, String> {
    let mut stdin_used = false;
    let mut out = Vec::new();
    for (name, source) in given {
        let value = match source {
            Source::Stdin => {
                if stdin_used {
                    return Err(
                        "only one --connection may read stdin (NAME=- or NAME=@stdin)".into(),
                    );
                }
                stdin_used = true;
                let mut line = String::new();
                stdin
                    .read_line(&mut line)
                    .map_err(|e| format!("--connection {name}: cannot read stdin: {e}"))?;
                line.trim_end_matches(['\n', '\r']).to_string()
            }
            Source::Literal(v) => v.clone(),
            Source::Env(var) => std::env::var(var).map_err(|_| {
                format!("--connection {name}: the environment variable {var} is not set")
            })?,
        };
        out.push((name.clone(), value));
    }
    Ok(out)
}

/// Run the session: the `--connection` values first (a line of `stdin` when one asks for
/// it), then the request.
pub(crate) fn run(
    input: &RequestInput,
    stdin: &mut dyn BufRead,
) -> Result<RequestOutcome, RequestError> {
    let connections = connection_values(&input.connections, stdin).map_err(usage)?;
    let display = input.dir.display().to_string();
    let connector = if input.dir.is_file() {
        Connector::load_file(&input.dir, display.clone())
    } else if input.dir.is_dir() {
        Connector::load_dir(&input.dir, display.clone())
    } else {
        return Err(RequestError {
            kind: "io",
            message: format!("{display}: no such connector folder or definition file"),
        });
    };
    let Some(def) = connector.definition.as_ref() else {
        return Err(RequestError {
            kind: "io",
            message: format!("{display}: no apiDefinition.swagger.json found"),
        });
    };
    let Some(root) = def.value.as_ref() else {
        let why = def
            .issues
            .first()
            .map(|i| i.message.clone())
            .unwrap_or_else(|| "it could not be read".into());
        return Err(RequestError {
            kind: "parse",
            message: format!("{}: {why}", def.rel_path),
        });
    };
    let props = connector.properties_value();
    let connection = crate::contract::auth::Connection::new(connections.clone(), props, root);
    if let Some(message) = connection.unredactable(props, root) {
        return Err(usage(message));
    }
    let sw = Swagger::new(root);
    let Some(op) = sw.operation_by_id(&input.operation_id) else {
        let ids: Vec<&str> = sw
            .operations
            .iter()
            .filter_map(|o| o.operation_id)
            .collect();
        let hint = match near(&ids, &input.operation_id).as_slice() {
            [] if ids.is_empty() => " (the definition has no operationId)".to_string(),
            [] => format!(
                " (operations: {})",
                ids.iter().take(20).copied().collect::<Vec<_>>().join(", ")
            ),
            close => format!(" (did you mean {}?)", close.join(", ")),
        };
        return Err(usage(format!(
            "no operation '{}' in {}{hint}",
            input.operation_id, def.rel_path
        )));
    };
    let inputs = Inputs {
        params: input.params.clone(),
        headers: input.headers.clone(),
    };
    let mut req = request::build(&sw, op, &inputs).map_err(|e| usage(e.to_string()))?;
    let mut notes = request::apply_security(root, &connections, &mut req);
    let policies = Policies::from_properties(props);
    let id = Some(input.operation_id.as_str());
    let before = policies
        .apply_request(id, &mut req, &connections)
        .map_err(|e| usage(e.to_string()))?;
    notes.extend(before.notes);
    let mut applied = before.policies;
    let response =
        match &input.response {
            None => {
                for inst in policies.for_operation(id) {
                    if inst.section != crate::policies::Section::Request {
                        applied.push(Applied {
                            template_id: inst.template_id.to_string(),
                            title: inst.title.to_string(),
                            pointer: inst.pointer.clone(),
                            section: inst.section,
                            applied: false,
                            changes: Vec::new(),
                            note: Some(if inst.section == crate::policies::Section::Failure {
                                "the Failure section runs when the call fails; not simulated".into()
                            } else {
                                "runs on the response: give --response FILE to apply it".into()
                            }),
                        });
                    }
                }
                None
            }
            Some(path) => {
                let bytes = crate::fsx::read_in_folder(path, crate::model::MAX_FILE_BYTES)
                    .map_err(|e| RequestError {
                        kind: "io",
                        message: format!("{}: {e}", path.display()),
                    })?;
                let v: Value = serde_json::from_slice(&bytes).map_err(|e| RequestError {
                    kind: "parse",
                    message: format!("{}: not JSON ({e})", path.display()),
                })?;
                let mut resp = Response::from_json(&v).map_err(|m| RequestError {
                    kind: "usage",
                    message: format!("{}: {m}", path.display()),
                })?;
                let after = policies
                    .apply_response(id, &req, &mut resp, &connections)
                    .map_err(|e| usage(e.to_string()))?;
                notes.extend(after.notes);
                applied.extend(after.policies);
                Some(resp)
            }
        };
    // Array order, whichever section.
    applied.sort_by_key(|a| {
        a.pointer
            .rsplit('/')
            .next()
            .and_then(|i| i.parse::<usize>().ok())
            .unwrap_or(usize::MAX)
    });
    if req.host.is_empty() {
        notes.push("the definition has no host and no policy sets one: the URL has no host".into());
    }
    Ok(RequestOutcome {
        operation_id: input.operation_id.clone(),
        request: req,
        policies: applied,
        response,
        notes,
    })
}
