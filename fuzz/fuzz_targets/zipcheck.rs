//! Arbitrary bytes through the strict zip layout check: an error or a layout whose entries
//! all lie inside the archive, never a panic, at most `max_entries` entries.
#![no_main]
use connkit::package::zipcheck;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let max = 1 + usize::from(data.first().copied().unwrap_or(0));
    if let Ok(layout) = zipcheck::check(data, max) {
        assert!(layout.entries.len() <= max, "{} entries past the cap {max}", layout.entries.len());
        for e in &layout.entries {
            assert!(e.local_offset < data.len() as u64, "local header past the end");
        }
    }
});
