//! `connkit convert`: OpenAPI 3.0/3.1 (or Swagger 2.0) → a connector (Swagger 2.0 with the
//! `x-ms-*` extensions connectors need, plus apiProperties.json), and `connkit init`.
//!
//! Works on `serde_json::Value`: 3.1 is first normalised to 3.0 (type arrays → `nullable`,
//! `const` → `enum`, numeric exclusive bounds, schema `examples`), 3.0 input is also read
//! with `openapiv3` to report where it departs from the specification, then every part is
//! mapped. What cannot be mapped is reported as a [`Note`] with our own PascalCase code.

pub mod init;
pub mod names;

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use crate::model::FileKind;
use crate::model::pointer::join;
use crate::rules::{Profile, Severity};

/// Something the converter changed, lost or needs a human for; reported like a lint finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub code: &'static str,
    pub severity: Severity,
    /// The output file the pointer is in.
    pub file: FileKind,
    pub pointer: String,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub profile: Profile,
    pub title: Option<String>,
    pub host: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            profile: Profile::Custom,
            title: None,
            host: None,
        }
    }
}

#[derive(Debug)]
pub struct Output {
    pub definition: Value,
    pub properties: Value,
    pub notes: Vec<Note>,
}

/// Read an OpenAPI/Swagger description from JSON or YAML text.
pub fn parse_input(text: &str) -> Result<Value, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"));
    }
    let max = crate::model::parse::MAX_DEPTH;
    if crate::model::parse::yaml_nesting_exceeds(text, max).is_some() {
        return Err(format!("not valid YAML: it nests deeper than {max} levels"));
    }
    let v: Value = serde_yaml::from_str(text).map_err(|e| format!("not valid YAML: {e}"))?;
    Ok(v)
}

/// Convert a parsed description. Errors only when the input is not an API description.
pub fn convert(input: &Value, opts: &Options) -> Result<Output, String> {
    let Some(obj) = input.as_object() else {
        return Err("the document is not an object".into());
    };
    let mut notes = Vec::new();
    let version = obj
        .get("openapi")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut def = if let Some(v) = version.as_deref() {
        let mut doc = input.clone();
        if v.starts_with("3.1") {
            normalise_31(&mut doc, "", &mut 0);
            notes.push(note(
                "ConvertOpenApi31",
                Severity::Info,
                "",
                "OpenAPI 3.1 input was normalised to 3.0 first (type arrays, const, exclusive bounds, schema examples); JSON Schema keywords without a Swagger 2.0 equivalent are dropped".to_string(),
            ));
            if obj
                .get("webhooks")
                .is_some_and(|w| w.as_object().is_some_and(|m| !m.is_empty()))
            {
                notes.push(note("ConvertWebhooksDropped", Severity::Warning, "",
                    "the description's `webhooks` have no Swagger 2.0 equivalent and were dropped; model a webhook trigger with x-ms-trigger and x-ms-notification-content by hand".to_string()));
            }
        } else if v.starts_with("3.0") {
            if let Err(e) = serde_json::from_value::<openapiv3::OpenAPI>(doc.clone()) {
                notes.push(note(
                    "ConvertInputNotValid",
                    Severity::Warning,
                    "",
                    format!("the input does not fully match OpenAPI 3.0 ({e}); converting what can be understood"),
                ));
            }
        } else {
            return Err(format!(
                "unsupported OpenAPI version '{v}' (3.0 and 3.1 are supported)"
            ));
        }
        let mut cx = Cx {
            root: &doc,
            notes: &mut notes,
            opts,
            security_scopes: HashMap::new(),
            inlined: 0,
        };
        cx.document()
    } else if obj.get("swagger").and_then(Value::as_str) == Some("2.0") {
        input.clone()
    } else {
        return Err(
            "not an OpenAPI 3 or Swagger 2.0 description (no `openapi` or `swagger: \"2.0\"` key)"
                .into(),
        );
    };
    if version.is_some() {
        rewrite_refs(&mut def, 0);
    }
    sanitize(&mut def, &mut notes);
    let properties = enrich(&mut def, opts, &mut notes);
    let notes = cap_notes(notes);
    Ok(Output {
        definition: def,
        properties,
        notes,
    })
}

fn note(code: &'static str, severity: Severity, pointer: &str, message: String) -> Note {
    Note {
        code,
        severity,
        file: FileKind::Definition,
        pointer: pointer.to_string(),
        message,
    }
}

// ---------------------------------------------------------------------------------------
// 3.1 → 3.0 normalisation

fn normalise_31(v: &mut Value, key: &str, depth: &mut usize) {
    if *depth > 200 {
        return;
    }
    *depth += 1;
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(types)) = m.get("type").cloned() {
                let non_null: Vec<&Value> = types
                    .iter()
                    .filter(|t| t.as_str() != Some("null"))
                    .collect();
                let nullable = non_null.len() < types.len();
                if let [one] = non_null.as_slice() {
                    m.insert("type".into(), (*one).clone());
                } else {
                    m.remove("type");
                }
                if nullable {
                    m.insert("nullable".into(), Value::Bool(true));
                }
            }
            if let Some(c) = m.remove("const") {
                m.insert("enum".into(), Value::Array(vec![c]));
            }
            for (k, b) in [
                ("exclusiveMinimum", "minimum"),
                ("exclusiveMaximum", "maximum"),
            ] {
                if let Some(n) = m.get(k).filter(|x| x.is_number()).cloned() {
                    m.insert(b.into(), n);
                    m.insert(k.into(), Value::Bool(true));
                }
            }
            if key != "properties"
                && let Some(Value::Array(ex)) = m.get("examples").cloned()
            {
                m.remove("examples");
                if let Some(first) = ex.into_iter().next() {
                    m.entry("example").or_insert(first);
                }
            }
            for (k, child) in m.iter_mut() {
                normalise_31(child, k, depth);
            }
        }
        Value::Array(a) => {
            for child in a {
                normalise_31(child, "", depth);
            }
        }
        _ => {}
    }
    *depth -= 1;
}

// ---------------------------------------------------------------------------------------
// 3.0 → 2.0

struct Cx<'a, 'n> {
    root: &'a Value,
    notes: &'n mut Vec<Note>,
    opts: &'n Options,
    /// Scopes defined per OAuth scheme (to filter requirements).
    security_scopes: HashMap<String, HashSet<String>>,
    /// How many non-component references were inlined (bounded: inlining can blow up).
    inlined: usize,
}

const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

/// Keys of a 3.x schema with no Swagger 2.0 meaning.
const DROP_SCHEMA_KEYS: &[&str] = &[
    "nullable",
    "writeOnly",
    "deprecated",
    "const",
    "contentMediaType",
    "contentEncoding",
    "$schema",
    "$id",
    "$defs",
    "$comment",
    "unevaluatedProperties",
    "unevaluatedItems",
    "prefixItems",
    "if",
    "then",
    "else",
    "dependentRequired",
    "dependentSchemas",
    "patternProperties",
    "propertyNames",
    "examples",
    "contains",
    "minContains",
    "maxContains",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
];

/// Schema keys copied into a non-body parameter or a header.
const PRIMITIVE_KEYS: &[&str] = &[
    "type",
    "format",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
];

fn is_json_media(mt: &str) -> bool {
    let m = mt.to_ascii_lowercase();
    m.contains("json") || m == "*/*"
}

fn status_of(code: &str) -> Option<String> {
    if code == "default" {
        return Some(code.into());
    }
    let up = code.to_ascii_uppercase();
    if up.len() == 3 && up.ends_with("XX") && up.starts_with(['1', '2', '3', '4', '5']) {
        return Some(format!("{}00", &up[..1]));
    }
    if code.len() == 3
        && code.chars().all(|c| c.is_ascii_digit())
        && (100..600).contains(&code.parse::<u32>().unwrap_or(0))
    {
        return Some(code.into());
    }
    None
}

