use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A template placeholder (`Publisher name`, `support@example.com`, …) would reach Microsoft
    ///
    /// ### Why
    /// `connkit init` writes placeholders for the author to replace: `publisher` "Publisher name",
    /// `stackOwner` "Service owner name", and in the definition a contact named "Publisher name" at
    /// `support@example.com`. They are well-formed, so no other rule notices them, yet a package
    /// carrying them names nobody: reviewers send it back, and a merged connector would show them
    /// to every user. Reported in `publisher`, `stackOwner` and `info.contact` (name, email) when
    /// the value is one of the placeholders templates write (compared without case). Fictional
    /// sample addresses such as `jane.doe@example.com` are left alone: only the template values are
    /// certain to be unintended.
    ///
    /// ### Example
    /// Bad: `"publisher": "Publisher name"`, or `"info": {"contact": {"email": "support@example.com"}}`
    /// Good: `"publisher": "Contoso"`, `"email": "support@contoso.com"`
    pub static PLACEHOLDER_VALUE: Rule {
        code: "PlaceholderValue",
        severity: Severity::Error,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Properties,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let placeholder = |v: &str| {
        let t = v.trim().to_ascii_lowercase();
        PLACEHOLDERS.contains(&t.as_str())
    };
    if let Some(p) = props_root(cx).and_then(|r| r.get("properties")) {
        for key in ["publisher", "stackOwner"] {
            if let Some(v) = p.get(key).and_then(Value::as_str)
                && placeholder(v)
            {
                sink.emit(
                    join("/properties", key),
                    format!("'{key}' is still the placeholder \"{v}\": write the real name"),
                );
            }
        }
    }
    let Some(def) = cx.connector.definition_value() else {
        return;
    };
    if let Some(contact) = def.pointer("/info/contact").and_then(Value::as_object) {
        for (k, v) in contact {
            let Some(v) = v.as_str() else { continue };
            let bad = match k.as_str() {
                "name" => placeholder(v),
                "email" => PLACEHOLDER_EMAILS.contains(&v.trim().to_ascii_lowercase().as_str()),
                _ => false,
            };
            if bad {
                sink.emit_in(
                    FileKind::Definition,
                    join("/info/contact", k),
                    format!(
                        "info.contact.{k} is still a placeholder (\"{v}\"): write the real contact"
                    ),
                );
            }
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
    fn placeholder_values_fail_and_real_values_pass() {
        let contact = |c: Value| {
            let d = patch(def(), json!({"info": {"contact": c}}));
            (connector_from(d, Some(good_props())), Profile::Certified)
        };
        Tester::new(
            &PLACEHOLDER_VALUE,
            vec![
                (with_props(good_props()), Profile::Certified),
                // A fictional sample address is not a template placeholder.
                contact(json!({"name": "Jane Doe", "email": "jane.doe@example.com"})),
            ],
            vec![
                fail((
                    with_props(with(
                        json!({"publisher": "Publisher name", "stackOwner": " service owner name "}),
                    )),
                    Profile::IndependentPublisher,
                ))
                .at(["/properties/publisher", "/properties/stackOwner"]),
                fail(contact(
                    json!({"name": "Publisher name", "email": "Support@Example.com", "url": "https://www.contoso.com"}),
                ))
                .at(["/info/contact/name", "/info/contact/email"]),
            ],
        )
        .test();
        // Custom connectors are never sent to Microsoft.
        assert!(!PLACEHOLDER_VALUE.profiles.contains(Profile::Custom));
    }
}
