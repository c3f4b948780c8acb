//! Two definitions from the same bytes (split at the first `0xFF`) through the differ, both
//! ways and against itself (which must report no change).
#![no_main]
use connkit::diff::{Side, diff};
use connkit::model::DataFile;
use libfuzzer_sys::fuzz_target;

fn side(label: &str, b: &[u8]) -> Side {
    let text = String::from_utf8_lossy(b).into_owned();
    Side {
        label: label.into(),
        definition: Some(DataFile::from_text(label.into(), "apiDefinition.swagger.json".into(), text, vec![], false)),
        properties: None,
    }
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let (a, b) = (&data[..split], data.get(split + 1..).unwrap_or(&[]));
    let _ = diff(&side("old", a), &side("new", b));
    let _ = diff(&side("new", b), &side("old", a));
    let same = diff(&side("old", a), &side("new", a));
    assert!(same.changes.is_empty(), "a document differs from itself: {:?}", same.changes);
});
