//! Operations matched by operationId: deleted, moved, changed; their responses; the
//! operations dynamic extensions call.

use super::*;

impl<'a> Comparer<'a> {
    pub(super) fn operations(&mut self) {
        let index = |sw: &'a Swagger<'a>| -> HashMap<String, usize> {
            let mut m = HashMap::new();
            for (i, op) in sw.operations.iter().enumerate() {
                m.entry(op_key(op)).or_insert(i);
            }
            m
        };
        let (oi, ni) = (index(self.old), index(self.new));
        let (old, new) = (self.old, self.new);
        for (i, op) in old.operations.iter().enumerate() {
            let key = op_key(op);
            if oi.get(&key) != Some(&i) {
                continue; // duplicate operationId: the first one counts
            }
            self.op = key.clone();
            match ni.get(&key) {
                Some(&j) => {
                    if let Some(nop) = new.operations.get(j) {
                        self.operation(op, nop);
                    }
                }
                None => self.deleted(op, &oi),
            }
        }
        for (j, op) in new.operations.iter().enumerate() {
            let key = op_key(op);
            if ni.get(&key) != Some(&j) || oi.contains_key(&key) {
                continue;
            }
            self.op = key.clone();
            let rename = old.operations.iter().find(|o| {
                o.path == op.path && o.method == op.method && !ni.contains_key(&op_key(o))
            });
            let hint = rename
                .map(|o| format!("; looks like a rename of '{}'", op_key(o)))
                .unwrap_or_default();
            self.emit(
                &r::OPERATION_ADDED,
                None,
                Some(op.pointer.clone()),
                format!(
                    "operation '{key}' ({} {}) added{hint}",
                    op.method.to_ascii_uppercase(),
                    op.path
                ),
            );
        }
        self.op.clear();
    }

    pub(super) fn deleted(&mut self, op: &Operation<'a>, oi: &HashMap<String, usize>) {
        let key = op_key(op);
        let rename =
            self.new.operations.iter().find(|n| {
                n.path == op.path && n.method == op.method && !oi.contains_key(&op_key(n))
            });
        let hint = rename
            .map(|n| format!("; looks like a rename to '{}'", op_key(n)))
            .unwrap_or_default();
        let (family, rev) = (op.family(), op.revision_number());
        let newer = family.and_then(|f| {
            self.new.operations.iter().find(|n| {
                let (nf, nr) = (n.family(), n.revision_number());
                nf == Some(f) && nr.unwrap_or(1) > rev.unwrap_or(1)
            })
        });
        let new_ptr = rename.map(|n| n.pointer.clone());
        let (rule, why) = if op.is_deprecated() {
            (
                &r::DEPRECATED_OPERATION_DELETED,
                " (it was deprecated)".to_string(),
            )
        } else if let Some(n) = newer {
            (
                &r::OPERATION_DELETED_NEWER_REVISION,
                format!(
                    " (family '{}' has newer revision '{}')",
                    family.unwrap_or(""),
                    op_key(n)
                ),
            )
        } else {
            (&r::OPERATION_DELETED, String::new())
        };
        self.emit(
            rule,
            Some(op.pointer.clone()),
            new_ptr.or_else(|| Some(op.pointer.clone())),
            format!(
                "operation '{key}' ({} {}) has been deleted{why}{hint}",
                op.method.to_ascii_uppercase(),
                op.path
            ),
        );
    }

