//! The properties a schema offers, merged as the designer merges them: its own
//! `properties`, then those of its `allOf` parts, every `$ref` followed.

use serde_json::Value;

use super::Swagger;
use crate::model::pointer::join;

/// How deep `allOf` parts nest before the rest is ignored (real definitions use one or two).
const MAX_ALLOF_DEPTH: usize = 16;

/// One property of a schema.
#[derive(Debug, Clone)]
pub(crate) struct Property<'a> {
    pub(crate) name: &'a str,
    /// The property's schema, `$ref` resolved (the reference itself when it is broken).
    pub(crate) schema: &'a Value,
    /// Where `schema` is written.
    pub(crate) pointer: String,
    /// Listed in `required` of the schema (or of the `allOf` part) that declares it.
    pub(crate) required: bool,
}

impl<'a> Swagger<'a> {
    /// The properties of the schema at `at` (resolved first): its own in file order, then each
    /// `allOf` part's that are not already there. Each part is expanded once (a part that
    /// refers back to the schema is not followed again).
    pub(crate) fn properties(&self, schema: &'a Value, at: &str) -> Vec<Property<'a>> {
        let mut out = Vec::new();
        let mut seen_parts = foldhash::HashSet::default();
        let mut names = foldhash::HashSet::default();
        self.collect_properties(schema, at, 0, &mut seen_parts, &mut names, &mut out);
        out
    }

    fn collect_properties(
        &self,
        schema: &'a Value,
        at: &str,
        depth: usize,
        seen_parts: &mut foldhash::HashSet<String>,
        names: &mut foldhash::HashSet<&'a str>,
        out: &mut Vec<Property<'a>>,
    ) {
        if depth > MAX_ALLOF_DEPTH {
            return;
        }
        let Ok((s, ptr)) = self.resolve(schema, at) else {
            return;
        };
        if !seen_parts.insert(ptr.clone()) {
            return;
        }
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            let base = join(&ptr, "properties");
            for (name, raw) in props {
                if !names.insert(name.as_str()) {
                    continue;
                }
                let (schema, pointer) = self.resolve_or_self(raw, &join(&base, name));
                out.push(Property {
                    name,
                    schema,
                    pointer,
                    required: required.contains(&name.as_str()),
                });
            }
        }
        if let Some(parts) = s.get("allOf").and_then(Value::as_array) {
            let base = join(&ptr, "allOf");
            for (i, part) in parts.iter().enumerate() {
                let at = format!("{base}/{i}");
                self.collect_properties(part, &at, depth + 1, seen_parts, names, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn own_properties_then_all_of_parts_refs_followed_cycles_cut() {
        let doc = json!({
            "definitions": {
                "Base": {"required": ["id"], "properties": {"id": {"type": "string"}, "name": {"$ref": "#/definitions/Name"}}},
                "Name": {"type": "string", "x-ms-summary": "Name"},
                "Loop": {"allOf": [{"$ref": "#/definitions/Loop"}], "properties": {"x": {}}}
            },
            "s": {"properties": {"name": {"type": "integer"}}, "allOf": [{"$ref": "#/definitions/Base"}]}
        });
        let sw = Swagger::new(&doc);
        let props = sw.properties(&doc["s"], "/s");
        let names: Vec<&str> = props.iter().map(|p| p.name).collect();
        assert_eq!(names, ["name", "id"]);
        assert_eq!(
            props[0].schema["type"], "integer",
            "the schema's own property wins"
        );
        assert!(props[1].required && !props[0].required);
        let base = sw.properties(&doc["definitions"]["Base"], "/definitions/Base");
        assert_eq!(base[1].pointer, "/definitions/Name");
        assert_eq!(base[1].schema["x-ms-summary"], "Name");
        let looped = sw.properties(&doc["definitions"]["Loop"], "/definitions/Loop");
        assert_eq!(looped.len(), 1);
    }
}
