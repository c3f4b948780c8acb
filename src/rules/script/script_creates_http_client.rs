use super::*;
use crate::rules::prelude::*;

static NEW_HTTP_CLIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bnew\s+(System\.Net\.Http\.)?HttpClient\s*\(").expect("valid regex")
});

crate::declare_code! {
    /// script.csx creates its own HttpClient
    ///
    /// ### Why
    /// Scripts should send requests with `this.Context.SendAsync(...)`, which goes through the
    /// connector's authentication and policies. Microsoft documents that creating an `HttpClient`
    /// yourself is discouraged and may be blocked.
    ///
    /// ### Example
    /// Bad: `var client = new HttpClient();`
    /// Good: `await this.Context.SendAsync(request, this.CancellationToken)`
    pub static SCRIPT_CREATES_HTTP_CLIENT: Rule {
        code: "ScriptCreatesHttpClient",
        severity: Severity::Warning,
        gate: Gate::Review,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(code) = script_code(cx) else {
        return;
    };
    for m in NEW_HTTP_CLIENT.find_iter(&code.0) {
        sink.emit_at_offset(
            FileKind::Script,
            m.start(),
            "use this.Context.SendAsync instead of a new HttpClient",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn new_http_client() {
        let text = format!("{GOOD}\nclass X {{ void F() {{ var client = new HttpClient(); }} }}");
        let c = with_script(&text);
        Tester::new(
            &SCRIPT_CREATES_HTTP_CLIENT,
            vec![
                // GOOD mentions `new HttpClient()` only in a comment.
                (with_script(GOOD), Profile::Custom),
            ],
            vec![fail((c, Profile::Custom)).count(1).then(|f| {
                assert!(f[0].line > 10);
                assert_eq!(
                    f[0].message,
                    "use this.Context.SendAsync instead of a new HttpClient"
                );
            })],
        )
        .test();
    }
}
