//! Bytes → model: decoding, lenient JSON, duplicate keys, positions for every pointer.
#![no_main]
use connkit::model::{DataFile, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut issues = Vec::new();
    let text = parse::decode(data, &mut issues);
    let f = DataFile::from_text("f.json".into(), "f.json".into(), text, issues, false);
    // Every issue offset must lie inside the text, and positions must resolve.
    for i in &f.issues {
        if let Some(o) = i.offset {
            assert!(o <= f.text.len(), "offset {o} past end {}", f.text.len());
            let _ = f.lines().line_col(&f.text, o);
        }
    }
    let _ = f.locate_all(&["", "/paths", "/paths/~1a/get", "/definitions/x/properties/y"]);
    if let Some(v) = &f.value {
        let _ = connkit::model::swagger::Swagger::new(v).schema_nodes().len();
    }
});
