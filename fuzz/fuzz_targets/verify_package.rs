//! Arbitrary bytes as a certification package: must be refused or verified, never panic,
//! never write anything.
#![no_main]
use connkit::package::verify::{VerifyOptions, verify_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = VerifyOptions { plugin: data.first().is_some_and(|b| b & 1 == 1), against: None, limits: Default::default() };
    let _ = verify_bytes("fuzz.zip", data, &options);
});
