//! connkit validates definitions and apiProperties.json against its bundled schemas with its
//! own interpreter (`connkit::model::json_schema`), not the `jsonschema` crate, to save the
//! crate's compile step on every run. These tests hold the interpreter to the crate: the same
//! errors (instance path, schema location, message) on every shipped sample and
//! fixture, on thousands of mutations of them, on random documents made of the schemas' own
//! words (alone, and grafted into a sample so that they fail deep inside the schema), and on
//! every definition of the public corpus when it is beside the repository.

#[path = "support/skip.rs"]
mod skip;

use std::path::{Path, PathBuf};

use connkit::model::json_schema::Schema;
use connkit::model::pointer::{join, join_index};
use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

struct Pair {
    name: &'static str,
    ours: Schema<'static>,
    theirs: jsonschema::Validator,
}

fn pairs() -> Vec<Pair> {
    [
        ("apiDefinition", "schemas/apiDefinition.schema.json"),
        ("apiProperties", "schemas/apiProperties.schema.json"),
    ]
    .into_iter()
    .map(|(name, file)| {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        // Kept for the whole test run, as the rules keep theirs for the whole process.
        let value: &'static Value = Box::leak(Box::new(serde_json::from_str(&text).unwrap()));
        Pair {
            name,
            ours: Schema::new(value).expect("the bundled schema is supported"),
            theirs: jsonschema::draft4::new(value).expect("the bundled schema compiles"),
        }
    })
    .collect()
}

type Errors = Vec<(String, String, String)>;

fn theirs(v: &jsonschema::Validator, doc: &Value) -> Errors {
    v.iter_errors(doc)
        .map(|e| {
            (
                e.instance_path().as_str().to_string(),
                e.schema_path().as_str().to_string(),
                e.to_string(),
            )
        })
        .collect()
}

fn ours(s: &Schema, doc: &Value) -> Errors {
    s.errors(doc)
        .into_iter()
        .map(|e| {
            let message = e.to_string();
            (e.instance_path, e.schema_path, message)
        })
        .collect()
}

/// Compare on one document; the description names it in a failure. The order of the errors
/// is not compared: the crate's depends on which of its fused validators a schema object
/// compiles to, and connkit orders findings by position, code and message.
fn same(p: &Pair, doc: &Value, what: &str) {
    let (mut a, mut b) = (ours(&p.ours, doc), theirs(&p.theirs, doc));
    a.sort();
    b.sort();
    assert_eq!(
        a, b,
        "{} schema, {what}: ours (left) vs jsonschema (right)",
        p.name
    );
    assert_eq!(
        p.ours.is_valid(doc),
        p.theirs.is_valid(doc),
        "{} schema, {what}: is_valid",
        p.name
    );
}

/// Every JSON file named like a definition or apiProperties.json under `dir`.
fn documents(dir: &Path, out: &mut Vec<(PathBuf, bool)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if p.is_dir() && !p.is_symlink() {
            documents(&p, out);
        } else if name == "apiProperties.json" {
            out.push((p, false));
        } else if name.ends_with(".swagger.json") || name == "apiDefinition.json" {
            out.push((p, true));
        }
    }
}

fn load(path: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// The pointer of every value in `doc`, the root (`""`) first.
fn every_pointer(doc: &Value) -> Vec<String> {
    fn walk(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    let child = join(&at, k);
                    out.push(child.clone());
                    walk(c, child, out);
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    let child = join_index(&at, i);
                    out.push(child.clone());
                    walk(c, child, out);
                }
            }
            _ => {}
        }
    }
    let mut out = vec![String::new()];
    walk(doc, String::new(), &mut out);
    out
}

/// Deterministic mutations of `doc`: at every node (up to `limit`), the value replaced by one
/// of each JSON type, an unknown key or a misspelled extension added to objects, and each
/// member removed in turn.
fn mutations(doc: &Value, limit: usize) -> Vec<Value> {
    let all = every_pointer(doc);
    let step = (all.len() / limit.max(1)).max(1);
    let replacements = [
        json!(null),
        json!(true),
        json!(7),
        json!(1.5),
        json!("text"),
        json!(""),
        json!([]),
        json!({}),
        json!({"bogus": 1}),
    ];
    let mut out = Vec::new();
    for (n, at) in all.iter().enumerate().step_by(step) {
        let r = &replacements[n % replacements.len()];
        let mut d = doc.clone();
        if let Some(slot) = d.pointer_mut(at) {
            *slot = r.clone();
            out.push(d);
        }
        let mut d = doc.clone();
        if let Some(Value::Object(m)) = d.pointer_mut(at) {
            match n % 3 {
                0 => m.insert("unknownKey".into(), json!(1)),
                1 => m.insert("x-ms-visibilty".into(), json!("important")),
                _ => m.insert("x-ms-visibility".into(), json!("Advanced")),
            };
            out.push(d);
        }
        let mut d = doc.clone();
        if let Some(Value::Object(m)) = d.pointer_mut(at)
            && let Some(first) = m.keys().nth(n % m.len().max(1)).cloned()
        {
            m.shift_remove(&first);
            out.push(d);
        }
    }
    out
}

fn samples() -> Vec<(PathBuf, bool)> {
    let mut docs = Vec::new();
    documents(&root().join("connectors"), &mut docs);
    documents(&root().join("tests/fixtures"), &mut docs);
    docs
}

