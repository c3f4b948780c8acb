//! Map stage: an OpenAPI 3.0 document → Swagger 2.0 (`document`, servers here; operations,
//! parameters, bodies and responses in `operation`, schemas in `schema`, security schemes in
//! `security`).

mod operation;
mod schema;
mod security;

pub(super) use security::{api_key_param, basic_params};

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::Options;
use super::notes::*;
use crate::core::Severity;
use crate::model::pointer::join;

// ---------------------------------------------------------------------------------------
// 3.0 → 2.0

pub(super) struct Cx<'a, 'n> {
    pub(super) root: &'a Value,
    pub(super) notes: &'n mut Vec<Note>,
    pub(super) opts: &'n Options,
    /// Scopes defined per OAuth scheme (to filter requirements).
    pub(super) security_scopes: HashMap<String, HashSet<String>>,
    /// How many non-component references were inlined (bounded: inlining can blow up).
    pub(super) inlined: usize,
    /// References deeper than a schema component (`#/components/schemas/X/definitions/Y`)
    /// hoisted into `definitions`: reference → definition name.
    pub(super) hoisted: HashMap<String, String>,
    /// The hoisted definitions, in the order they were met.
    pub(super) hoisted_defs: Vec<(String, Value)>,
    /// Definition names in use (lower case): the components' and the hoisted ones.
    pub(super) def_names: HashSet<String>,
}

pub(super) const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

