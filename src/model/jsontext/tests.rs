use super::*;
use proptest::prelude::*;

fn lay() -> Layout {
    Layout {
        bom: false,
        crlf: false,
        final_newline: true,
        indent: Indent::default(),
    }
}

#[test]
fn format_uses_four_spaces_and_keeps_number_text() {
    let out = format(r#"{"a":[1.0e5, -0, 1.50],"b":{},"c":"\u00e9\/"}"#, lay()).unwrap();
    assert_eq!(
        out,
        "{\n    \"a\": [\n        1.0e5,\n        -0,\n        1.50\n    ],\n    \"b\": {},\n    \"c\": \"\\u00e9\\/\"\n}\n"
    );
}

#[test]
fn format_orders_swagger_root_and_info_keys() {
    let out = format(
        r#"{"paths":{},"x-a":1,"info":{"version":"1","contact":{},"title":"T"},"swagger":"2.0"}"#,
        lay(),
    )
    .unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["swagger", "info", "paths", "x-a"]);
    let ik: Vec<_> = v["info"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(ik, ["title", "version", "contact"]);
    // Not a swagger document: order kept.
    let out = format(r#"{"paths":{},"info":1}"#, lay()).unwrap();
    assert!(out.find("paths") < out.find("info"));
}

#[test]
fn syntax_errors_are_refused() {
    for bad in [
        "{\"a\":1,}",
        "{\"a\":1 // c\n}",
        "[01]",
        "{'a':1}",
        "[1.]",
        "",
    ] {
        assert!(parse(bad).is_err(), "{bad}");
    }
    assert!(parse(" [1, 2.5e-3, true, null, \"x\"] ").is_ok());
}

#[test]
fn splice_inserts_and_removes_only_what_changed() {
    let text = "{\n  \"a\": {\n    \"x\": 1.0,\n    \"r\": []\n  },\n  \"b\": 2\n}\n";
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["a"].as_object_mut().unwrap().remove("r");
    v["a"]["y"] = Value::String("s".into());
    // remove + add in one object: only that object is rewritten
    let out = splice(text, &v).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), v);
    assert!(out.ends_with("  \"b\": 2\n}\n"));
    // pure addition keeps every other byte
    let mut w: Value = serde_json::from_str(text).unwrap();
    w["a"]["z"] = serde_json::json!(true);
    let out = splice(text, &w).unwrap();
    assert_eq!(
        out,
        "{\n  \"a\": {\n    \"x\": 1.0,\n    \"r\": [],\n    \"z\": true\n  },\n  \"b\": 2\n}\n"
    );
    // pure removal
    let mut w: Value = serde_json::from_str(text).unwrap();
    w["a"].as_object_mut().unwrap().remove("r");
    let out = splice(text, &w).unwrap();
    assert_eq!(out, "{\n  \"a\": {\n    \"x\": 1.0\n  },\n  \"b\": 2\n}\n");
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((".*", inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn fmt_preserves_the_parsed_value(v in arb_json(), pretty in any::<bool>(), swagger in any::<bool>()) {
        let mut v = v;
        if swagger && let Value::Object(m) = &mut v {
            m.insert("swagger".into(), Value::String("2.0".into()));
        }
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
        let out = format(&text, lay()).unwrap();
        let back: Value = serde_json::from_str(&out).unwrap();
        prop_assert_eq!(&back, &v);
        // idempotent and free of trailing whitespace
        prop_assert_eq!(format(&out, lay()).unwrap(), out.clone());
        prop_assert!(out.lines().all(|l| !l.ends_with(' ') && !l.ends_with('\t')));
    }
}