impl<'a> Cx<'a, '_> {
    fn note(&mut self, code: &'static str, severity: Severity, pointer: &str, message: String) {
        self.notes.push(note(code, severity, pointer, message));
    }

    /// Follow local `$ref`s (bounded), returning the target and the last ref followed.
    fn resolve(&self, mut v: &'a Value) -> (&'a Value, Option<&'a str>) {
        let mut last = None;
        for _ in 0..16 {
            match v.get("$ref").and_then(Value::as_str) {
                Some(r) if r.starts_with('#') => {
                    last = Some(r);
                    match self.root.pointer(&r[1..]) {
                        Some(t) => v = t,
                        None => return (&Value::Null, last),
                    }
                }
                _ => return (v, last),
            }
        }
        (&Value::Null, last)
    }

    fn document(&mut self) -> Value {
        let root = self.root;
        let mut out = Map::new();
        out.insert("swagger".into(), json!("2.0"));
        let mut info = Map::new();
        if let Some(i) = root.get("info").and_then(Value::as_object) {
            for (k, v) in i {
                match k.as_str() {
                    "summary" => {}
                    "license" => {
                        let mut l = v.clone();
                        if let Some(m) = l.as_object_mut() {
                            m.remove("identifier");
                        }
                        info.insert(k.clone(), l);
                    }
                    _ => {
                        info.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        out.insert("info".into(), Value::Object(info));
        self.servers(&mut out);
        let mut consumes_all: Vec<String> = Vec::new();
        let mut produces_all: Vec<String> = Vec::new();
        let mut paths = Map::new();
        let mut shapes: HashMap<(String, &str), String> = HashMap::new();
        let mut lower_paths: HashMap<String, String> = HashMap::new();
        if let Some(ps) = root.get("paths").and_then(Value::as_object) {
            for (path, item) in ps {
                let pptr = join("/paths", path);
                if path.starts_with("x-") {
                    paths.insert(path.clone(), item.clone());
                    continue;
                }
                if !path.starts_with('/')
                    || path.contains(['?', '#', '*'])
                    || crate::rules::operations::template_variables(path).is_err()
                {
                    self.note("ConvertPathDropped", Severity::Warning, "/paths",
                        format!("path '{path}' cannot be expressed in a connector (query string, fragment, wildcard or invalid template) and was dropped"));
                    continue;
                }
                let mut path = path.clone();
                if let Some(prev) = lower_paths.get(&path.to_lowercase()) {
                    // Same path in another letter case: merge into the first spelling.
                    path = prev.clone();
                } else {
                    lower_paths.insert(path.to_lowercase(), path.clone());
                }
                let (item, item_ref) = self.resolve(item);
                if item_ref.is_some() {
                    self.note("ConvertPathItemRefInlined", Severity::Info, &pptr, "the path item `$ref` was inlined (connectors do not support path item references)".into());
                }
                let Some(item) = item.as_object() else {
                    continue;
                };
                let vars: Vec<String> = crate::rules::operations::template_variables(&path)
                    .unwrap_or_default()
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                let mut pitem = paths
                    .get(&path)
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let path_params: Vec<&'a Value> = item
                    .get("parameters")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().collect())
                    .unwrap_or_default();
                if item.get("servers").is_some() {
                    self.note(
                        "ConvertServersIgnored",
                        Severity::Info,
                        &pptr,
                        "path-level `servers` are not supported by connectors and were ignored"
                            .into(),
                    );
                }
                for (k, v) in item {
                    if k.starts_with("x-") {
                        pitem.insert(k.clone(), v.clone());
                    }
                    if k == "trace" {
                        self.note("ConvertMethodDropped", Severity::Warning, &pptr, format!("TRACE {path} was dropped: connectors support get, put, post, delete, patch, head and options"));
                    }
                }
                for m in METHODS {
                    let Some(op) = item.get(*m).filter(|o| o.is_object()) else {
                        continue;
                    };
                    let optr = join(&join("/paths", &path), m);
                    let key = (crate::rules::operations::shape(&path), *m);
                    if let Some(prev) = shapes.get(&key) {
                        self.note("ConvertOperationDropped", Severity::Warning, "/paths",
                            format!("{} {path} duplicates {} {prev} (same route with other variable names) and was dropped", m.to_uppercase(), m.to_uppercase()));
                        continue;
                    }
                    if pitem.contains_key(*m) {
                        self.note("ConvertOperationDropped", Severity::Warning, &optr,
                            format!("{} {path} is defined again under another letter case and was dropped", m.to_uppercase()));
                        continue;
                    }
                    shapes.insert(key, path.clone());
                    let (o, c, p) = self.operation(&path, &vars, op, &path_params, &optr);
                    for x in c {
                        if !consumes_all.contains(&x) {
                            consumes_all.push(x);
                        }
                    }
                    for x in p {
                        if !produces_all.contains(&x) {
                            produces_all.push(x);
                        }
                    }
                    pitem.insert(m.to_string(), o);
                }
                if pitem.keys().any(|k| METHODS.contains(&k.as_str()))
                    || pitem.keys().any(|k| k.starts_with("x-"))
                {
                    paths.insert(path.clone(), Value::Object(pitem));
                }
            }
        }
        let comp = root.get("components");
        // definitions
        let mut defs = Map::new();
        if let Some(s) = comp
            .and_then(|c| c.get("schemas"))
            .and_then(Value::as_object)
        {
            for (name, sch) in s {
                let p = join("/definitions", name);
                let converted = self.schema(sch, &p, 0);
                defs.insert(name.clone(), converted);
            }
        }
        let mut params = Map::new();
        if let Some(s) = comp
            .and_then(|c| c.get("parameters"))
            .and_then(Value::as_object)
        {
            for (name, p) in s {
                let ptr = join("/parameters", name);
                if let Some(v) = self.parameter(p, &ptr, None) {
                    params.insert(name.clone(), v);
                }
            }
        }
        let mut resps = Map::new();
        if let Some(s) = comp
            .and_then(|c| c.get("responses"))
            .and_then(Value::as_object)
        {
            for (name, r) in s {
                let ptr = join("/responses", name);
                let (v, _) = self.response(r, &ptr, "Response");
                resps.insert(name.clone(), v);
            }
        }
        for (k, what) in [
            ("callbacks", "callbacks"),
            ("links", "links"),
            ("examples", "named examples"),
        ] {
            if comp
                .and_then(|c| c.get(k))
                .is_some_and(|v| v.as_object().is_some_and(|m| !m.is_empty()))
            {
                self.note(
                    "ConvertComponentsDropped",
                    Severity::Info,
                    "",
                    format!(
                        "components/{k} ({what}) have no Swagger 2.0 equivalent and were dropped"
                    ),
                );
            }
        }
        let consumes = if consumes_all.is_empty() {
            vec!["application/json".to_string()]
        } else {
            consumes_all
        };
        let produces = if produces_all.is_empty() {
            vec!["application/json".to_string()]
        } else {
            produces_all
        };
        out.insert("consumes".into(), json!(consumes));
        out.insert("produces".into(), json!(produces));
        out.insert("paths".into(), Value::Object(paths));
        out.insert("definitions".into(), Value::Object(defs));
        out.insert("parameters".into(), Value::Object(params));
        out.insert("responses".into(), Value::Object(resps));
        self.security(&mut out);
        if let Some(t) = root.get("tags") {
            out.insert("tags".into(), t.clone());
        }
        if let Some(d) = root.get("externalDocs") {
            out.insert("externalDocs".into(), d.clone());
        }
        if let Some(m) = root.as_object() {
            for (k, v) in m {
                if k.starts_with("x-") {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
        Value::Object(out)
    }

    fn servers(&mut self, out: &mut Map<String, Value>) {
        let servers: Vec<&Value> = self
            .root
            .get("servers")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let mut chosen: Option<(String, String, String)> = None;
        let mut others = Vec::new();
        for s in &servers {
            let Some(url) = s.get("url").and_then(Value::as_str) else {
                continue;
            };
            let mut url = url.to_string();
            if let Some(vars) = s.get("variables").and_then(Value::as_object) {
                for (k, v) in vars {
                    let d = v.get("default").and_then(Value::as_str).unwrap_or("");
                    url = url.replace(&format!("{{{k}}}"), d);
                }
            }
            match (chosen.is_none(), split_url(&url)) {
                (true, Some(parts)) => chosen = Some(parts),
                _ => others.push(url),
            }
        }
        let (scheme, mut host, base) = chosen.unwrap_or_else(|| {
            (
                "https".into(),
                String::new(),
                servers
                    .first()
                    .and_then(|s| s.get("url"))
                    .and_then(Value::as_str)
                    .filter(|u| u.starts_with('/'))
                    .unwrap_or("/")
                    .to_string(),
            )
        });
        if let Some(h) = &self.opts.host {
            host = h.clone();
        } else if host.is_empty() {
            host = "api.example.com".into();
            self.note("ConvertHostMissing", Severity::Warning, "/host",
                "no absolute server URL in the input: host is the placeholder 'api.example.com'; set it with --host".into());
        }
        if !others.is_empty() {
            self.note(
                "ConvertServerChosen",
                Severity::Info,
                "/host",
                format!(
                    "used the first server; connectors have one host, so these were not used: {}",
                    others.join(", ")
                ),
            );
        }
        out.insert("host".into(), json!(host));
        let base = match base.find(['{', '}', ' ']) {
            Some(i) => {
                self.note("ConvertBasePathTrimmed", Severity::Warning, "/basePath", format!("the server path '{base}' has variables without defaults; basePath keeps only '{}'", &base[..i]));
                base[..i].to_string()
            }
            None => base,
        };
        let base = base.trim_end_matches('/');
        out.insert(
            "basePath".into(),
            json!(if base.is_empty() { "/" } else { base }),
        );
        out.insert("schemes".into(), json!([scheme]));
    }

    fn operation(
        &mut self,
        path: &str,
        vars: &[String],
        op: &'a Value,
        path_params: &[&'a Value],
        optr: &str,
    ) -> (Value, Vec<String>, Vec<String>) {
        let mut o = Map::new();
        let mut consumes = Vec::new();
        for k in [
            "tags",
            "summary",
            "description",
            "operationId",
            "externalDocs",
            "deprecated",
        ] {
            if let Some(v) = op.get(k) {
                o.insert(k.into(), v.clone());
            }
        }
        let mut params = Vec::new();
        let mut names: HashSet<(String, String)> = HashSet::new();
        if let Some(ps) = op.get("parameters").and_then(Value::as_array) {
            for (i, p) in ps.iter().enumerate() {
                let ptr = format!("{optr}/parameters/{i}");
                let (t, _) = self.resolve(p);
                let key = (str_of(t, "name").to_string(), str_of(t, "in").to_string());
                if names.contains(&key) {
                    self.note(
                        "ConvertParameterDropped",
                        Severity::Warning,
                        &ptr,
                        format!(
                            "parameter '{}' in {} is declared twice; the second was dropped",
                            key.0, key.1
                        ),
                    );
                    continue;
                }
                if let Some(v) = self.parameter(p, &ptr, Some(vars)) {
                    names.insert(key);
                    params.push(v);
                }
            }
        }
        // Path-level parameters are merged into each operation (overridden by name + in).
        for p in path_params {
            let (t, _) = self.resolve(p);
            let key = (str_of(t, "name").to_string(), str_of(t, "in").to_string());
            if names.contains(&key) {
                continue;
            }
            if let Some(v) = self.parameter(p, optr, Some(vars)) {
                names.insert(key);
                params.push(v);
            }
        }
        for v in vars {
            if !names.contains(&(v.clone(), "path".to_string())) {
                self.note("ConvertPathParameterAdded", Severity::Warning, optr, format!("path variable '{{{v}}}' had no parameter; added a required string parameter"));
                params.push(json!({"name": v, "in": "path", "required": true, "type": "string"}));
            }
        }
        let fetch = optr.ends_with("/get") || optr.ends_with("/head");
        if fetch && op.get("requestBody").is_some() {
            self.note("ConvertRequestBodyDropped", Severity::Warning, optr, "a GET or HEAD operation cannot have a body in a connector; its request body was dropped".into());
        } else if let Some(rb) = op.get("requestBody") {
            let (ps, c) = self.request_body(rb, op, optr);
            params.extend(ps);
            consumes.extend(c);
        }
        if !params.is_empty() {
            o.insert("parameters".into(), Value::Array(params));
        }
        if !consumes.is_empty() {
            o.insert("consumes".into(), json!(consumes));
        }
        let mut produces = Vec::new();
        let mut responses = Map::new();
        if let Some(rs) = op.get("responses").and_then(Value::as_object) {
            for (code, r) in rs {
                if code.starts_with("x-") {
                    continue;
                }
                let Some(status) = status_of(code) else {
                    self.note(
                        "ConvertResponseDropped",
                        Severity::Warning,
                        optr,
                        format!("response '{code}' is not a status code and was dropped"),
                    );
                    continue;
                };
                if status != *code {
                    self.note(
                        "ConvertStatusRangeMapped",
                        Severity::Info,
                        &join(&join(optr, "responses"), &status),
                        format!(
                            "status range '{code}' became '{status}' (Swagger 2.0 has no ranges)"
                        ),
                    );
                }
                if responses.contains_key(&status) {
                    continue;
                }
                let rptr = join(&join(optr, "responses"), &status);
                let (v, p) = self.response(r, &rptr, &status);
                for x in p {
                    if !produces.contains(&x) {
                        produces.push(x);
                    }
                }
                responses.insert(status, v);
            }
        }
        if !responses.keys().any(|k| k.starts_with('2')) {
            self.note(
                "ConvertResponseAdded",
                Severity::Info,
                &join(optr, "responses"),
                "the operation had no success response; added '200'".into(),
            );
            responses.insert("200".into(), json!({"description": "OK"}));
        }
        o.insert("responses".into(), Value::Object(responses));
        if !produces.is_empty() {
            o.insert("produces".into(), json!(produces));
        }
        if op
            .get("callbacks")
            .is_some_and(|c| c.as_object().is_some_and(|m| !m.is_empty()))
        {
            self.note("ConvertCallbacksDropped", Severity::Warning, optr, format!("the callbacks of {path} were dropped; a webhook trigger needs x-ms-trigger and x-ms-notification-content written by hand"));
        }
        if op.get("servers").is_some() {
            self.note(
                "ConvertServersIgnored",
                Severity::Info,
                optr,
                "operation-level `servers` are not supported by connectors and were ignored".into(),
            );
        }
        if op.get("security").is_some() {
            self.note("ConvertOperationSecurityDropped", Severity::Info, optr, "operation-level `security` was dropped: a connector authenticates every call with its connection".into());
        }
        for (k, v) in op.as_object().into_iter().flatten() {
            if k.starts_with("x-") && k != "x-codegen-request-body-name" {
                o.insert(k.clone(), v.clone());
            }
        }
        (Value::Object(o), consumes, produces)
    }

    /// A 3.0 parameter → a 2.0 parameter (or `None` when it cannot exist in a connector).
    fn parameter(&mut self, p: &'a Value, ptr: &str, vars: Option<&[String]>) -> Option<Value> {
        let (t, r) = self.resolve(p);
        let name = str_of(t, "name").to_string();
        let loc = str_of(t, "in").to_string();
        if loc == "cookie" {
            self.note("ConvertCookieParameterDropped", Severity::Warning, ptr, format!("cookie parameter '{name}' was dropped: connectors cannot send cookies (a policy template can set a Cookie header)"));
            return None;
        }
        if let Some(vars) = vars
            && loc == "path"
            && !vars.contains(&name)
        {
            self.note(
                "ConvertParameterDropped",
                Severity::Warning,
                ptr,
                format!("path parameter '{name}' is not in the path template and was dropped"),
            );
            return None;
        }
        if !t.is_object() || name.is_empty() || !["query", "header", "path"].contains(&loc.as_str())
        {
            self.note(
                "ConvertParameterDropped",
                Severity::Warning,
                ptr,
                "a parameter without a usable name and location was dropped".into(),
            );
            return None;
        }
        if vars.is_some()
            && let Some(r) = r.and_then(|r| r.strip_prefix("#/components/parameters/"))
        {
            return Some(json!({"$ref": format!("#/parameters/{r}")}));
        }
        let mut o = Map::new();
        o.insert("name".into(), json!(name));
        o.insert("in".into(), json!(loc));
        let required = loc == "path" || t.get("required").and_then(Value::as_bool).unwrap_or(false);
        o.insert("required".into(), json!(required));
        if let Some(d) = t.get("description").and_then(Value::as_str) {
            o.insert("description".into(), json!(d));
        }
        let schema = if let Some(s) = t.get("schema") {
            s
        } else if let Some(c) = t.get("content").and_then(Value::as_object) {
            self.note(
                "ConvertParameterContent",
                Severity::Info,
                ptr,
                format!("parameter '{name}' is described by `content`; it became a string"),
            );
            c.values()
                .next()
                .and_then(|m| m.get("schema"))
                .unwrap_or(&Value::Null)
        } else {
            &Value::Null
        };
        self.flatten(schema, &mut o, ptr, &name);
        if o.get("type").and_then(Value::as_str) == Some("array") {
            let style = str_of(t, "style");
            let explode = t
                .get("explode")
                .and_then(Value::as_bool)
                .unwrap_or(style.is_empty() || style == "form");
            let cf = match (style, explode, loc.as_str()) {
                ("spaceDelimited", _, _) => "ssv",
                ("pipeDelimited", _, _) => "pipes",
                ("form" | "", true, "query") => "multi",
                _ => "csv",
            };
            o.insert("collectionFormat".into(), json!(cf));
        }
        if t.get("allowEmptyValue").and_then(Value::as_bool) == Some(true) && loc == "query" {
            o.insert("allowEmptyValue".into(), json!(true));
        }
        if loc == "path" {
            o.insert("x-ms-url-encoding".into(), json!("single"));
        }
        for (k, v) in t.as_object().into_iter().flatten() {
            if k.starts_with("x-") {
                o.insert(k.clone(), v.clone());
            }
        }
        Some(Value::Object(o))
    }

    /// Copy a schema's primitive shape into a non-body parameter or header.
    fn flatten(&mut self, schema: &'a Value, o: &mut Map<String, Value>, ptr: &str, name: &str) {
        let (s, _) = self.resolve(schema);
        let s = self.collapse_alternatives(s);
        let ty = str_of(&s, "type").to_string();
        let complex = ty == "object" || s.get("properties").is_some() || s.get("allOf").is_some();
        if complex {
            self.note("ConvertComplexParameter", Severity::Warning, ptr, format!("parameter '{name}' has an object schema; it became a string (serialise it yourself)"));
            o.insert("type".into(), json!("string"));
            return;
        }
        for k in PRIMITIVE_KEYS {
            if let Some(v) = s.get(*k) {
                o.insert((*k).into(), v.clone());
            }
        }
        if !matches!(
            ty.as_str(),
            "string" | "number" | "integer" | "boolean" | "array"
        ) {
            o.insert("type".into(), json!("string"));
        }
        if s.get("nullable").and_then(Value::as_bool) == Some(true) {
            o.insert("x-nullable".into(), json!(true));
        }
        if ty == "array" {
            let mut items = Map::new();
            let it = s.get("items").cloned().unwrap_or(Value::Null);
            let (it, _) = self.resolve_owned(&it);
            let it = self.collapse_alternatives(&it);
            for k in PRIMITIVE_KEYS {
                if let Some(v) = it.get(*k) {
                    items.insert((*k).into(), v.clone());
                }
            }
            if !matches!(
                str_of(&it, "type"),
                "string" | "number" | "integer" | "boolean"
            ) {
                items.insert("type".into(), json!("string"));
                items.remove("format");
            }
            o.insert("items".into(), Value::Object(items));
        }
    }

    fn resolve_owned(&self, v: &Value) -> (Value, bool) {
        let mut v = v.clone();
        for _ in 0..16 {
            match v.get("$ref").and_then(Value::as_str) {
                Some(r) if r.starts_with('#') => match self.root.pointer(&r[1..]) {
                    Some(t) => v = t.clone(),
                    None => return (Value::Null, true),
                },
                _ => return (v, true),
            }
        }
        (Value::Null, true)
    }

    /// For parameters: a oneOf/anyOf of one non-null alternative becomes that alternative.
    fn collapse_alternatives(&self, s: &Value) -> Value {
        for k in ["oneOf", "anyOf"] {
            if let Some(alts) = s.get(k).and_then(Value::as_array) {
                let real: Vec<Value> = alts
                    .iter()
                    .map(|a| self.resolve(a).0.clone())
                    .filter(|a| str_of(a, "type") != "null")
                    .collect();
                if let Some(first) = real.first() {
                    return first.clone();
                }
            }
        }
        s.clone()
    }

    fn request_body(
        &mut self,
        rb: &'a Value,
        op: &'a Value,
        optr: &str,
    ) -> (Vec<Value>, Vec<String>) {
        let (rb, _) = self.resolve(rb);
        let Some(content) = rb.get("content").and_then(Value::as_object) else {
            return (Vec::new(), Vec::new());
        };
        let required = rb.get("required").and_then(Value::as_bool).unwrap_or(false);
        let pick = content
            .keys()
            .find(|k| is_json_media(k))
            .or_else(|| {
                content
                    .keys()
                    .find(|k| k.starts_with("application/x-www-form-urlencoded"))
            })
            .or_else(|| {
                content
                    .keys()
                    .find(|k| k.starts_with("multipart/form-data"))
            })
            .or_else(|| content.keys().next());
        let Some(mt) = pick else {
            return (Vec::new(), Vec::new());
        };
        if content.len() > 1 {
            let others: Vec<&str> = content
                .keys()
                .filter(|k| *k != mt)
                .map(String::as_str)
                .collect();
            self.note(
                "ConvertMediaTypeChosen",
                Severity::Info,
                optr,
                format!(
                    "request body as '{mt}'; other media types not kept: {}",
                    others.join(", ")
                ),
            );
        }
        let media = content.get(mt).unwrap_or(&Value::Null);
        let schema = media.get("schema").unwrap_or(&Value::Null);
        if mt.starts_with("application/x-www-form-urlencoded")
            || mt.starts_with("multipart/form-data")
        {
            let (s, _) = self.resolve(schema);
            let req: Vec<&str> = s
                .get("required")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut out = Vec::new();
            for (name, ps) in s
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let mut o = Map::new();
                o.insert("name".into(), json!(name));
                o.insert("in".into(), json!("formData"));
                o.insert("required".into(), json!(req.contains(&name.as_str())));
                let (pt, _) = self.resolve(ps);
                if let Some(d) = pt.get("description").and_then(Value::as_str) {
                    o.insert("description".into(), json!(d));
                }
                if str_of(pt, "format") == "binary"
                    || str_of(pt, "format") == "base64" && mt.starts_with("multipart")
                {
                    o.insert("type".into(), json!("file"));
                } else {
                    self.flatten(ps, &mut o, optr, name);
                    if o.get("type").and_then(Value::as_str) == Some("array") {
                        o.insert("collectionFormat".into(), json!("multi"));
                    }
                }
                out.push(Value::Object(o));
            }
            if out.is_empty() {
                self.note("ConvertRequestBodyDropped", Severity::Warning, optr, format!("the '{mt}' request body has no properties to become form fields and was dropped"));
            }
            return (out, vec![mt.to_string()]);
        }
        let name = op
            .get("x-codegen-request-body-name")
            .and_then(Value::as_str)
            .unwrap_or("body");
        let mut o = Map::new();
        o.insert("name".into(), json!(name));
        o.insert("in".into(), json!("body"));
        o.insert("required".into(), json!(required));
        if let Some(d) = rb.get("description").and_then(Value::as_str) {
            o.insert("description".into(), json!(d));
        }
        let sch = if schema.is_null() {
            json!({"type": "string", "format": "binary"})
        } else {
            self.schema(schema, &format!("{optr}/parameters"), 0)
        };
        o.insert("schema".into(), sch);
        (vec![Value::Object(o)], vec![mt.to_string()])
    }

    fn response(&mut self, r: &'a Value, ptr: &str, status: &str) -> (Value, Vec<String>) {
        if let Some(rr) = r.get("$ref").and_then(Value::as_str)
            && let Some(name) = rr.strip_prefix("#/components/responses/")
            && self.resolve(r).0.is_object()
        {
            let (t, _) = self.resolve(r);
            let produces = t
                .get("content")
                .and_then(Value::as_object)
                .map(|c| {
                    c.keys()
                        .filter(|k| is_json_media(k))
                        .take(1)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            return (json!({"$ref": format!("#/responses/{name}")}), produces);
        }
        let (r, _) = self.resolve(r);
        let mut o = Map::new();
        let desc = r
            .get("description")
            .and_then(Value::as_str)
            .filter(|d| !d.trim().is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| default_description(status));
        o.insert("description".into(), json!(desc));
        let mut produces = Vec::new();
        if let Some(content) = r.get("content").and_then(Value::as_object) {
            let pick = content
                .keys()
                .find(|k| is_json_media(k))
                .or_else(|| content.keys().next());
            if let Some(mt) = pick {
                let media = content.get(mt).unwrap_or(&Value::Null);
                if let Some(s) = media.get("schema") {
                    let sch = self.schema(s, &join(ptr, "schema"), 0);
                    o.insert("schema".into(), sch);
                }
                let produced = if mt == "*/*" {
                    "application/json".to_string()
                } else {
                    mt.clone()
                };
                if let Some(ex) = media.get("example") {
                    o.insert("examples".into(), json!({produced.clone(): ex}));
                }
                produces.push(produced);
            }
        }
        if let Some(hs) = r.get("headers").and_then(Value::as_object) {
            let mut headers = Map::new();
            for (name, h) in hs {
                let (h, _) = self.resolve(h);
                let mut ho = Map::new();
                if let Some(d) = h.get("description").and_then(Value::as_str) {
                    ho.insert("description".into(), json!(d));
                }
                let s = h.get("schema").unwrap_or(&Value::Null);
                self.flatten(s, &mut ho, ptr, name);
                headers.insert(name.clone(), Value::Object(ho));
            }
            if !headers.is_empty() {
                o.insert("headers".into(), Value::Object(headers));
            }
        }
        if r.get("links")
            .is_some_and(|l| l.as_object().is_some_and(|m| !m.is_empty()))
        {
            self.note(
                "ConvertLinksDropped",
                Severity::Info,
                ptr,
                "response `links` have no Swagger 2.0 equivalent and were dropped".into(),
            );
        }
        (Value::Object(o), produces)
    }

    /// A 3.0 schema → a 2.0 schema.
    fn schema(&mut self, s: &'a Value, ptr: &str, depth: usize) -> Value {
        if depth > 64 {
            return json!({});
        }
        let Some(m) = s.as_object() else {
            return if s.as_bool() == Some(false) {
                json!({"type": "string"})
            } else {
                json!({})
            };
        };
        if let Some(r) = m.get("$ref").and_then(Value::as_str) {
            if let Some(name) = r
                .strip_prefix("#/components/schemas/")
                .filter(|n| !n.contains('/'))
            {
                if self.root.pointer(&r[1..]).is_none() {
                    self.note(
                        "ConvertRefBroken",
                        Severity::Warning,
                        ptr,
                        format!("reference '{r}' does not resolve; replaced by an empty schema"),
                    );
                    return json!({});
                }
                return json!({"$ref": format!("#/definitions/{name}")});
            }
            if r.starts_with('#') {
                let (t, _) = self.resolve(s);
                if t.is_null() {
                    self.note(
                        "ConvertRefBroken",
                        Severity::Warning,
                        ptr,
                        format!("reference '{r}' does not resolve; replaced by an empty schema"),
                    );
                    return json!({});
                }
                self.inlined += 1;
                if self.inlined > 20_000 {
                    if self.inlined == 20_001 {
                        self.note(
                            "ConvertSchemaSimplified",
                            Severity::Warning,
                            ptr,
                            "too many inlined references; the rest became empty schemas".into(),
                        );
                    }
                    return json!({});
                }
                return self.schema(t, ptr, depth + 1);
            }
            self.note("ConvertExternalRef", Severity::Warning, ptr, format!("external reference '{r}' is not supported; replaced by an empty schema (bundle the description first)"));
            return json!({});
        }
        let mut o = Map::new();
        for (k, v) in m {
            match k.as_str() {
                "properties" => {
                    let mut props = Map::new();
                    for (pk, pv) in v.as_object().into_iter().flatten() {
                        if pk == "$ref" {
                            // Tools read a `$ref` key as a reference wherever it appears.
                            self.note("ConvertPropertyDropped", Severity::Warning, ptr, "a property named '$ref' cannot be described in a connector and was dropped".into());
                            continue;
                        }
                        let pp = join(&join(ptr, "properties"), pk);
                        props.insert(pk.clone(), self.schema(pv, &pp, depth + 1));
                    }
                    o.insert(k.clone(), Value::Object(props));
                }
                "items" => {
                    let it = if v.is_array() {
                        self.note(
                            "ConvertSchemaSimplified",
                            Severity::Info,
                            ptr,
                            "tuple `items` became the first item's schema".into(),
                        );
                        v.get(0)
                            .map(|f| self.schema(f, &join(ptr, "items"), depth + 1))
                            .unwrap_or_else(|| json!({}))
                    } else {
                        self.schema(v, &join(ptr, "items"), depth + 1)
                    };
                    o.insert(k.clone(), it);
                }
                "additionalProperties" => {
                    let ap = if v.is_boolean() {
                        v.clone()
                    } else {
                        self.schema(v, &join(ptr, k), depth + 1)
                    };
                    o.insert(k.clone(), ap);
                }
                "allOf" => {
                    let list: Vec<Value> = v
                        .as_array()
                        .into_iter()
                        .flatten()
                        .enumerate()
                        .map(|(i, x)| self.schema(x, &format!("{ptr}/allOf/{i}"), depth + 1))
                        .collect();
                    o.insert(k.clone(), Value::Array(list));
                }
                "oneOf" | "anyOf" => {}
                "not" => {
                    self.note(
                        "ConvertSchemaSimplified",
                        Severity::Info,
                        ptr,
                        "`not` has no Swagger 2.0 equivalent and was dropped".into(),
                    );
                }
                "discriminator" => {
                    if let Some(pn) = v.get("propertyName").and_then(Value::as_str) {
                        if m.get("properties").and_then(|p| p.get(pn)).is_some() {
                            o.insert(k.clone(), json!(pn));
                        }
                    } else if v.is_string() {
                        o.insert(k.clone(), v.clone());
                    }
                }
                "nullable" if v.as_bool() == Some(true) => {
                    o.insert("x-nullable".into(), json!(true));
                }
                "required"
                    if v.as_array()
                        .is_some_and(|a| a.iter().any(|x| x.as_str() != Some("$ref"))) =>
                {
                    let kept: Vec<Value> = v
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|x| x.as_str() != Some("$ref"))
                        .cloned()
                        .collect();
                    o.insert(k.clone(), Value::Array(kept));
                }
                "type" if v.is_string() && str_of(s, "type") != "null" => {
                    o.insert(k.clone(), v.clone());
                }
                "xml" | "externalDocs" | "example" | "title" | "description" | "format"
                | "default" | "enum" | "readOnly" | "minimum" | "maximum" | "exclusiveMinimum"
                | "exclusiveMaximum" | "minLength" | "maxLength" | "pattern" | "minItems"
                | "maxItems" | "uniqueItems" | "multipleOf" | "minProperties" | "maxProperties" => {
                    o.insert(k.clone(), v.clone());
                }
                _ if k.starts_with("x-") => {
                    o.insert(k.clone(), v.clone());
                }
                _ if DROP_SCHEMA_KEYS.contains(&k.as_str()) => {}
                _ => {}
            }
        }
        for k in ["oneOf", "anyOf"] {
            if let Some(alts) = m.get(k).and_then(Value::as_array) {
                self.alternatives(k, alts, &mut o, ptr, depth);
            }
        }
        Value::Object(o)
    }

    /// oneOf/anyOf → the closest single shape, with a note saying what was lost.
    fn alternatives(
        &mut self,
        kw: &str,
        alts: &'a [Value],
        o: &mut Map<String, Value>,
        ptr: &str,
        depth: usize,
    ) {
        // `{"type": "null"}` and a bare `{"type": "object", "nullable": true}` (the OData
        // pattern for "this reference or null") add no shape, only nullability.
        let no_shape = |a: &Value| {
            str_of(a, "type") == "null"
                || (matches!(str_of(a, "type"), "object" | "")
                    && a.as_object().is_some_and(|m| {
                        m.keys().all(|k| {
                            matches!(k.as_str(), "type" | "nullable" | "description" | "title")
                        })
                    }))
        };
        let real: Vec<&'a Value> = alts.iter().filter(|a| !no_shape(a)).collect();
        if real.len() < alts.len() {
            o.insert("x-nullable".into(), json!(true));
        }
        match real.as_slice() {
            [] => {}
            [one] => {
                // A single alternative: the schema is that alternative (refs through allOf).
                let c = self.schema(one, ptr, depth + 1);
                if c.get("$ref").is_some() && o.is_empty() {
                    o.insert("allOf".into(), json!([c]));
                } else if c.get("$ref").is_some() {
                    if let Some(a) = o.entry("allOf").or_insert(json!([])).as_array_mut() {
                        a.push(c);
                    }
                } else if let Value::Object(cm) = c {
                    for (k, v) in cm {
                        o.entry(k).or_insert(v);
                    }
                }
            }
            many => {
                let resolved: Vec<&'a Value> = many.iter().map(|a| self.resolve(a).0).collect();
                let types: HashSet<&str> = resolved
                    .iter()
                    .map(|r| {
                        let t = str_of(r, "type");
                        if t.is_empty()
                            && (r.get("properties").is_some() || r.get("allOf").is_some())
                        {
                            "object"
                        } else {
                            t
                        }
                    })
                    .collect();
                let width: usize = resolved
                    .iter()
                    .map(|r| {
                        r.get("properties")
                            .and_then(Value::as_object)
                            .map_or(0, |m| m.len())
                    })
                    .sum();
                if types.len() == 1 && types.contains("object") && width > 200 {
                    // Too wide to inline at every use: keep the first alternative.
                    let c = self.schema(many[0], ptr, depth + 1);
                    if c.get("$ref").is_some() {
                        o.insert("allOf".into(), json!([c]));
                    } else if let Value::Object(cm) = c {
                        for (k, v) in cm {
                            o.entry(k).or_insert(v);
                        }
                    }
                    self.note("ConvertOneOfSimplified", Severity::Warning, ptr, format!("`{kw}` of {} object shapes became its first alternative (the others are lost)", many.len()));
                } else if types.len() == 1 && types.contains("object") {
                    // Union of the alternatives' properties; none is required any more.
                    let mut props = o
                        .get("properties")
                        .and_then(Value::as_object)
                        .cloned()
                        .unwrap_or_default();
                    for (i, r) in resolved.iter().enumerate() {
                        let c = self.schema(r, &format!("{ptr}/{kw}/{i}"), depth + 1);
                        for (pk, pv) in c
                            .get("properties")
                            .and_then(Value::as_object)
                            .into_iter()
                            .flatten()
                        {
                            props.entry(pk.clone()).or_insert(pv.clone());
                        }
                    }
                    o.insert("type".into(), json!("object"));
                    if !props.is_empty() {
                        o.insert("properties".into(), Value::Object(props));
                    }
                    self.note("ConvertOneOfSimplified", Severity::Warning, ptr, format!("`{kw}` of {} object shapes became one object with the union of their properties (which alternative applies is lost)", many.len()));
                } else if types.len() == 1 && !types.contains("") {
                    let t = types.iter().next().copied().unwrap_or("string");
                    o.entry("type").or_insert(json!(t));
                    if t == "array" {
                        let c = self.schema(resolved[0], ptr, depth + 1);
                        if let Some(it) = c.get("items") {
                            o.entry("items").or_insert(it.clone());
                        }
                    }
                    self.note("ConvertOneOfSimplified", Severity::Info, ptr, format!("`{kw}` of {} '{t}' alternatives became one '{t}' (formats and constraints of the alternatives are lost)", many.len()));
                } else {
                    let mut ts: Vec<&str> = types
                        .into_iter()
                        .map(|t| if t.is_empty() { "any" } else { t })
                        .collect();
                    ts.sort();
                    self.note(
                        "ConvertOneOfSimplified",
                        Severity::Warning,
                        ptr,
                        format!(
                            "`{kw}` of mixed types ({}) became an untyped schema",
                            ts.join(", ")
                        ),
                    );
                }
            }
        }
    }

    fn security(&mut self, out: &mut Map<String, Value>) {
        let schemes = self
            .root
            .get("components")
            .and_then(|c| c.get("securitySchemes"))
            .and_then(Value::as_object);
        let mut candidates: Vec<(String, Value, Value)> = Vec::new();
        for (name, s) in schemes.into_iter().flatten() {
            let (s, _) = self.resolve(s);
            let sp = format!(
                "/securityDefinitions/{}",
                crate::model::pointer::escape(name)
            );
            match (
                str_of(s, "type"),
                str_of(s, "scheme").to_ascii_lowercase().as_str(),
            ) {
                ("apiKey", _) => {
                    let loc = str_of(s, "in");
                    if loc == "cookie" {
                        self.note("ConvertSecuritySchemeUnsupported", Severity::Warning, "/securityDefinitions", format!("security scheme '{name}' sends the key in a cookie, which connectors cannot do"));
                        continue;
                    }
                    candidates.push((name.clone(), json!({"type": "apiKey", "in": if loc == "query" { "query" } else { "header" }, "name": str_of(s, "name")}), api_key_param()));
                }
                ("http", "basic") => {
                    candidates.push((name.clone(), json!({"type": "basic"}), basic_params()))
                }
                ("http", "bearer") => {
                    self.note("ConvertBearerAsApiKey", Severity::Info, &sp, format!("bearer scheme '{name}' became an API key in the Authorization header: users enter 'Bearer <token>'"));
                    candidates.push((
                        name.clone(),
                        json!({"type": "apiKey", "in": "header", "name": "Authorization"}),
                        api_key_param(),
                    ));
                }
                ("oauth2", _) => {
                    let flows = s.get("flows");
                    if let Some(f) = flows.and_then(|f| f.get("authorizationCode")) {
                        let scopes = f
                            .get("scopes")
                            .filter(|x| x.is_object())
                            .cloned()
                            .unwrap_or_else(|| json!({}));
                        self.security_scopes.insert(
                            name.clone(),
                            scopes
                                .as_object()
                                .map(|m| m.keys().cloned().collect())
                                .unwrap_or_default(),
                        );
                        let auth = str_of(f, "authorizationUrl");
                        let token = str_of(f, "tokenUrl");
                        let refresh = f.get("refreshUrl").and_then(Value::as_str).unwrap_or(token);
                        let scope_list: Vec<&String> = scopes
                            .as_object()
                            .map(|m| m.keys().collect())
                            .unwrap_or_default();
                        let props = json!({"token": {"type": "oauthSetting", "oAuthSettings": {
                            "identityProvider": "oauth2",
                            "clientId": "[[DUMMY]]",
                            "scopes": scope_list,
                            "redirectMode": "GlobalPerConnector",
                            "properties": {"IsFirstParty": "False"},
                            "customParameters": {
                                "authorizationUrl": {"value": auth},
                                "tokenUrl": {"value": token},
                                "refreshUrl": {"value": refresh}
                            }
                        }}});
                        candidates.push((name.clone(), json!({"type": "oauth2", "flow": "accessCode", "authorizationUrl": auth, "tokenUrl": token, "scopes": scopes}), props));
                    }
                    for (flow, why) in [
                        (
                            "clientCredentials",
                            "the client credentials grant is not supported by connectors",
                        ),
                        (
                            "password",
                            "the password grant is not supported by connectors",
                        ),
                        (
                            "implicit",
                            "the implicit grant is not offered; use the authorization code flow",
                        ),
                    ] {
                        if flows.and_then(|f| f.get(flow)).is_some() {
                            self.note(
                                "ConvertSecuritySchemeUnsupported",
                                Severity::Warning,
                                "/securityDefinitions",
                                format!("OAuth 2.0 scheme '{name}': {why}"),
                            );
                        }
                    }
                }
                (t, sch) => {
                    let what = if t == "http" {
                        format!("http scheme '{sch}'")
                    } else {
                        format!("type '{t}'")
                    };
                    self.note(
                        "ConvertSecuritySchemeUnsupported",
                        Severity::Warning,
                        "/securityDefinitions",
                        format!("security scheme '{name}' ({what}) is not supported by connectors"),
                    );
                }
            }
        }
        // Prefer the first scheme the root requirement uses.
        let root_req: Vec<&Map<String, Value>> = self
            .root
            .get("security")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_object).collect())
            .unwrap_or_default();
        let chosen_idx = candidates
            .iter()
            .position(|(n, _, _)| root_req.iter().any(|r| r.contains_key(n)))
            .or(if candidates.is_empty() { None } else { Some(0) });
        let mut defs = Map::new();
        let mut conn = json!({});
        let mut security = Vec::new();
        if let Some(i) = chosen_idx
            && let Some((name, def, props)) = candidates.get(i).cloned()
        {
            let scopes: Vec<Value> = if def.get("type").and_then(Value::as_str) == Some("oauth2") {
                let defined = self.security_scopes.get(&name).cloned().unwrap_or_default();
                root_req
                    .iter()
                    .filter_map(|r| r.get(&name))
                    .flat_map(|v| v.as_array().into_iter().flatten())
                    .filter(|s| s.as_str().is_some_and(|s| defined.contains(s)))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            defs.insert(name.clone(), def);
            let mut req = Map::new();
            req.insert(name.clone(), Value::Array(scopes));
            security.push(Value::Object(req));
            conn = props;
            let others: Vec<&str> = candidates
                .iter()
                .filter(|(n, _, _)| *n != name)
                .map(|(n, _, _)| n.as_str())
                .collect();
            if !others.is_empty() {
                self.note("ConvertSecurityChosen", Severity::Info, "/securityDefinitions", format!("a connection uses one authentication: kept '{name}', not {} (several need connectionParameterSets, written by hand)", others.join(", ")));
            }
        }
        out.insert("securityDefinitions".into(), Value::Object(defs));
        out.insert("security".into(), Value::Array(security));
        out.insert("x-connkit-connection-parameters".into(), conn);
    }
}

fn api_key_param() -> Value {
    json!({"api_key": {"type": "securestring", "uiDefinition": {"displayName": "API Key", "description": "The API key for this API", "tooltip": "Provide your API key", "constraints": {"tabIndex": 2, "clearText": false, "required": "true"}}}})
}

fn basic_params() -> Value {
    json!({
        "username": {"type": "string", "uiDefinition": {"displayName": "Username", "description": "The user name for this API", "tooltip": "Provide your user name", "constraints": {"tabIndex": 2, "clearText": true, "required": "true"}}},
        "password": {"type": "securestring", "uiDefinition": {"displayName": "Password", "description": "The password for this API", "tooltip": "Provide your password", "constraints": {"tabIndex": 3, "clearText": false, "required": "true"}}}
    })
}

fn default_description(status: &str) -> String {
    match status {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "No Content",
        "default" => "The request failed",
        s if s.starts_with('2') => "Success",
        s if s.starts_with('4') => "Client error",
        s if s.starts_with('5') => "Server error",
        _ => "Response",
    }
    .to_string()
}

fn str_of<'v>(v: &'v Value, k: &str) -> &'v str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

/// `https://api.x.com:8443/v1/` → (scheme, host, basePath).
fn split_url(url: &str) -> Option<(String, String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let host = host.rsplit('@').next().unwrap_or(host);
    if host.is_empty() || host.contains(['{', '}', ' ']) {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or("/");
    Some((
        scheme,
        host.to_string(),
        if path.is_empty() {
            "/".into()
        } else {
            path.to_string()
        },
    ))
}

// ---------------------------------------------------------------------------------------
// What every connector needs (also applied to Swagger 2.0 input).

fn enrich(def: &mut Value, opts: &Options, notes: &mut Vec<Note>) -> Value {
    let conn = def
        .as_object_mut()
        .and_then(|m| m.remove("x-connkit-connection-parameters"))
        .unwrap_or_else(|| json!({}));
    let Some(root) = def.as_object_mut() else {
        return json!({});
    };
    // info
    let info = root.entry("info").or_insert_with(|| json!({}));
    if !info.is_object() {
        *info = json!({});
    }
    let host = root
        .get("host")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let host = opts.host.clone().unwrap_or(host);
    if let Some(h) = &opts.host {
        root.insert("host".into(), json!(h));
    }
    let mut info_notes = Vec::new();
    if let Some(info) = root.get_mut("info").and_then(Value::as_object_mut) {
        let original = info
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let wanted = opts.title.clone().unwrap_or_else(|| original.clone());
        let title = clean_title(&wanted);
        let title = if title.is_empty() {
            "Connector Title".replace("Connector ", "My ")
        } else {
            title
        };
        if title != wanted {
            info_notes.push(note("ConvertTitleAdjusted", Severity::Info, "/info/title", format!("title '{wanted}' became '{title}' (at most 30 characters, no 'API' or 'Connector', ending with a letter or digit)")));
        }
        info.insert("title".into(), json!(title));
        let desc = info
            .get("description")
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("")
            .to_string();
        let plain = first_paragraph(&desc);
        if plain.chars().count() < 30 || plain != desc {
            let d = if plain.chars().count() >= 30 {
                plain
            } else {
                format!("Use {title} in your flows and apps to work with its data and actions.")
            };
            info_notes.push(note("ConvertDescriptionNeedsReview", Severity::Info, "/info/description", "the connector description was shortened or generated (30 to 500 characters of plain text); review it".into()));
            info.insert("description".into(), json!(d));
        }
        match info.get("version") {
            Some(Value::String(_)) => {}
            Some(Value::Number(n)) => {
                let v = n.to_string();
                info.insert("version".into(), json!(v));
            }
            _ => {
                info.insert("version".into(), json!("1.0"));
            }
        }
        let contact = info.entry("contact").or_insert_with(|| json!({}));
        if !contact.is_object() {
            *contact = json!({});
        }
        let mut filled = Vec::new();
        if let Some(c) = contact.as_object_mut() {
            for (k, v) in [
                ("name", "Contact name".to_string()),
                (
                    "url",
                    format!(
                        "https://{}",
                        if host.is_empty() {
                            "www.example.com"
                        } else {
                            &host
                        }
                    ),
                ),
                ("email", "support@example.com".to_string()),
            ] {
                if c.get(k)
                    .and_then(Value::as_str)
                    .is_none_or(|s| s.trim().is_empty())
                {
                    c.insert(k.into(), json!(v));
                    filled.push(k);
                }
            }
        }
        if !filled.is_empty() {
            info_notes.push(note(
                "ConvertContactAdded",
                Severity::Warning,
                "/info/contact",
                format!(
                    "added placeholder contact {}: replace with the real support contact",
                    filled.join(", ")
                ),
            ));
        }
    }
    notes.extend(info_notes);
    if root
        .get("schemes")
        .is_none_or(|s| s.as_array().is_none_or(Vec::is_empty))
    {
        root.insert("schemes".into(), json!(["https"]));
    }
    // operations
    let mut used: HashSet<String> = HashSet::new();
    let mut counts = [0usize; 4]; // ids added, summaries changed, x-ms-summary added, encodings added
    let mut ops: Vec<(String, String)> = Vec::new();
    if let Some(paths) = root.get("paths").and_then(Value::as_object) {
        for (p, item) in paths {
            for m in METHODS {
                if item.get(*m).is_some_and(Value::is_object) {
                    ops.push((p.clone(), m.to_string()));
                }
            }
        }
    }
    if ops.len() > 256 {
        notes.push(note(
            "ConvertTooManyOperations",
            Severity::Warning,
            "/paths",
            format!(
                "{} operations: a connector holds at most 256; split it into several connectors",
                ops.len()
            ),
        ));
    }
    // Existing valid ids are reserved first so generated ones never steal them.
    for (p, m) in &ops {
        if let Some(id) = root
            .get("paths")
            .and_then(|x| x.get(p))
            .and_then(|x| x.get(m))
            .and_then(|o| o.get("operationId"))
            .and_then(Value::as_str)
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !id.is_empty()
        {
            used.insert(id.to_lowercase());
        }
    }
    let mut seen_ok: HashSet<String> = HashSet::new();
    for (p, m) in &ops {
        let Some(op) = root
            .get_mut("paths")
            .and_then(|x| x.get_mut(p))
            .and_then(|x| x.get_mut(m))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        let cur = op
            .get("operationId")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let valid = !cur.is_empty() && cur.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        let id = if valid && seen_ok.insert(cur.to_lowercase()) {
            cur.clone()
        } else {
            let base = if cur.is_empty() {
                names::pascal_case(&format!("{m} {}", path_words(p)))
            } else {
                names::pascal_case(&cur)
            };
            let mut id = base.clone();
            let mut n = 2;
            while used.contains(&id.to_lowercase()) {
                id = format!("{base}{n}");
                n += 1;
            }
            used.insert(id.to_lowercase());
            seen_ok.insert(id.to_lowercase());
            counts[0] += 1;
            id
        };
        op.insert("operationId".into(), json!(id));
        let cur_sum = op
            .get("summary")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let from_description = op
            .get("description")
            .and_then(Value::as_str)
            .map(first_sentence)
            .filter(|d| d.chars().count() <= 80 && !names::clean_summary(d).is_empty());
        let src = if cur_sum.trim().is_empty() {
            from_description.unwrap_or_else(|| names::sentence_case(&id))
        } else {
            cur_sum.clone()
        };
        let mut sum = names::clean_summary(&src);
        if sum.is_empty() {
            sum = names::clean_summary(&names::sentence_case(&id));
        }
        if sum != cur_sum {
            counts[1] += 1;
            op.insert("summary".into(), json!(sum));
        }
        if let Some(d) = op.get("description").and_then(Value::as_str) {
            let t = d.trim().to_string();
            if t.is_empty() {
                op.remove("description");
            } else if t != d {
                op.insert("description".into(), json!(t));
            }
        }
        // operationId, summary and description first, as in the samples.
        let mut ordered = Map::new();
        for k in ["operationId", "summary", "description"] {
            if let Some(v) = op.remove(k) {
                ordered.insert(k.into(), v);
            }
        }
        ordered.append(op);
        *op = ordered;
        if let Some(ps) = op.get_mut("parameters").and_then(Value::as_array_mut) {
            for prm in ps {
                param_needs(prm, &mut counts);
            }
        }
        if let Some(pi) = root
            .get_mut("paths")
            .and_then(|x| x.get_mut(p))
            .and_then(|x| x.get_mut("parameters"))
            .and_then(Value::as_array_mut)
        {
            for prm in pi {
                param_needs(prm, &mut counts);
            }
        }
    }
    if let Some(ps) = root.get_mut("parameters").and_then(Value::as_object_mut) {
        for prm in ps.values_mut() {
            param_needs(prm, &mut counts);
        }
    }
    for (i, (what, code)) in [("operationIds generated or made unique", "ConvertOperationIdAdded"), ("operation summaries added or cleaned (letters, digits, spaces and parentheses; at most 80 characters)", "ConvertSummaryAdjusted"), ("parameters got an x-ms-summary derived from their names", "ConvertSummaryAdded"), ("path parameters got x-ms-url-encoding: single", "ConvertUrlEncodingAdded")].iter().enumerate() {
        let n = counts.get(i).copied().unwrap_or(0);
        if n > 0 {
            notes.push(note(code, Severity::Info, "/paths", format!("{n} {what}")));
        }
    }
    if !root.contains_key("x-ms-connector-metadata") {
        let site = if host.is_empty() {
            "https://www.example.com".to_string()
        } else {
            format!("https://{host}")
        };
        root.insert(
            "x-ms-connector-metadata".into(),
            json!([
                {"propertyName": "Website", "propertyValue": site},
                {"propertyName": "Privacy policy", "propertyValue": format!("{site}/privacy")},
                {"propertyName": "Categories", "propertyValue": "Data"}
            ]),
        );
        notes.push(note("ConvertMetadataAdded", Severity::Warning, "/x-ms-connector-metadata", "added an x-ms-connector-metadata skeleton: set the real website, privacy policy and up to two categories".into()));
    }
    if !root.contains_key("securityDefinitions") {
        root.insert("securityDefinitions".into(), json!({}));
    }
    if !root.contains_key("security") {
        root.insert("security".into(), json!([]));
    }
    let mut props = Map::new();
    if conn.as_object().is_some_and(|m| !m.is_empty()) {
        props.insert("connectionParameters".into(), conn);
    } else if let Some(sd) = root.get("securityDefinitions").and_then(Value::as_object)
        && let Some((_, d)) = sd.iter().next()
    {
        // Swagger 2.0 input: derive the connection parameters from the definition.
        let cp = match str_of(d, "type") {
            "apiKey" => api_key_param(),
            "basic" => basic_params(),
            _ => json!({}),
        };
        if cp.as_object().is_some_and(|m| !m.is_empty()) {
            props.insert("connectionParameters".into(), cp);
        }
    }
    let color = match opts.profile {
        Profile::IndependentPublisher => "#da3b01",
        _ => "#007ee5",
    };
    props.insert("iconBrandColor".into(), json!(color));
    props.insert("capabilities".into(), json!([]));
    if opts.profile != Profile::Custom {
        let who = root
            .get("info")
            .and_then(|i| i.get("contact"))
            .and_then(|c| c.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("Publisher name")
            .to_string();
        props.insert("publisher".into(), json!(who));
        props.insert("stackOwner".into(), json!(who));
        notes.push(Note {
            code: "ConvertPublisherPlaceholder",
            severity: Severity::Warning,
            file: FileKind::Properties,
            pointer: "/properties/publisher".into(),
            message: "publisher and stackOwner were set from the contact name: check them".into(),
        });
        if opts.profile == Profile::Certified {
            notes.push(Note { code: "ConvertBrandColorPlaceholder", severity: Severity::Warning, file: FileKind::Properties, pointer: "/properties/iconBrandColor".into(), message: "set iconBrandColor to your icon's background colour (not #007ee5) and add icon.png".into() });
        }
    }
    json!({"properties": props})
}

fn param_needs(prm: &mut Value, counts: &mut [usize; 4]) {
    let Some(o) = prm.as_object_mut() else { return };
    if o.contains_key("$ref") {
        return;
    }
    let name = o
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if !o.get("x-ms-summary").is_some_and(Value::is_string) && !name.is_empty() {
        let t = names::title_case(&name);
        if !t.is_empty() {
            o.insert("x-ms-summary".into(), json!(t));
            counts[2] += 1;
        }
    }
    if o.get("in").and_then(Value::as_str) == Some("path") {
        if !o.contains_key("x-ms-url-encoding") {
            o.insert("x-ms-url-encoding".into(), json!("single"));
            counts[3] += 1;
        }
        o.insert("required".into(), json!(true));
    }
}

/// `/users/{userId}/posts` → `users by user id posts`.
fn path_words(p: &str) -> String {
    p.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if let Some(v) = s.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                format!("by {v}")
            } else {
                s.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most 30 characters, without the words API/Connector, ending alphanumeric.
pub fn clean_title(t: &str) -> String {
    let kept: Vec<&str> = t
        .split_whitespace()
        .filter(|w| {
            let l = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            l != "api" && l != "apis" && l != "connector"
        })
        .collect();
    let s: String = kept.join(" ").chars().filter(|c| !c.is_control()).collect();
    let s = names::clamp(&s, 30);
    s.trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim_start()
        .to_string()
}

/// The description as plain text: first paragraph, no markdown headings, at most 500 chars.
fn first_paragraph(d: &str) -> String {
    let para = d
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .unwrap_or("");
    let flat = para.split_whitespace().collect::<Vec<_>>().join(" ");
    names::clamp(&flat, 500)
}

// ---------------------------------------------------------------------------------------
// What the connector schema refuses (catalog §6, §7), removed from any input.

/// The `x-ms-*` extensions the connector schema knows; any other `x-ms-*` key is rejected.
const KNOWN_X_MS: &[&str] = &[
    "x-ms-summary",
    "x-ms-visibility",
    "x-ms-api-annotation",
    "x-ms-operation-context",
    "x-ms-capabilities",
    "x-ms-trigger",
    "x-ms-trigger-hint",
    "x-ms-trigger-metadata",
    "x-ms-trigger-value",
    "x-ms-notification",
    "x-ms-notification-content",
    "x-ms-notification-url",
    "x-ms-url-encoding",
    "x-ms-dynamic-values",
    "x-ms-dynamic-list",
    "x-ms-dynamic-schema",
    "x-ms-dynamic-properties",
    "x-ms-dynamic-tree",
    "x-ms-enum-values",
    "x-ms-test-value",
    "x-ms-localizeDefaultValue",
    "x-ms-media-kind",
    "x-ms-pageable",
    "x-ms-safe-operation",
    "x-ms-no-generic-test",
    "x-ms-connector-metadata",
    "x-ms-docs",
    "x-ms-deployment-version",
    "x-ms-enum",
    "x-ms-parameter-location",
    "x-ms-skip-url-encoding",
    "x-ms-editor",
    "x-ms-agentic-protocol",
];

/// Maps whose keys are names chosen by the author (never keywords).
const NAME_MAPS: &[&str] = &[
    "properties",
    "definitions",
    "parameters",
    "responses",
    "paths",
    "securityDefinitions",
    "headers",
    "scopes",
];

/// Values never walked (examples and literal data).
const LITERALS: &[&str] = &["example", "examples", "default", "enum", "x-example"];

#[derive(Default)]
struct Cleaned {
    x_ms: usize,
    formats: usize,
    defaults: usize,
    enums: usize,
    read_only_required: usize,
}

fn sanitize(def: &mut Value, notes: &mut Vec<Note>) {
    let mut c = Cleaned::default();
    walk_clean(def, false, &mut c, 0);
    if let Some(info) = def.get_mut("info").and_then(Value::as_object_mut) {
        const INFO: &[&str] = &[
            "title",
            "version",
            "description",
            "termsOfService",
            "contact",
            "license",
            "x-ms-deployment-version",
            "x-ms-api-annotation",
        ];
        // Catalog/vendor extensions (x-logo, x-origin, …) mean nothing to a connector.
        info.retain(|k, _| INFO.contains(&k.as_str()));
        if let Some(ct) = info.get_mut("contact").and_then(Value::as_object_mut) {
            ct.retain(|k, _| matches!(k.as_str(), "name" | "url" | "email"));
        }
        if info
            .get("license")
            .is_some_and(|l| !l.get("name").is_some_and(Value::is_string))
        {
            info.remove("license");
        }
        if info
            .get("termsOfService")
            .is_some_and(|t| !t.as_str().is_some_and(|s| s.starts_with("http")))
        {
            info.remove("termsOfService");
        }
    }
    if let Some(tags) = def.get_mut("tags").and_then(Value::as_array_mut) {
        let mut seen = HashSet::new();
        tags.retain(|t| {
            t.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| seen.insert(n.to_string()))
        });
    }
    for (n, what, code) in [
        (
            c.x_ms,
            "x-ms-* extensions unknown to connectors were removed",
            "ConvertExtensionRemoved",
        ),
        (
            c.formats,
            "`format` values connectors do not accept were removed",
            "ConvertFormatRemoved",
        ),
        (
            c.defaults,
            "defaults that do not match their type were removed",
            "ConvertDefaultRemoved",
        ),
        (
            c.enums,
            "enum values that do not match their type were removed",
            "ConvertEnumCleaned",
        ),
        (
            c.read_only_required,
            "readOnly properties were removed from `required` (OpenAPI 3 requires them in \
             responses only; Swagger 2.0 and certification refuse them in request bodies)",
            "ConvertReadOnlyNotRequired",
        ),
    ] {
        if n > 0 {
            notes.push(note(code, Severity::Info, "", format!("{n} {what}")));
        }
    }
}

fn walk_clean(v: &mut Value, name_map: bool, c: &mut Cleaned, depth: usize) {
    if depth > 300 {
        return;
    }
    match v {
        Value::Object(m) => {
            if !name_map {
                let before = m.len();
                m.retain(|k, _| !k.starts_with("x-ms-") || KNOWN_X_MS.contains(&k.as_str()));
                c.x_ms += before - m.len();
                if m.get("x-ms-pageable").is_some_and(|p| {
                    !matches!(
                        p.get("nextLinkName").and_then(Value::as_str),
                        Some("nextLink" | "@odata.nextLink")
                    )
                }) {
                    m.remove("x-ms-pageable");
                    c.x_ms += 1;
                }
                // readOnly + required (RequiredReadOnlyPropertyNotAllowedAsInput): Swagger 2.0
                // says readOnly properties should not be required at all.
                let read_only: Vec<String> = m
                    .get("properties")
                    .and_then(Value::as_object)
                    .map(|p| {
                        p.iter()
                            .filter(|(_, s)| s.get("readOnly") == Some(&Value::Bool(true)))
                            .map(|(k, _)| k.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                if !read_only.is_empty()
                    && let Some(Value::Array(req)) = m.get_mut("required")
                {
                    let before = req.len();
                    req.retain(|r| !r.as_str().is_some_and(|n| read_only.iter().any(|x| x == n)));
                    c.read_only_required += before - req.len();
                    if req.is_empty() {
                        m.remove("required");
                    }
                }
                // The same type/format table as the UnrecognizedTypeFormat rule.
                let unknown_format = m.get("format").and_then(Value::as_str).is_some_and(|f| {
                    !crate::rules::schema::format_known(m.get("type").and_then(Value::as_str), f)
                });
                if unknown_format {
                    m.remove("format");
                    c.formats += 1;
                }
                let ty = m.get("type").and_then(Value::as_str).map(str::to_string);
                if let Some(ty) =
                    ty.filter(|t| matches!(t.as_str(), "string" | "integer" | "number" | "boolean"))
                {
                    if m.get("default")
                        .is_some_and(|d| !crate::rules::util::fits_type(d, &ty))
                    {
                        m.remove("default");
                        c.defaults += 1;
                    }
                    if let Some(Value::Array(e)) = m.get_mut("enum") {
                        let before = e.len();
                        e.retain(|x| crate::rules::util::fits_type(x, &ty));
                        if e.len() != before {
                            c.enums += 1;
                        }
                        if e.is_empty() {
                            m.remove("enum");
                        }
                    }
                }
                if let Some(d) = m
                    .get("discriminator")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    && m.get("properties").and_then(|p| p.get(&d)).is_some()
                {
                    let req = m.entry("required").or_insert_with(|| json!([]));
                    if let Some(a) = req.as_array_mut()
                        && !a.iter().any(|x| x.as_str() == Some(&d))
                    {
                        a.push(json!(d));
                    }
                }
            }
            for (k, child) in m.iter_mut() {
                if name_map {
                    walk_clean(child, false, c, depth + 1);
                } else if LITERALS.contains(&k.as_str()) || k.starts_with("x-") {
                    continue;
                } else {
                    walk_clean(child, NAME_MAPS.contains(&k.as_str()), c, depth + 1);
                }
            }
        }
        Value::Array(a) => {
            for child in a {
                walk_clean(child, false, c, depth + 1);
            }
        }
        _ => {}
    }
}

/// The first sentence of a description (up to the first `. `, newline or end).
fn first_sentence(d: &str) -> String {
    let line = d.trim().lines().next().unwrap_or("").trim();
    let end = line.find(". ").map_or(line.len(), |i| i + 1);
    line[..end].trim_end_matches('.').trim().to_string()
}

/// At most this many notes per code; the rest are counted in one last note.
pub const NOTES_PER_CODE: usize = 20;

fn cap_notes(notes: Vec<Note>) -> Vec<Note> {
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    let mut out = Vec::new();
    for n in notes {
        let c = seen.entry(n.code).or_default();
        *c += 1;
        if *c <= NOTES_PER_CODE {
            out.push(n);
        }
    }
    let mut extra: Vec<(&'static str, usize)> = seen
        .into_iter()
        .filter(|(_, c)| *c > NOTES_PER_CODE)
        .collect();
    extra.sort();
    for (code, c) in extra {
        let severity = out
            .iter()
            .find(|n| n.code == code)
            .map_or(Severity::Info, |n| n.severity);
        out.push(note(
            code,
            severity,
            "",
            format!("… and {} more {code} like the above", c - NOTES_PER_CODE),
        ));
    }
    out
}

/// References left in places the mapping does not visit (extension values such as
/// `x-schema`): point them at the Swagger 2.0 sections.
fn rewrite_refs(v: &mut Value, depth: usize) {
    if depth > 300 {
        return;
    }
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                for (from, to) in [
                    ("#/components/schemas/", "#/definitions/"),
                    ("#/components/parameters/", "#/parameters/"),
                    ("#/components/responses/", "#/responses/"),
                ] {
                    if let Some(rest) = r.strip_prefix(from) {
                        *r = format!("{to}{rest}");
                        break;
                    }
                }
            }
            // What is left pointing elsewhere (e.g. an `x-code-samples` entry referring to
            // another one under `#/paths`) only sits in extension values: drop the key.
            if m.get("$ref").and_then(Value::as_str).is_some_and(|r| {
                !["#/definitions/", "#/parameters/", "#/responses/"]
                    .iter()
                    .any(|p| r.starts_with(p))
            }) {
                m.remove("$ref");
            }
            for child in m.values_mut() {
                rewrite_refs(child, depth + 1);
            }
        }
        Value::Array(a) => {
            for child in a {
                rewrite_refs(child, depth + 1);
            }
        }
        _ => {}
    }
}
