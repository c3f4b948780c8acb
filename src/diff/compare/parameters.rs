//! Parameters matched by name, and the keywords of one field (type, format, enum,
//! constraints, visibility, default).

use super::*;

impl<'a> Comparer<'a> {
    pub(super) fn params(&mut self, o: &Operation<'a>, n: &Operation<'a>) {
        let find = |list: &[Param<'a>], p: &Param<'a>| -> Option<usize> {
            if p.location == Some("body") {
                return list.iter().position(|q| q.location == Some("body"));
            }
            list.iter()
                .position(|q| q.name == p.name && q.location == p.location)
                .or_else(|| {
                    list.iter().position(|q| {
                        q.name.is_some() && q.name == p.name && q.location != Some("body")
                    })
                })
        };
        let mut matched_new = HashSet::new();
        for op in &o.params {
            if op.ref_error.is_some() {
                continue;
            }
            let label = op.name.unwrap_or("?");
            match find(&n.params, op) {
                Some(j) => {
                    matched_new.insert(j);
                    if let Some(np) = n.params.get(j) {
                        self.param(op, np);
                    }
                }
                None => self.emit(
                    &r::INPUT_REMOVED,
                    Some(op.target.clone()),
                    Some(n.pointer.clone()),
                    format!(
                        "parameter '{label}' ({}) removed",
                        op.location.unwrap_or("?")
                    ),
                ),
            }
        }
        for (j, np) in n.params.iter().enumerate() {
            if matched_new.contains(&j) || np.ref_error.is_some() {
                continue;
            }
            let label = np.name.unwrap_or("?");
            let required = np.is_required() || np.location == Some("path");
            let what = format!("parameter '{label}' ({})", np.location.unwrap_or("?"));
            self.added_input(required, np.value, Some(&o.pointer), &np.target, &what);
        }
    }

    pub(super) fn added_input(
        &mut self,
        required: bool,
        v: &'a Value,
        old_ptr: Option<&str>,
        new_ptr: &str,
        what: &str,
    ) {
        if required {
            if v.get("default").is_some() {
                self.emit(
                    &r::REQUIRED_INPUT_ADDED_WITH_DEFAULT,
                    old_ptr.map(str::to_string),
                    Some(new_ptr.to_string()),
                    format!("required input {what} added (it has a default)"),
                );
            } else {
                self.emit(
                    &r::REQUIRED_INPUT_ADDED,
                    old_ptr.map(str::to_string),
                    Some(new_ptr.to_string()),
                    format!("required input {what} added"),
                );
            }
        } else {
            self.emit(
                &r::OPTIONAL_INPUT_ADDED,
                old_ptr.map(str::to_string),
                Some(new_ptr.to_string()),
                format!("optional input {what} added"),
            );
        }
    }

    pub(super) fn param(&mut self, o: &Param<'a>, n: &Param<'a>) {
        let label = format!("parameter '{}'", n.name.unwrap_or("?"));
        if o.location != n.location {
            self.emit(
                &r::PARAMETER_LOCATION_CHANGED,
                Some(o.field("in")),
                Some(n.field("in")),
                format!(
                    "{label} moved from {} to {}",
                    o.location.unwrap_or("?"),
                    n.location.unwrap_or("?")
                ),
            );
        }
        let o_req = o.is_required() || o.location == Some("path");
        let n_req = n.is_required() || n.location == Some("path");
        if !o_req && n_req {
            self.emit(
                &r::INPUT_BECAME_REQUIRED,
                Some(o.target.clone()),
                Some(n.field("required")),
                format!("{label} changed from optional to required"),
            );
        } else if o_req && !n_req {
            self.emit(
                &r::INPUT_BECAME_OPTIONAL,
                Some(o.field("required")),
                Some(n.target.clone()),
                format!("{label} changed from required to optional"),
            );
        }
        if o.location == Some("body") && n.location == Some("body") {
            if let (Some(a), Some(b)) = (o.get("schema"), n.get("schema")) {
                let name = format!("parameter/{}/schema", n.name.unwrap_or("body"));
                self.schema(
                    a,
                    &o.field("schema"),
                    b,
                    &n.field("schema"),
                    Role::Input,
                    &name,
                    &mut Vec::new(),
                    0,
                );
            }
            self.text(o.value, &o.target, n.value, &n.target, &label);
            return;
        }
        self.field(o.value, &o.target, n.value, &n.target, Role::Input, &label);
        let (a, b) = (o.get("collectionFormat"), n.get("collectionFormat"));
        if a != b && !(a.is_none() && s(b) == Some("csv")) && !(b.is_none() && s(a) == Some("csv"))
        {
            self.emit(
                &r::INPUT_COLLECTION_FORMAT_CHANGED,
                Some(o.field("collectionFormat")),
                Some(n.field("collectionFormat")),
                format!(
                    "collectionFormat of {label} changed from {} to {}",
                    show_opt(a),
                    show_opt(b)
                ),
            );
        }
        if let (Some(a), Some(b)) = (o.get("items"), n.get("items")) {
            self.schema(
                a,
                &o.field("items"),
                b,
                &n.field("items"),
                Role::Input,
                &format!("parameter/{}/items", n.name.unwrap_or("?")),
                &mut Vec::new(),
                0,
            );
        }
    }

    /// Keywords of one field (parameter or schema): type, format, enum, and for inputs
    /// visibility, default and constraints; text.
    pub(super) fn field(
        &mut self,
        o: &'a Value,
        op: &str,
        n: &'a Value,
        np: &str,
        role: Role,
        label: &str,
    ) {
        let (ot, nt) = (o.get("type"), n.get("type"));
        // A field that loses its `type` is a type change to Microsoft's validator, on both sides:
        // PR #3151 reported an output's `…/items/type/type` (`{type: string}` → an enum-only
        // schema), and PR #480 an input's `…/schema/data/type` that only lost `type: object`.
        let type_dropped = ot.is_some() && nt.is_none();
        let type_changed = (ot.is_some() && nt.is_some() && ot != nt) || type_dropped;
        if type_changed {
            let rule = if role == Role::Input {
                &r::INPUT_TYPE_CHANGED
            } else {
                &r::OUTPUT_TYPE_CHANGED
            };
            self.emit(
                rule,
                Some(join(op, "type")),
                Some(join(np, "type")),
                format!(
                    "type of {label} changed from {} to {}",
                    show_opt(ot),
                    show_opt(nt)
                ),
            );
        }
        let (of, nf) = (o.get("format"), n.get("format"));
        if !type_changed && of != nf {
            let rule = if role == Role::Input {
                &r::INPUT_FORMAT_CHANGED
            } else {
                &r::OUTPUT_FORMAT_CHANGED
            };
            self.emit(
                rule,
                Some(if of.is_some() {
                    join(op, "format")
                } else {
                    op.to_string()
                }),
                Some(if nf.is_some() {
                    join(np, "format")
                } else {
                    np.to_string()
                }),
                format!(
                    "format of {label} changed from {} to {}",
                    show_opt(of),
                    show_opt(nf)
                ),
            );
        }
        self.enums(o, op, n, np, role, label);
        if role == Role::Input {
            let internal = |v: &Value| s(v.get("x-ms-visibility")) == Some("internal");
            if !internal(o) && internal(n) && n.get("default").is_none() {
                self.emit(
                    &r::INPUT_MADE_INTERNAL,
                    Some(op.to_string()),
                    Some(join(np, "x-ms-visibility")),
                    format!("{label} became internal and has no default"),
                );
            }
            let (od, nd) = (o.get("default"), n.get("default"));
            if od.is_some() && od != nd {
                self.emit(
                    &r::INPUT_DEFAULT_CHANGED,
                    Some(join(op, "default")),
                    Some(if nd.is_some() {
                        join(np, "default")
                    } else {
                        np.to_string()
                    }),
                    format!(
                        "default of {label} changed from {} to {}",
                        show_opt(od),
                        show_opt(nd)
                    ),
                );
            }
            self.constraints(o, op, n, np, label);
        }
        self.text(o, op, n, np, label);
    }

    pub(super) fn constraints(&mut self, o: &Value, op: &str, n: &Value, np: &str, label: &str) {
        let num = |v: &Value, k: &str| v.get(k).and_then(Value::as_f64);
        for (k, upper) in [
            ("maxLength", true),
            ("maximum", true),
            ("maxItems", true),
            ("minLength", false),
            ("minimum", false),
            ("minItems", false),
        ] {
            let (a, b) = (num(o, k), num(n, k));
            let tighter = match (a, b) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => (upper && b < a) || (!upper && b > a),
                _ => false,
            };
            if tighter {
                self.emit(
                    &r::INPUT_CONSTRAINT_TIGHTENED,
                    Some(if a.is_some() {
                        join(op, k)
                    } else {
                        op.to_string()
                    }),
                    Some(join(np, k)),
                    format!(
                        "{k} of {label} changed from {} to {}",
                        show_opt(o.get(k)),
                        show_opt(n.get(k))
                    ),
                );
            }
        }
        let (a, b) = (o.get("pattern"), n.get("pattern"));
        if b.is_some() && a != b {
            self.emit(
                &r::INPUT_CONSTRAINT_TIGHTENED,
                Some(if a.is_some() {
                    join(op, "pattern")
                } else {
                    op.to_string()
                }),
                Some(join(np, "pattern")),
                format!(
                    "pattern of {label} changed from {} to {}",
                    show_opt(a),
                    show_opt(b)
                ),
            );
        }
    }

