//! `ConvertHostMissing`.

use super::NoteDoc;

crate::declare_code! {
    /// No absolute server URL: host is a placeholder
    ///
    /// ### Why
    /// A connector calls one absolute host. When the input has no absolute server URL (no
    /// `servers`, or a relative one), the host is the placeholder `api.example.com`. Give the real
    /// host with `--host`.
    ///
    /// ### Example
    /// `servers: [{url: /v1}]` gives `host: api.example.com` and this note; `connkit convert --host
    /// api.contoso.com` does not.
    pub(crate) static CONVERT_HOST_MISSING: NoteDoc {
        code: "ConvertHostMissing",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_HOST_MISSING;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn relative_server() -> serde_json::Value {
        let mut doc = with_get(json!({}));
        doc["servers"] = json!([{"url": "/v1"}]);
        doc
    }

    #[test]
    fn a_relative_server_leaves_a_placeholder_host() {
        snapshot(&CONVERT_HOST_MISSING, &relative_server());
        assert!(
            emits(&relative_server(), &CONVERT_HOST_MISSING),
            "{:?}",
            codes(&relative_server())
        );
    }

    #[test]
    fn near_miss_host_given_on_the_command_line() {
        let opts = crate::convert::Options {
            host: Some("api.contoso.com".into()),
            ..Default::default()
        };
        let out = crate::convert::convert(&relative_server(), &opts).unwrap();
        assert!(
            !out.notes
                .iter()
                .any(|n| n.code == CONVERT_HOST_MISSING.code)
        );
    }
}
