use super::*;
use crate::rules::prelude::*;

pub(super) static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
        .expect("valid regex")
});

crate::declare_code! {
    /// `info.contact.email` is not a valid e-mail address
    ///
    /// ### Why
    /// The contact e-mail is the support mailbox shown to users and used by Microsoft. It must be
    /// one plain ASCII address (`name@domain.tld`): no display name, no `mailto:`, no list of
    /// addresses.
    ///
    /// ### Example
    /// Bad: `"email": "mailto:support@contoso.com"`
    /// Good: `"email": "support@contoso.com"`
    pub(crate) static CONTACT_EMAIL_NOT_VALID: Rule {
        code: "ContactEmailNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(email) = info(cx)
        .and_then(|i| i.get("contact"))
        .and_then(|c| c.get("email"))
    else {
        return;
    };
    match email.as_str() {
        Some(s) if s.trim().is_empty() => {} // RequiredValueEmpty
        Some(s) if valid_email(s) => {}
        Some(s) => sink.emit(
            "/info/contact/email",
            format!("'{s}' is not a valid e-mail address"),
        ),
        None => sink.emit("/info/contact/email", "the contact e-mail must be a string"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn contact_email() {
        let def = patch(
            cert(),
            json!({"info": {"contact": {"email": "mailto:a@b.com", "url": "www.contoso.com"}}}),
        );
        let good = patch(
            cert(),
            json!({"info": {"contact": {"email": "support@contoso.com"}}}),
        );
        Tester::new(
            &CONTACT_EMAIL_NOT_VALID,
            vec![(good, Profile::Certified)],
            vec![fail((def, Profile::Certified)).at(["/info/contact/email"])],
        )
        .test();
    }
}