    pub(super) fn enums(
        &mut self,
        o: &Value,
        op: &str,
        n: &Value,
        np: &str,
        role: Role,
        label: &str,
    ) {
        let (oe, ne) = (enum_set(o), enum_set(n));
        let (ep, enp) = (join(op, "enum"), join(np, "enum"));
        match (oe, ne, role) {
            (Some(a), Some(b), _) => {
                let bk: HashSet<String> = b.iter().map(|v| key_of(v)).collect();
                let ak: HashSet<String> = a.iter().map(|v| key_of(v)).collect();
                let removed: Vec<String> = a
                    .iter()
                    .filter(|v| !bk.contains(&key_of(v)))
                    .map(|v| show(v))
                    .collect();
                let added: Vec<String> = b
                    .iter()
                    .filter(|v| !ak.contains(&key_of(v)))
                    .map(|v| show(v))
                    .collect();
                if role == Role::Input && !removed.is_empty() {
                    self.emit(
                        &r::INPUT_ENUM_VALUE_REMOVED,
                        Some(ep.clone()),
                        Some(enp.clone()),
                        format!("enum value(s) {} removed from {label}", removed.join(", ")),
                    );
                }
                if !added.is_empty() {
                    let rule = if role == Role::Input {
                        &r::INPUT_ENUM_VALUE_ADDED
                    } else {
                        &r::OUTPUT_ENUM_VALUE_ADDED
                    };
                    self.emit(
                        rule,
                        Some(ep),
                        Some(enp),
                        format!("enum value(s) {} added to {label}", added.join(", ")),
                    );
                }
            }
            (None, Some(_), Role::Input) => self.emit(
                &r::INPUT_ENUM_ADDED,
                Some(op.to_string()),
                Some(enp),
                format!("an enum list was added to {label}"),
            ),
            (Some(_), None, Role::Input) => self.emit(
                &r::INPUT_ENUM_REMOVED,
                Some(ep),
                Some(np.to_string()),
                format!("the enum list of {label} was removed"),
            ),
            (Some(_), None, Role::Output) => self.emit(
                &r::OUTPUT_ENUM_REMOVED,
                Some(ep),
                Some(np.to_string()),
                format!("the enum list of {label} was removed"),
            ),
            _ => {}
        }
    }
}