    pub(super) fn operation(&mut self, o: &Operation<'a>, n: &Operation<'a>) {
        if o.path == n.path
            && o.method == n.method
            && self.old.root.get("consumes") == self.new.root.get("consumes")
            && identical_closed(o.path_item, n.path_item, 0)
        {
            return; // same path item, nothing referenced from outside it
        }
        let (op_, np) = (o.pointer.clone(), n.pointer.clone());
        // The URL is basePath + path: a segment moved between the two is the same request.
        let full = |root: &Value, path: &str| {
            let base = s(root.get("basePath")).unwrap_or("").trim_end_matches('/');
            format!("{base}{path}")
        };
        if o.path != n.path && full(self.old.root, o.path) != full(self.new.root, n.path) {
            self.emit(
                &r::PATH_TEMPLATE_CHANGED,
                Some(o.path_pointer.clone()),
                Some(n.path_pointer.clone()),
                format!("path template changed from '{}' to '{}'", o.path, n.path),
            );
        }
        if o.method != n.method {
            self.emit(
                &r::METHOD_CHANGED,
                Some(op_.clone()),
                Some(np.clone()),
                format!(
                    "method changed from {} to {}",
                    o.method.to_ascii_uppercase(),
                    n.method.to_ascii_uppercase()
                ),
            );
        }
        let trig = |op: &Operation<'_>| if op.is_trigger() { "trigger" } else { "action" };
        if o.is_trigger() != n.is_trigger() {
            self.emit(
                &r::OPERATION_KIND_CHANGED,
                Some(op_.clone()),
                Some(np.clone()),
                format!("operation changed from {} to {}", trig(o), trig(n)),
            );
        } else if o.is_trigger() {
            let (a, b) = (o.get("x-ms-trigger"), n.get("x-ms-trigger"));
            if a != b {
                self.emit(
                    &r::TRIGGER_CARDINALITY_CHANGED,
                    Some(join(&op_, "x-ms-trigger")),
                    Some(join(&np, "x-ms-trigger")),
                    format!(
                        "x-ms-trigger changed from {} to {}",
                        show_opt(a),
                        show_opt(b)
                    ),
                );
            }
            if o.has_notification_content() != n.has_notification_content() {
                let m = |w: bool| if w { "webhook" } else { "polling" };
                self.emit(
                    &r::TRIGGER_MECHANISM_CHANGED,
                    Some(op_.clone()),
                    Some(np.clone()),
                    format!(
                        "trigger changed from {} to {}",
                        m(o.has_notification_content()),
                        m(n.has_notification_content())
                    ),
                );
            }
        }
        if !o.is_internal() && n.is_internal() {
            self.emit(
                &r::OPERATION_MADE_INTERNAL,
                Some(op_.clone()),
                Some(join(&np, "x-ms-visibility")),
                "operation became x-ms-visibility: internal".into(),
            );
        }
        if !o.is_deprecated() && n.is_deprecated() {
            self.emit(
                &r::OPERATION_DEPRECATED,
                Some(op_.clone()),
                Some(join(&np, "deprecated")),
                "operation is now deprecated".into(),
            );
        }
        let (of, orv) = (o.family(), o.revision_number());
        let (nf, nrv) = (n.family(), n.revision_number());
        let ann = |p: &str, k: &str| join(&join(p, "x-ms-api-annotation"), k);
        if of.is_some() && of != nf {
            self.emit(
                &r::FAMILY_CHANGED,
                Some(ann(&op_, "family")),
                Some(ann(&np, "family")),
                format!(
                    "family changed from '{}' to '{}'",
                    of.unwrap_or(""),
                    nf.unwrap_or("")
                ),
            );
        }
        if (orv.is_some() || nrv.is_some()) && orv.unwrap_or(1) != nrv.unwrap_or(1) {
            self.emit(
                &r::REVISION_CHANGED,
                Some(ann(&op_, "revision")),
                Some(ann(&np, "revision")),
                format!(
                    "revision changed from {} to {}",
                    orv.unwrap_or(1),
                    nrv.unwrap_or(1)
                ),
            );
        }
        let nc = self.new.media_types(n, "consumes");
        if !nc.is_empty() {
            for c in self.old.media_types(o, "consumes") {
                if !nc.iter().any(|x| x.eq_ignore_ascii_case(c)) {
                    self.emit(
                        &r::CONSUMES_NARROWED,
                        Some(op_.clone()),
                        Some(if n.get("consumes").is_some() {
                            join(&np, "consumes")
                        } else {
                            "/consumes".into()
                        }),
                        format!("media type '{c}' no longer in consumes"),
                    );
                }
            }
        }
        self.text(o.value, &op_, n.value, &np, "the operation");
        self.params(o, n);
        self.responses(o, n);
        // Webhook notification content is the trigger's output.
        if let (Some(a), Some(b)) = (
            o.path_item
                .get("x-ms-notification-content")
                .and_then(|x| x.get("schema")),
            n.path_item
                .get("x-ms-notification-content")
                .and_then(|x| x.get("schema")),
        ) {
            let pa = join(
                &join(&o.path_pointer, "x-ms-notification-content"),
                "schema",
            );
            let pb = join(
                &join(&n.path_pointer, "x-ms-notification-content"),
                "schema",
            );
            self.schema(
                a,
                &pa,
                b,
                &pb,
                Role::Output,
                "responses/x-ms-notification-content/schema",
                &mut Vec::new(),
                0,
            );
        }
    }

