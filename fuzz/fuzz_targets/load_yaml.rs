//! Bytes → YAML definition: the nesting pre-scan, the YAML parser and the one-pass position
//! index never panic, issue offsets lie inside the text, and positions resolve.
#![no_main]
use connkit::model::{DataFile, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut issues = Vec::new();
    let text = parse::decode(data, &mut issues);
    let f = DataFile::from_text("f.yaml".into(), "f.yaml".into(), text, issues, false);
    for i in &f.issues {
        if let Some(o) = i.offset {
            assert!(o <= f.text.len(), "offset {o} past end {}", f.text.len());
            let _ = f.lines().line_col(&f.text, o);
        }
    }
    let spans = f.locate_all(&["", "/paths", "/paths/~1a/get", "/paths/~1a/get/parameters/0", "/x/0/1"]);
    for s in spans.into_iter().flatten() {
        assert!(s.start <= f.text.len().max(1), "span past end");
        let _ = f.lines().line_col(&f.text, s.start.min(f.text.len()));
    }
    if let Some(v) = &f.value {
        let _ = connkit::model::swagger::Swagger::new(v).schema_nodes().len();
    }
});
