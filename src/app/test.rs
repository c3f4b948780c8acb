//! The session behind `connkit test`: read the connector, the plan and the connection values
//! (environment, stdin), pick the transport (the live API, or `--replay`), run the operations
//! ([`crate::contract::run`]), write the `--record` file, and hand back the outcome. The CLI
//! only turns arguments into a [`TestRequest`] and the outcome into output and an exit code.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::contract::auth::{self, Connection, Source};
use crate::contract::inputs::{MAX_PLAN_BYTES, Plan};
use crate::contract::transport::{self, Live, Transport};
use crate::contract::{TestOutcome, har, run};
use crate::model::Connector;
use crate::model::swagger::Swagger;
use crate::submit::http::check_url;

/// What to test and how: everything `connkit test` takes except the output format.
#[derive(Debug, Clone, Default)]
pub(crate) struct TestRequest {
    /// The connector folder (or its definition file).
    pub(crate) dir: PathBuf,
    /// Replaces the definition's scheme, host and basePath.
    pub(crate) base_url: String,
    /// `NAME=VALUE`, `NAME=@env:VAR`, `NAME=@stdin`.
    pub(crate) connections: Vec<String>,
    pub(crate) plan: Option<PathBuf>,
    /// Only these operations (empty: all).
    pub(crate) operations: Vec<String>,
    pub(crate) record: Option<PathBuf>,
    pub(crate) replay: Option<PathBuf>,
    /// Timeout of one request.
    pub(crate) timeout: Duration,
}

/// Why a session could not run: a usage error, a file that cannot be read or written, or an
/// API that does not answer. All exit 2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum TestError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Network(String),
}

impl TestError {
    /// The `kind` of the JSON error document.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            TestError::Usage(_) => "usage",
            TestError::Io(_) => "io",
            TestError::Network(_) => "service",
        }
    }
}

/// What a session produced.
#[derive(Debug)]
pub(crate) struct TestSession {
    pub(crate) outcome: TestOutcome,
    /// The recording written (`--record`).
    pub(crate) recorded: Option<PathBuf>,
    /// Things the user should know (a literal secret on the command line, missing credentials).
    pub(crate) warnings: Vec<String>,
}

impl TestSession {
    /// 0 every operation that ran passed, 1 one failed.
    pub(crate) fn exit_status(&self) -> u8 {
        if self.outcome.summary.failed > 0 {
            super::EXIT_FINDINGS
        } else {
            super::EXIT_CLEAN
        }
    }
}

/// Resolve the `--connection` arguments: environment variables and stdin lines read, every
/// secret registered for redaction before anything else happens.
fn connection_values(
    args: &[String],
    properties: Option<&Value>,
    stdin: &mut dyn BufRead,
    warnings: &mut Vec<String>,
) -> Result<Vec<(String, String)>, TestError> {
    let mut out = Vec::new();
    for a in args {
        let (name, source) = auth::parse_arg(a).map_err(TestError::Usage)?;
        let value = match source {
            Source::Literal(v) => {
                if auth::is_secret(properties, &name) {
                    auth::register(&v);
                    warnings.push(format!(
                        "--connection {name}: a secret on the command line lands in shell history and process lists; use {name}=@env:VARIABLE or {name}=@stdin"
                    ));
                }
                v
            }
            Source::Env(var) => std::env::var(&var).map_err(|_| {
                TestError::Usage(format!(
                    "--connection {name}=@env:{var}: the environment variable {var} is not set (or not UTF-8)"
                ))
            })?,
            Source::Stdin => {
                let mut line = String::new();
                stdin
                    .read_line(&mut line)
                    .map_err(|e| TestError::Io(format!("--connection {name}=@stdin: {e}")))?;
                let v = line.trim_end_matches(['\n', '\r']).to_string();
                if v.is_empty() {
                    return Err(TestError::Usage(format!(
                        "--connection {name}=@stdin: stdin has no line for it"
                    )));
                }
                v
            }
        };
        if auth::is_secret(properties, &name) {
            auth::register(&value);
        }
        out.push((name, value));
    }
    Ok(out)
}

fn read_plan(path: &Path) -> Result<Plan, TestError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| TestError::Io(format!("--plan {}: {e}", path.display())))?;
    if !meta.is_file() || meta.len() > MAX_PLAN_BYTES {
        return Err(TestError::Usage(format!(
            "--plan {}: not a file of at most {} MiB",
            path.display(),
            MAX_PLAN_BYTES >> 20
        )));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| TestError::Io(format!("--plan {}: {e}", path.display())))?;
    let lower = path.to_string_lossy().to_ascii_lowercase();
    let yaml = lower.ends_with(".yaml") || lower.ends_with(".yml");
    Plan::parse(&text, yaml)
        .map_err(|e| TestError::Usage(format!("--plan {}: {e}", path.display())))
}

