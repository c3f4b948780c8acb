use super::*;
use crate::rules::prelude::*;

static TITLE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(api|connector)\b").expect("valid regex"));

static PRODUCT_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(power\s*apps|power\s*automate|logic\s*apps|copilot\s*studio)\b")
        .expect("valid regex")
});

crate::declare_code! {
    /// The title says API or Connector, or the description names a Power Platform product
    ///
    /// ### Why
    /// The connector's name is the service's name: the words `API` and `Connector` add nothing
    /// (every connector is one) and are refused in `info.title`. The description must not name the
    /// products that host connectors (Power Apps, Power Automate, Logic Apps, Copilot Studio): the
    /// same text is shown in all of them. Words are matched whole and ignoring case, so `Rapid` or
    /// `APIs` are not flagged.
    ///
    /// ### Example
    /// Bad: `"title": "Contoso API Connector"`
    /// Good: `"title": "Contoso"`
    pub(crate) static VALUE_CONTAINS_RESTRICTED_WORDS: Rule {
        code: "ValueContainsRestrictedWords",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The value 'title' contains at least one of the restricted words: 'api, connector'."),
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(i) = info(cx) else { return };
    if let Some(t) = i.get("title").and_then(Value::as_str) {
        let words: Vec<String> = TITLE_WORDS
            .find_iter(t)
            .map(|m| m.as_str().to_lowercase())
            .collect();
        if !words.is_empty() {
            sink.emit(
                "/info/title",
                format!(
                    "'title' contains restricted words: '{}' (restricted: 'api, connector')",
                    words.join(", ")
                ),
            );
        }
    }
    if let Some(d) = i.get("description").and_then(Value::as_str) {
        let words: Vec<String> = PRODUCT_NAMES
            .find_iter(d)
            .map(|m| m.as_str().to_lowercase())
            .collect();
        if !words.is_empty() {
            sink.emit(
                    "/info/description",
                    format!(
                        "'description' contains restricted words: '{}' (restricted: 'power apps, power automate, logic apps, copilot studio')",
                        words.join(", ")
                    ),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn restricted_words() {
        let def = patch(
            cert(),
            json!({"info": {"title": "Contoso API Connector", "description": "Use Contoso from Power Automate and PowerApps in your flows."}}),
        );
        let ok = patch(
            cert(),
            json!({"info": {"title": "Rapid APIs", "description": "Automate the power of your applications with Contoso."}}),
        );
        Tester::new(
            &VALUE_CONTAINS_RESTRICTED_WORDS,
            vec![(ok, Profile::Certified)],
            vec![fail((def, Profile::Certified)).at(["/info/title", "/info/description"])],
        )
        .test();
    }
}
