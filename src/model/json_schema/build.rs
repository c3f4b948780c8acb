//! Building a [`Schema`]'s nodes from the schema document.

use serde_json::Value;

use super::*;

/// Turns schema objects into [`Node`]s, each once (a `$ref`'d definition is shared).
pub(super) struct Builder<'v> {
    pub(super) root: &'v Value,
    pub(super) nodes: Vec<Node<'v>>,
    pub(super) patterns: Vec<&'v str>,
    /// Schema object (by address) → its node.
    pub(super) built: foldhash::HashMap<*const Value, NodeId>,
    /// `$ref` → its target's node (a definition is referenced many times).
    pub(super) refs: foldhash::HashMap<&'v str, NodeId>,
}

impl<'v> Builder<'v> {
    fn fail<T>(&self, place: Place<'v>, what: String) -> Result<T, Unsupported> {
        let mut at = String::new();
        write_place(&self.nodes, &place, &mut at);
        Err(Unsupported { at, what })
    }

    pub(super) fn node(
        &mut self,
        schema: &'v Value,
        place: Place<'v>,
    ) -> Result<NodeId, Unsupported> {
        if let Some(&id) = self.built.get(&std::ptr::from_ref(schema)) {
            return Ok(id);
        }
        let Some(obj) = schema.as_object() else {
            return self.fail(place, "a schema must be an object".into());
        };
        let id = self.nodes.len();
        self.built.insert(std::ptr::from_ref(schema), id);
        self.nodes.push(Node {
            place,
            keywords: Vec::new(),
        });
        // Keys of a schema object are few: a scan is cheaper than hashing the name.
        let has_additional = obj.keys().any(|k| k == "additionalProperties");
        let under = |keyword: &'static str, member: Member<'v>| Place::Under {
            parent: id,
            keyword,
            member,
        };
        let mut keywords = Vec::with_capacity(obj.len());
        for (k, v) in obj {
            let keyword = match k.as_str() {
                "$ref" => {
                    if obj
                        .keys()
                        .any(|k| k != "$ref" && KEYWORDS.contains(&k.as_str()))
                    {
                        let what = "`$ref` beside other keywords".into();
                        return self.fail(under("$ref", Member::None), what);
                    }
                    let reference = v.as_str().unwrap_or_default();
                    if let Some(&target) = self.refs.get(reference) {
                        keywords.push(Keyword::Ref(target));
                        continue;
                    }
                    let pointer = reference.strip_prefix('#');
                    let Some((pointer, target)) =
                        pointer.and_then(|p| Some((p, self.root.pointer(p)?)))
                    else {
                        let what = format!("`$ref` {v} is not a pointer into this schema");
                        return self.fail(under("$ref", Member::None), what);
                    };
                    let target = self.node(target, Place::Pointer(pointer))?;
                    self.refs.insert(reference, target);
                    Keyword::Ref(target)
                }
                "type" => {
                    let names: &[Value] = match v {
                        Value::Array(a) => a,
                        one => std::slice::from_ref(one),
                    };
                    let mut bits = 0;
                    for n in names {
                        match n.as_str().and_then(type_bit) {
                            Some(b) => bits |= b,
                            None => {
                                return self.fail(
                                    under("type", Member::None),
                                    format!("unknown type {n}"),
                                );
                            }
                        }
                    }
                    Keyword::Type(bits)
                }
                "enum" if v.is_array() => Keyword::Enum(v),
                "required" => match v.as_array() {
                    Some(a) if a.iter().all(Value::is_string) => {
                        Keyword::Required(a.iter().filter_map(Value::as_str).collect())
                    }
                    _ => {
                        let what = "`required` must be an array of names".into();
                        return self.fail(under("required", Member::None), what);
                    }
                },
                "not" => Keyword::Not(self.node(v, under("not", Member::None))?, v),
                "items" => Keyword::Items(self.node(v, under("items", Member::None))?),
                "allOf" => {
                    let Some(items) = v.as_array() else {
                        let what = "`allOf` must be an array".into();
                        return self.fail(under("allOf", Member::None), what);
                    };
                    let mut ids = Vec::with_capacity(items.len());
                    for (i, s) in items.iter().enumerate() {
                        ids.push(self.node(s, under("allOf", Member::Index(i)))?);
                    }
                    Keyword::AllOf(ids)
                }
                "properties" | "patternProperties" if has_additional => continue,
                "properties" => Keyword::Properties(self.properties(id, v)?),
                "patternProperties" => Keyword::PatternProperties(self.pattern_properties(id, v)?),
                "additionalProperties" => {
                    let additional = match v {
                        Value::Bool(true) => Additional::Allowed,
                        Value::Bool(false) => Additional::Refused,
                        s => Additional::Schema(
                            self.node(s, under("additionalProperties", Member::None))?,
                        ),
                    };
                    let properties = match obj.get("properties") {
                        Some(p) => self.properties(id, p)?,
                        None => Default::default(),
                    };
                    let patterns = match obj.get("patternProperties") {
                        Some(p) => self.pattern_properties(id, p)?,
                        None => Vec::new(),
                    };
                    Keyword::Members {
                        properties,
                        patterns,
                        additional,
                    }
                }
                // A definitions map is built on its own (see [`Schema::new`]).
                k if ANNOTATIONS.contains(&k) => continue,
                other => {
                    let what = format!("keyword `{other}` is not supported here");
                    return self.fail(under("", Member::Key(k)), what);
                }
            };
            keywords.push(keyword);
        }
        self.nodes[id].keywords = keywords;
        Ok(id)
    }