    pub(super) fn responses(&mut self, o: &Operation<'a>, n: &Operation<'a>) {
        let map = |op: &Operation<'a>| -> Vec<(&'a str, &'a Value)> {
            op.get("responses")
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
                .unwrap_or_default()
        };
        let (om, nm) = (map(o), map(n));
        let (ob, nb) = (join(&o.pointer, "responses"), join(&n.pointer, "responses"));
        let res = |sw: &Swagger<'a>, v: &'a Value, at: String| sw.resolve_or_self(v, &at);
        let schema_of = |v: &'a Value| v.get("schema");
        for (code, ov) in &om {
            let (ov, ovp) = res(self.old, ov, join(&ob, code));
            // Only success responses (and `default`) are outputs a flow can use; error
            // response schemas are not compared.
            let success = code.starts_with('2') || *code == "default";
            // An empty schema (`{}`, Microsoft's templates put one on `default`) declares no
            // outputs, so there are none to delete or change.
            let declares_outputs = |s: &&Value| !s.as_object().is_some_and(|m| m.is_empty());
            let o_schema = schema_of(ov).filter(|_| success).filter(declares_outputs);
            if let Some((_, nv)) = nm.iter().find(|(k, _)| k == code) {
                let (nv, nvp) = res(self.new, nv, join(&nb, code));
                match (o_schema, schema_of(nv)) {
                    (Some(a), Some(b)) => self.schema(
                        a,
                        &join(&ovp, "schema"),
                        b,
                        &join(&nvp, "schema"),
                        Role::Output,
                        &format!("responses/{code}/schema"),
                        &mut Vec::new(),
                        0,
                    ),
                    (Some(_), None) => self.emit(
                        &r::OUTPUT_SCHEMA_REMOVED,
                        Some(join(&ovp, "schema")),
                        Some(nvp.clone()),
                        format!(
                            "response {code} no longer has a schema: its output fields are deleted"
                        ),
                    ),
                    _ => {}
                }
                self.text(ov, &ovp, nv, &nvp, &format!("response {code}"));
                continue;
            }
            // Moved: a 2xx response disappeared and another 2xx (new in this revision) appeared.
            let moved = code
                .starts_with('2')
                .then(|| {
                    nm.iter()
                        .find(|(k, _)| k.starts_with('2') && !om.iter().any(|(c, _)| c == k))
                })
                .flatten();
            if let Some((ncode, nv)) = moved {
                let (nv, nvp) = res(self.new, nv, join(&nb, ncode));
                self.emit(
                    &r::RESPONSE_STATUS_CHANGED,
                    Some(ovp.clone()),
                    Some(nvp.clone()),
                    format!("response {code} moved to {ncode}"),
                );
                if let (Some(a), Some(b)) = (o_schema, schema_of(nv)) {
                    self.schema(
                        a,
                        &join(&ovp, "schema"),
                        b,
                        &join(&nvp, "schema"),
                        Role::Output,
                        &format!("responses/{ncode}/schema"),
                        &mut Vec::new(),
                        0,
                    );
                } else if o_schema.is_some() {
                    self.emit(&r::OUTPUT_SCHEMA_REMOVED, Some(join(&ovp, "schema")), Some(nvp.clone()),
                        format!("response {code} (now {ncode}) no longer has a schema: its output fields are deleted"));
                }
            } else {
                let rule = if o_schema.is_some() {
                    &r::OUTPUT_SCHEMA_REMOVED
                } else {
                    &r::RESPONSE_REMOVED
                };
                self.emit(
                    rule,
                    Some(ovp.clone()),
                    Some(nb.clone()),
                    format!(
                        "response {code} removed{}",
                        if o_schema.is_some() {
                            " with its schema: its output fields are deleted"
                        } else {
                            ""
                        }
                    ),
                );
            }
        }
    }

    /// `x-ms-dynamic-*` extensions of the old document whose operation no longer exists.
    pub(super) fn dynamic_targets(&mut self) {
        let new_ids: HashSet<&str> = self
            .new
            .operations
            .iter()
            .filter_map(|o| o.operation_id)
            .collect();
        let old_ids: HashSet<&str> = self
            .old
            .operations
            .iter()
            .filter_map(|o| o.operation_id)
            .collect();
        let mut found = Vec::new();
        find_dynamic(self.old.root, &mut Vec::new(), &mut found);
        let mut reported = HashSet::new();
        for (ptr, target) in found {
            if old_ids.contains(target) && !new_ids.contains(target) {
                let op = self
                    .old
                    .operations
                    .iter()
                    .find(|o| ptr.starts_with(&format!("{}/", o.pointer)))
                    .map(op_key)
                    .unwrap_or_default();
                if !reported.insert((op.clone(), target)) {
                    continue;
                }
                self.op = op;
                self.emit(
                    &r::DYNAMIC_TARGET_REMOVED,
                    Some(ptr.clone()),
                    Some(ptr.clone()),
                    format!(
                        "'{target}', used by {}, has been removed",
                        ptr.rsplit('/')
                            .find(|t| t.starts_with("x-ms-dynamic"))
                            .unwrap_or("x-ms-dynamic-*")
                    ),
                );
            }
        }
        self.op.clear();
    }
}

/// Collect `(pointer, operationId)` of every `x-ms-dynamic-*` extension; pointers are built
/// only for hits (the walk itself allocates nothing per node).
fn find_dynamic<'a>(
    v: &'a Value,
    path: &mut Vec<std::borrow::Cow<'a, str>>,
    out: &mut Vec<(String, &'a str)>,
) {
    if path.len() > 128 {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                path.push(std::borrow::Cow::Borrowed(k.as_str()));
                if k.starts_with("x-ms-dynamic-")
                    && let Some(id) = s(child.get("operationId"))
                {
                    out.push((crate::model::pointer::from_tokens(path.iter()), id));
                }
                if child.is_object() || child.is_array() {
                    find_dynamic(child, path, out);
                }
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                if child.is_object() || child.is_array() {
                    path.push(std::borrow::Cow::Owned(i.to_string()));
                    find_dynamic(child, path, out);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}