/// `host:port` of the hosts a request may go to: `--base-url`, the definition's `host`, and
/// literal hosts in the policies' URL templates.
fn allowed_hosts(base: &reqwest::Url, def: &Value, properties: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = transport::authority(base).into_iter().collect();
    if let Some(h) = def.get("host").and_then(Value::as_str) {
        for scheme in ["https", "http"] {
            if let Ok(u) = reqwest::Url::parse(&format!("{scheme}://{h}"))
                && let Some(a) = transport::authority(&u)
            {
                out.push(a);
            }
        }
    }
    let policies = properties
        .and_then(|p| p.pointer("/properties/policyTemplateInstances"))
        .and_then(Value::as_array);
    for p in policies.into_iter().flatten() {
        let Some(params) = p.get("parameters").and_then(Value::as_object) else {
            continue;
        };
        for v in params.values().filter_map(Value::as_str) {
            if v.contains('@') {
                continue;
            }
            if let Ok(u) = reqwest::Url::parse(v)
                && let Some(a) = transport::authority(&u)
            {
                out.push(a);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The operations custom code handles: `scriptOperations` of apiProperties when a script is
/// there (empty: every operation), `None` without a script.
fn script_operations(c: &Connector) -> Option<Vec<String>> {
    c.script.as_ref()?;
    let list = c
        .properties_value()
        .and_then(|p| p.pointer("/properties/scriptOperations"))
        .and_then(Value::as_array);
    Some(
        list.map(|l| {
            l.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default(),
    )
}

/// A replay sends nothing, so it needs no secret: every connection parameter apiProperties
/// declares (and the credentials the authentication reads) that was not given gets a
/// placeholder, so that policies reading `@connectionParameters(…)` build the same request
/// as when recording.
fn replay_placeholders(values: &mut Vec<(String, String)>, properties: Option<&Value>) {
    let declared = properties
        .and_then(|p| p.pointer("/properties/connectionParameters"))
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    let auth = ["api_key", "username", "password", "token"].map(String::from);
    for name in declared.into_iter().chain(auth) {
        if !values.iter().any(|(k, _)| k.eq_ignore_ascii_case(&name)) {
            values.push((name, "REDACTED".into()));
        }
    }
}

/// Run `connkit test`.
pub(crate) fn run(req: &TestRequest, stdin: &mut dyn BufRead) -> Result<TestSession, TestError> {
    if req.record.is_some() && req.replay.is_some() {
        return Err(TestError::Usage(
            "--record and --replay exclude each other: record once, then replay".into(),
        ));
    }
    let base = check_url(&req.base_url, "--base-url").map_err(TestError::Usage)?;
    if base.query().is_some() || base.fragment().is_some() {
        return Err(TestError::Usage(
            "--base-url: give scheme://host[:port][/basePath] without a query or fragment".into(),
        ));
    }
    let connector = if req.dir.is_file() {
        Connector::load_file(&req.dir, req.dir.display().to_string())
    } else if req.dir.is_dir() {
        Connector::load_dir(&req.dir, req.dir.display().to_string())
    } else {
        return Err(TestError::Io(format!(
            "{}: no such connector folder",
            req.dir.display()
        )));
    };
    let Some(def) = connector.definition_value() else {
        return Err(TestError::Usage(format!(
            "{}: no definition that parses (run `connkit lint` on it)",
            req.dir.display()
        )));
    };
    let properties = connector.properties_value();
    let sw = Swagger::new(def);
    let mut warnings = Vec::new();
    let mut values = connection_values(&req.connections, properties, stdin, &mut warnings)?;
    if req.replay.is_some() {
        replay_placeholders(&mut values, properties);
    }
    let connection = Connection::new(values, properties, def);
    if let Some(message) = connection.unredactable(properties, def) {
        return Err(TestError::Usage(message));
    }
    let plan = req.plan.as_deref().map(read_plan).transpose()?;
    if let Some(p) = &plan {
        let unknown = p.unknown_operations(&sw);
        if !unknown.is_empty() {
            return Err(TestError::Usage(format!(
                "the plan names operations the definition does not have: {}",
                unknown.join(", ")
            )));
        }
    }
    let labels: Vec<String> = sw.operations.iter().map(|o| o.label()).collect();
    let unknown: Vec<&str> = req
        .operations
        .iter()
        .filter(|o| !labels.contains(o))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(TestError::Usage(format!(
            "--operation: the definition has no operation {}",
            unknown.join(", ")
        )));
    }
    let mut transport: Box<dyn Transport> = match &req.replay {
        Some(dir) => Box::new(har::read(dir).map_err(TestError::Io)?),
        None => {
            if let Some(m) = connection.missing(def) {
                warnings.push(format!("{m}; requests are sent without it"));
            }
            let allowed = allowed_hosts(&base, def, properties);
            Box::new(
                Live::new(allowed, req.timeout, transport::loopback(&base))
                    .map_err(TestError::Io)?,
            )
        }
    };
    let policies = crate::policies::Policies::from_properties(properties);
    let opts = run::Options {
        base: &base,
        policies: &policies,
        operations: &req.operations,
        plan: plan.as_ref(),
        connection: &connection,
        script_operations: script_operations(&connector),
        replay: req.replay.is_some(),
        record: req.record.is_some(),
    };
    let result = run::run(&sw, &opts, transport.as_mut());
    if result.nothing_answered {
        return Err(TestError::Network(format!(
            "nothing answers at {}: {}",
            crate::submit::http::redact_url(&req.base_url),
            result.first_failure.unwrap_or_default()
        )));
    }
    let recorded = match (&req.record, &result.har) {
        (Some(dir), Some(text)) => Some(har::write(dir, text).map_err(TestError::Io)?),
        _ => None,
    };
    Ok(TestSession {
        outcome: result.outcome,
        recorded,
        warnings,
    })
}
