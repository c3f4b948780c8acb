//! One connector (definition + apiProperties from the same bytes split in two) through every
//! rule. `InternalError` means a rule panicked: that is a bug.
#![no_main]
use connkit::model::{Connector, DataFile};
use connkit::rules::{self, LintOptions, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let c = Connector {
        definition: Some(DataFile::from_text("d.json".into(), "apiDefinition.swagger.json".into(), text(&data[..split]), vec![], false)),
        properties: Some(DataFile::from_text("p.json".into(), "apiProperties.json".into(), text(data.get(split + 1..).unwrap_or(&[])), vec![], false)),
        ..Default::default()
    };
    for profile in [Profile::Custom, Profile::Certified, Profile::IndependentPublisher] {
        let findings = rules::lint(&c, profile, &LintOptions::default());
        assert!(findings.iter().all(|f| f.code != "InternalError"), "{findings:?}");
    }
});