#[test]
fn same_errors_as_jsonschema_on_the_samples_and_fixtures() {
    let pairs = pairs();
    let docs = samples();
    assert!(docs.len() >= 6, "{docs:?}");
    for (path, definition) in docs {
        let Some(doc) = load(&path) else { continue };
        let p = &pairs[usize::from(!definition)];
        same(p, &doc, &path.display().to_string());
    }
}

#[test]
fn same_errors_as_jsonschema_on_mutated_samples() {
    let pairs = pairs();
    let mut checked = 0;
    let mut invalid = 0;
    for (path, definition) in samples() {
        let Some(doc) = load(&path) else { continue };
        let p = &pairs[usize::from(!definition)];
        for (i, m) in mutations(&doc, 400).iter().enumerate() {
            same(p, m, &format!("{} mutation {i}", path.display()));
            checked += 1;
            invalid += usize::from(!p.ours.is_valid(m));
        }
    }
    // The comparison means something only if many mutations break the schema.
    assert!(checked > 1000, "{checked} mutations");
    assert!(
        invalid > checked / 5,
        "{invalid} of {checked} mutations invalid"
    );
}

#[test]
fn same_errors_as_jsonschema_on_the_corpus() {
    let base = root().join("../shared/corpus");
    if !base.is_dir() {
        skip::skipped(&format!("{} not found", base.display()));
        return;
    }
    let pairs = pairs();
    let mut docs = Vec::new();
    documents(&base, &mut docs);
    let mut checked = 0;
    for (path, definition) in docs {
        let Some(doc) = load(&path) else { continue };
        same(
            &pairs[usize::from(!definition)],
            &doc,
            &path.display().to_string(),
        );
        checked += 1;
    }
    assert!(checked > 1000, "{checked} corpus documents");
}

/// Every property name and string enum value of the two schemas: random documents built from
/// them reach deep into the schemas (paths, operations, parameters, extensions) instead of
/// failing at the root.
fn vocabulary() -> Vec<String> {
    fn walk(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    if k == "properties" || k == "patternProperties" {
                        for name in c.as_object().into_iter().flat_map(|o| o.keys()) {
                            out.insert(name.trim_start_matches('^').to_string());
                        }
                    }
                    if k == "enum" {
                        for s in c.as_array().into_iter().flatten().filter_map(Value::as_str) {
                            out.insert(s.to_string());
                        }
                    }
                    walk(c, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut out = std::collections::BTreeSet::new();
    for f in [
        "schemas/apiDefinition.schema.json",
        "schemas/apiProperties.schema.json",
    ] {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(root().join(f)).unwrap()).unwrap();
        walk(&v, &mut out);
    }
    out.extend([
        "/tasks".to_string(),
        "x-custom".into(),
        "a~b/c".into(),
        "Bogus".into(),
    ]);
    out.into_iter().collect()
}

mod random_documents {
    use super::*;
    use proptest::prelude::*;

    fn document(vocab: Vec<String>) -> impl Strategy<Value = Value> {
        let words = prop::sample::select(vocab);
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i32>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            words.clone().prop_map(Value::from),
        ];
        leaf.prop_recursive(6, 120, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::vec((words.clone(), inner), 0..6)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    /// A shipped sample definition with a random value put at a random place in it: the
    /// sample's structure takes the random part deep into the schema.
    fn grafted(vocab: Vec<String>) -> impl Strategy<Value = Value> {
        let sample = load(
            &root().join("connectors/certified-connectors/ContosoTasks/apiDefinition.swagger.json"),
        )
        .unwrap();
        let places = every_pointer(&sample);
        let words = prop::sample::select(vocab.clone());
        (
            prop::sample::select(places),
            document(vocab),
            words,
            any::<bool>(),
        )
            .prop_map(move |(at, value, key, replace)| {
                let mut doc = sample.clone();
                match doc.pointer_mut(&at) {
                    Some(Value::Object(m)) if !replace => {
                        m.insert(key, value);
                    }
                    Some(slot) => *slot = value,
                    None => {}
                }
                doc
            })
    }

    /// The comparison below means something only if the random documents fail inside the
    /// schema, not only at its root.
    #[test]
    fn random_documents_reach_inside_the_schemas() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        let strategy = grafted(vocabulary());
        let mut runner = TestRunner::deterministic();
        let p = &pairs()[0];
        let deep = (0..300)
            .filter(|_| {
                let doc = strategy.new_tree(&mut runner).unwrap().current();
                p.ours
                    .errors(&doc)
                    .iter()
                    .any(|e| e.instance_path.matches('/').count() >= 3)
            })
            .count();
        assert!(
            deep >= 60,
            "only {deep} of 300 random documents fail three levels down or deeper"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Random values made of the schemas' own words, alone and grafted into a sample:
        /// the same errors as `jsonschema`.
        #[test]
        fn same_errors_as_jsonschema_on_random_documents(
            doc in document(vocabulary()),
            grafted in grafted(vocabulary()),
        ) {
            for p in pairs() {
                same(&p, &doc, &format!("random document {doc}"));
                same(&p, &grafted, &format!("random graft {grafted}"));
            }
        }
    }
}
