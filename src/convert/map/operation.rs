//! Operations, parameters, request bodies and responses.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::{
    Cx, PRIMITIVE_KEYS, default_description, is_binary_media, is_json_media, status_of, str_of,
};
use crate::convert::notes::*;
use crate::core::Severity;
use crate::model::pointer::join;

impl<'a> Cx<'a, '_> {
    pub(super) fn operation(
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
                        &CONVERT_PARAMETER_DROPPED,
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
                self.note(&CONVERT_PATH_PARAMETER_ADDED, Severity::Warning, optr, format!("path variable '{{{v}}}' had no parameter; added a required string parameter"));
                params.push(json!({"name": v, "in": "path", "required": true, "type": "string"}));
            }
        }
        let fetch = optr.ends_with("/get") || optr.ends_with("/head");
        if fetch && op.get("requestBody").is_some() {
            self.note(&CONVERT_REQUEST_BODY_DROPPED, Severity::Warning, optr, "a GET or HEAD operation cannot have a body in a connector; its request body was dropped".into());
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
                        &CONVERT_RESPONSE_DROPPED,
                        Severity::Warning,
                        optr,
                        format!("response '{code}' is not a status code and was dropped"),
                    );
                    continue;
                };
                if status != *code {
                    self.note(
                        &CONVERT_STATUS_RANGE_MAPPED,
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
                &CONVERT_RESPONSE_ADDED,
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
            self.note(&CONVERT_CALLBACKS_DROPPED, Severity::Warning, optr, format!("the callbacks of {path} were dropped; a webhook trigger needs x-ms-trigger and x-ms-notification-content written by hand"));
        }
        if op.get("servers").is_some() {
            self.note(
                &CONVERT_SERVERS_IGNORED,
                Severity::Info,
                optr,
                "operation-level `servers` are not supported by connectors and were ignored".into(),
            );
        }
        if op.get("security").is_some() {
            self.note(&CONVERT_OPERATION_SECURITY_DROPPED, Severity::Info, optr, "operation-level `security` was dropped: a connector authenticates every call with its connection".into());
        }
        for (k, v) in op.as_object().into_iter().flatten() {
            if k.starts_with("x-") && k != "x-codegen-request-body-name" {
                o.insert(k.clone(), v.clone());
            }
        }
        (Value::Object(o), consumes, produces)
    }

    /// A 3.0 parameter → a 2.0 parameter (or `None` when it cannot exist in a connector).
    pub(super) fn parameter(
        &mut self,
        p: &'a Value,
        ptr: &str,
        vars: Option<&[String]>,
    ) -> Option<Value> {
        let (t, r) = self.resolve(p);
        let name = str_of(t, "name").to_string();
        let loc = str_of(t, "in").to_string();
        if loc == "cookie" {
            self.note(&CONVERT_COOKIE_PARAMETER_DROPPED, Severity::Warning, ptr, format!("cookie parameter '{name}' was dropped: connectors cannot send cookies (a policy template can set a Cookie header)"));
            return None;
        }
        if let Some(vars) = vars
            && loc == "path"
            && !vars.contains(&name)
        {
            self.note(
                &CONVERT_PARAMETER_DROPPED,
                Severity::Warning,
                ptr,
                format!("path parameter '{name}' is not in the path template and was dropped"),
            );
            return None;
        }
        if !t.is_object() || name.is_empty() || !["query", "header", "path"].contains(&loc.as_str())
        {
            self.note(
                &CONVERT_PARAMETER_DROPPED,
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
                &CONVERT_PARAMETER_CONTENT,
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
    pub(super) fn flatten(
        &mut self,
        schema: &'a Value,
        o: &mut Map<String, Value>,
        ptr: &str,
        name: &str,
    ) {
        let (s, _) = self.resolve(schema);
        let s = self.collapse_alternatives(s);
        let ty = str_of(&s, "type").to_string();
        let complex = ty == "object" || s.get("properties").is_some() || s.get("allOf").is_some();
        if complex {
            self.note(&CONVERT_COMPLEX_PARAMETER, Severity::Warning, ptr, format!("parameter '{name}' has an object schema; it became a string (serialise it yourself)"));
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

    pub(super) fn resolve_owned(&self, v: &Value) -> (Value, bool) {
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
    pub(super) fn collapse_alternatives(&self, s: &Value) -> Value {
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

    pub(super) fn request_body(
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
                &CONVERT_MEDIA_TYPE_CHOSEN,
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
                self.note(&CONVERT_REQUEST_BODY_DROPPED, Severity::Warning, optr, format!("the '{mt}' request body has no properties to become form fields and was dropped"));
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
        } else if is_binary_media(mt) && str_of(self.resolve(schema).0, "type") != "string" {
            self.note(
                &CONVERT_BINARY_BODY,
                Severity::Info,
                optr,
                format!("the '{mt}' request body is raw bytes: its schema became {{type: string, format: binary}}"),
            );
            json!({"type": "string", "format": "binary"})
        } else {
            self.schema(schema, &format!("{optr}/parameters"), 0)
        };
        o.insert("schema".into(), sch);
        (vec![Value::Object(o)], vec![mt.to_string()])
    }

    pub(super) fn response(
        &mut self,
        r: &'a Value,
        ptr: &str,
        status: &str,
    ) -> (Value, Vec<String>) {
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
                    let sch = if is_binary_media(mt)
                        && str_of(self.resolve(s).0, "type") != "string"
                    {
                        self.note(
                            &CONVERT_BINARY_BODY,
                            Severity::Info,
                            ptr,
                            format!("the '{mt}' response is raw bytes: its schema became {{type: string, format: binary}}"),
                        );
                        json!({"type": "string", "format": "binary"})
                    } else {
                        self.schema(s, &join(ptr, "schema"), 0)
                    };
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
                &CONVERT_LINKS_DROPPED,
                Severity::Info,
                ptr,
                "response `links` have no Swagger 2.0 equivalent and were dropped".into(),
            );
        }
        (Value::Object(o), produces)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::map;
    use crate::convert::notes::*;
    use serde_json::{Value, json};

    fn op(o: Value) -> (Value, Vec<&'static str>) {
        let (d, codes) = map(
            json!({"openapi": "3.0.0", "info": {"title": "T", "version": "1"},
            "paths": {"/items/{id}": {"post": o}}}),
        );
        (d["paths"]["/items/{id}"]["post"].clone(), codes)
    }

    #[test]
    fn parameters_get_collection_formats_and_missing_path_parameters_are_added() {
        let (o, codes) = op(json!({"parameters": [
            {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "ids", "in": "query", "style": "pipeDelimited", "schema": {"type": "array", "items": {"type": "integer"}}},
            {"name": "s", "in": "cookie", "schema": {"type": "string"}},
            {"name": "f", "in": "query", "schema": {"type": "object"}}
        ], "responses": {"201": {"description": "Created"}}}));
        let p = o["parameters"].as_array().unwrap();
        assert_eq!(p[0]["collectionFormat"], "multi");
        assert_eq!(p[1]["collectionFormat"], "pipes");
        assert_eq!(p[2]["type"], "string");
        assert_eq!(
            p[3],
            json!({"name": "id", "in": "path", "required": true, "type": "string"})
        );
        for c in [
            CONVERT_COOKIE_PARAMETER_DROPPED.code,
            CONVERT_COMPLEX_PARAMETER.code,
            CONVERT_PATH_PARAMETER_ADDED.code,
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
    }

    #[test]
    fn responses_map_ranges_and_a_success_response_is_added() {
        let (o, codes) = op(
            json!({"parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
            "responses": {"4XX": {"description": ""}, "x-a": {}}}),
        );
        assert_eq!(o["responses"]["400"]["description"], "Client error");
        assert_eq!(o["responses"]["200"]["description"], "OK");
        assert!(
            codes.contains(&CONVERT_STATUS_RANGE_MAPPED.code)
                && codes.contains(&CONVERT_RESPONSE_ADDED.code)
        );
    }

    #[test]
    fn form_bodies_become_form_data_and_json_bodies_a_body_parameter() {
        let (o, _) = op(
            json!({"requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object",
            "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}, "n": {"type": "integer"}}}}}},
            "responses": {"200": {"description": "OK"}}}),
        );
        let p = o["parameters"].as_array().unwrap();
        assert_eq!(
            p[1],
            json!({"name": "file", "in": "formData", "required": true, "type": "file"})
        );
        assert_eq!(p[2]["type"], "integer");
        assert_eq!(o["consumes"], json!(["multipart/form-data"]));
        let (o, codes) = op(json!({"requestBody": {"required": true, "content": {
            "application/xml": {"schema": {"type": "object"}},
            "application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}},
            "responses": {"200": {"description": "OK"}}}));
        let body = &o["parameters"][1];
        assert_eq!(body["in"], "body");
        assert_eq!(body["schema"]["properties"]["a"]["type"], "string");
        assert!(codes.contains(&CONVERT_MEDIA_TYPE_CHOSEN.code));
    }

    #[test]
    fn object_bodies_under_binary_media_types_become_binary_strings() {
        let (o, codes) = op(
            json!({"parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/octet-stream": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}},
            "responses": {"200": {"description": "OK", "content": {"application/pdf": {"schema": {"type": "object"}}}},
                          "201": {"description": "OK", "content": {"image/png": {"schema": {"type": "string", "format": "byte"}}}}}}),
        );
        assert_eq!(
            o["parameters"][1]["schema"],
            json!({"type": "string", "format": "binary"})
        );
        assert_eq!(
            o["responses"]["200"]["schema"],
            json!({"type": "string", "format": "binary"})
        );
        // A string schema is already bytes: kept as written.
        assert_eq!(
            o["responses"]["201"]["schema"],
            json!({"type": "string", "format": "byte"})
        );
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == CONVERT_BINARY_BODY.code)
                .count(),
            2
        );
    }
}
