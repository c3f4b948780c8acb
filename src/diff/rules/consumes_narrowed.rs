use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a media type was removed from consumes
    ///
    /// ### Why
    /// Requests sent with the removed content type are no longer described as accepted.
    ///
    /// ### Example
    /// Before: `CreateItem` consumes `application/json` (from the document's `consumes`).
    /// After: `CreateItem` has `consumes: [text/plain]`.
    pub(crate) static CONSUMES_NARROWED: DiffRule {
        code: "ConsumesNarrowed",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        source: "BCI-07",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_media_type_is_no_longer_consumed() {
        snapshot_reports("ConsumesNarrowed", |_, n| {
            set(
                n,
                "/paths/~1items/post/consumes",
                Some(json!(["text/plain"])),
            )
        });
    }

    #[test]
    fn not_reported_when_consumes_only_grows() {
        // Media types compare case-insensitively.
        assert_does_not_report("ConsumesNarrowed", |_, n| {
            set(
                n,
                "/paths/~1items/post/consumes",
                Some(json!(["Application/JSON", "text/plain"])),
            )
        });
    }
}