/// Keys of a 3.x schema with no Swagger 2.0 meaning.
pub(super) const DROP_SCHEMA_KEYS: &[&str] = &[
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
pub(super) const PRIMITIVE_KEYS: &[&str] = &[
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

pub(super) fn is_json_media(mt: &str) -> bool {
    let m = mt.to_ascii_lowercase();
    m.contains("json") || m == "*/*"
}

/// Media types whose body is raw bytes (files, images, archives, office documents).
pub(super) fn is_binary_media(mt: &str) -> bool {
    let m = crate::model::swagger::mime_essence(mt);
    ["image/", "audio/", "video/", "font/"]
        .iter()
        .any(|p| m.starts_with(p))
        || m.starts_with("application/vnd.openxmlformats")
        || m.starts_with("application/vnd.ms-")
        || m.starts_with("application/vnd.oasis.opendocument")
        || [
            "application/octet-stream",
            "application/pdf",
            "application/zip",
            "application/gzip",
            "application/x-gzip",
            "application/x-tar",
            "application/x-7z-compressed",
            "application/msword",
        ]
        .contains(&m.as_str())
}

pub(super) fn status_of(code: &str) -> Option<String> {
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

impl<'a, 'n> Cx<'a, 'n> {
    pub(super) fn new(root: &'a Value, notes: &'n mut Vec<Note>, opts: &'n Options) -> Self {
        let def_names = root
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|m| m.keys().map(|k| k.to_lowercase()).collect())
            .unwrap_or_default();
        Cx {
            root,
            notes,
            opts,
            security_scopes: HashMap::new(),
            inlined: 0,
            hoisted: HashMap::new(),
            hoisted_defs: Vec::new(),
            def_names,
        }
    }
}

impl<'a> Cx<'a, '_> {
    pub(super) fn note(
        &mut self,
        code: &'static NoteDoc,
        severity: Severity,
        pointer: &str,
        message: String,
    ) {
        self.notes.push(note(code, severity, pointer, message));
    }

    /// Follow local `$ref`s (bounded), returning the target and the last ref followed.
    pub(super) fn resolve(&self, mut v: &'a Value) -> (&'a Value, Option<&'a str>) {
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

    pub(super) fn document(&mut self) -> Value {
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
                    || crate::model::swagger::template_variables(path).is_err()
                {
                    self.note(&CONVERT_PATH_DROPPED, Severity::Warning, "/paths",
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
                    self.note(&CONVERT_PATH_ITEM_REF_INLINED, Severity::Info, &pptr, "the path item `$ref` was inlined (connectors do not support path item references)".into());
                }
                let Some(item) = item.as_object() else {
                    continue;
                };
                let vars: Vec<String> = crate::model::swagger::template_variables(&path)
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
                        &CONVERT_SERVERS_IGNORED,
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
                        self.note(&CONVERT_METHOD_DROPPED, Severity::Warning, &pptr, format!("TRACE {path} was dropped: connectors support get, put, post, delete, patch, head and options"));
                    }
                }
                for m in METHODS {
                    let Some(op) = item.get(*m).filter(|o| o.is_object()) else {
                        continue;
                    };
                    let optr = join(&join("/paths", &path), m);
                    let key = (crate::model::swagger::path_shape(&path), *m);
                    if let Some(prev) = shapes.get(&key) {
                        self.note(&CONVERT_OPERATION_DROPPED, Severity::Warning, "/paths",
                            format!("{} {path} duplicates {} {prev} (same route with other variable names) and was dropped", m.to_uppercase(), m.to_uppercase()));
                        continue;
                    }
                    if pitem.contains_key(*m) {
                        self.note(&CONVERT_OPERATION_DROPPED, Severity::Warning, &optr,
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
                    &CONVERT_COMPONENTS_DROPPED,
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
        for (name, v) in std::mem::take(&mut self.hoisted_defs) {
            defs.insert(name, v);
        }
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

    pub(super) fn servers(&mut self, out: &mut Map<String, Value>) {
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
            self.note(&CONVERT_HOST_MISSING, Severity::Warning, "/host",
                "no absolute server URL in the input: host is the placeholder 'api.example.com'; set it with --host".into());
        }
        if !others.is_empty() {
            self.note(
                &CONVERT_SERVER_CHOSEN,
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
                self.note(&CONVERT_BASE_PATH_TRIMMED, Severity::Warning, "/basePath", format!("the server path '{base}' has variables without defaults; basePath keeps only '{}'", &base[..i]));
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
}

pub(super) fn default_description(status: &str) -> String {
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

pub(super) fn str_of<'v>(v: &'v Value, k: &str) -> &'v str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

/// `https://api.x.com:8443/v1/` → (scheme, host, basePath).
pub(super) fn split_url(url: &str) -> Option<(String, String, String)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Map a 3.0 document: the definition and the note codes.
    pub(super) fn map(doc: Value) -> (Value, Vec<&'static str>) {
        let mut notes = Vec::new();
        let opts = Options::default();
        let out = Cx::new(&doc, &mut notes, &opts).document();
        (out, notes.iter().map(|n| n.code).collect())
    }

    #[test]
    fn urls_split_into_scheme_host_and_base_path() {
        let s = |u: &str| split_url(u).map(|(a, b, c)| format!("{a} {b} {c}"));
        assert_eq!(
            s("HTTPS://user@api.x.com:8443/v1/?q#f").as_deref(),
            Some("https api.x.com:8443 /v1/")
        );
        assert_eq!(s("http://api.x.com").as_deref(), Some("http api.x.com /"));
        assert_eq!(s("ftp://x.com/"), None);
        assert_eq!(s("https://{tenant}.x.com/"), None);
    }

    #[test]
    fn status_codes_and_ranges() {
        assert_eq!(status_of("2XX").as_deref(), Some("200"));
        assert_eq!(status_of("404").as_deref(), Some("404"));
        assert_eq!(status_of("default").as_deref(), Some("default"));
        assert_eq!(status_of("600"), None);
        assert_eq!(status_of("ok"), None);
        assert!(is_json_media("application/vnd.api+json") && is_json_media("*/*"));
        assert!(!is_json_media("text/plain"));
        assert!(
            is_binary_media("application/octet-stream; charset=x") && is_binary_media("image/png")
        );
        assert!(is_binary_media(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ));
        assert!(!is_binary_media("application/json") && !is_binary_media("text/csv"));
    }

    #[test]
    fn servers_and_paths_are_mapped_and_bad_paths_dropped() {
        let (d, codes) = map(
            json!({"openapi": "3.0.0", "info": {"title": "T", "version": "1"},
            "servers": [{"url": "https://a.example.com/v1/"}, {"url": "https://b.example.com"}],
            "paths": {"/a": {"get": {"responses": {"200": {"description": "OK"}}}},
                      "/b?x=1": {"get": {"responses": {"200": {"description": "OK"}}}},
                      "/A": {"get": {"responses": {"200": {"description": "OK"}}}}}}),
        );
        assert_eq!(d["host"], "a.example.com");
        assert_eq!(d["basePath"], "/v1");
        assert!(d["paths"].get("/b?x=1").is_none());
        assert_eq!(d["paths"].as_object().map(|m| m.len()), Some(1));
        for c in [
            CONVERT_SERVER_CHOSEN.code,
            CONVERT_PATH_DROPPED.code,
            CONVERT_OPERATION_DROPPED.code,
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
    }
}