    fn properties(
        &mut self,
        parent: NodeId,
        map: &'v Value,
    ) -> Result<foldhash::HashMap<&'v str, NodeId>, Unsupported> {
        let Some(map) = map.as_object() else {
            let at = Place::Under {
                parent,
                keyword: "properties",
                member: Member::None,
            };
            return self.fail(at, "`properties` must be an object".into());
        };
        let mut out = foldhash::HashMap::with_capacity_and_hasher(map.len(), Default::default());
        for (name, s) in map {
            let place = Place::Under {
                parent,
                keyword: "properties",
                member: Member::Key(name),
            };
            out.insert(name.as_str(), self.node(s, place)?);
        }
        Ok(out)
    }

    fn pattern_properties(
        &mut self,
        parent: NodeId,
        map: &'v Value,
    ) -> Result<Vec<(PatternId, NodeId)>, Unsupported> {
        let at = |member| Place::Under {
            parent,
            keyword: "patternProperties",
            member,
        };
        let Some(map) = map.as_object() else {
            return self.fail(
                at(Member::None),
                "`patternProperties` must be an object".into(),
            );
        };
        let mut out = Vec::with_capacity(map.len());
        for (pattern, s) in map {
            // A parse, not a build: the regex is built on first use, if ever.
            if regex_syntax::Parser::new().parse(pattern).is_err() {
                let what = format!("pattern {pattern:?} does not compile");
                return self.fail(at(Member::Key(pattern)), what);
            }
            let pid = match self.patterns.iter().position(|p| p == pattern) {
                Some(i) => i,
                None => {
                    self.patterns.push(pattern);
                    self.patterns.len() - 1
                }
            };
            out.push((pid, self.node(s, at(Member::Key(pattern)))?));
        }
        Ok(out)
    }
}

/// Where a schema object is, written out only for an error: built for every node of a
/// schema on every run, a `String` each was a quarter of the set-up.
#[derive(Clone, Copy)]
pub(super) enum Place<'v> {
    Root,
    /// A `$ref` target or a definition: its pointer.
    Pointer(&'v str),
    /// Under a keyword of another node (`/not`, `/allOf/1`, `/properties/name`).
    Under {
        parent: NodeId,
        keyword: &'static str,
        member: Member<'v>,
    },
}

#[derive(Clone, Copy)]
pub(super) enum Member<'v> {
    None,
    Key(&'v str),
    Index(usize),
}

pub(super) fn write_place(nodes: &[Node<'_>], place: &Place<'_>, out: &mut String) {
    match place {
        Place::Root => {}
        Place::Pointer(p) => out.push_str(p),
        Place::Under {
            parent,
            keyword,
            member,
        } => {
            if let Some(n) = nodes.get(*parent) {
                write_place(nodes, &n.place, out);
            }
            if !keyword.is_empty() {
                out.push('/');
                out.push_str(keyword);
            }
            match member {
                Member::None => {}
                Member::Key(k) => {
                    out.push('/');
                    out.push_str(&escape(k));
                }
                Member::Index(i) => {
                    let _ = write!(out, "/{i}");
                }
            }
        }
    }
}
