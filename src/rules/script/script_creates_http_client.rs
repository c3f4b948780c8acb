use super::*;
use crate::rules::prelude::*;

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
    ///
    /// ### Evidence
    /// A **warning**: a recommendation of Microsoft's custom-code documentation; no merged
    /// script creates one.
    pub(crate) static SCRIPT_CREATES_HTTP_CLIENT: Rule {
        code: "ScriptCreatesHttpClient",
        severity: Severity::Warning,
        gate: Gate::Review,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    for c in &s.0.creations {
        if c.path == "HttpClient" || c.path.ends_with(".HttpClient") {
            sink.emit_at_offset(
                FileKind::Script,
                c.offset,
                "use this.Context.SendAsync instead of a new HttpClient",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn new_http_client() {
        Tester::new(
            &SCRIPT_CREATES_HTTP_CLIENT,
            vec![
                // GOOD mentions `new HttpClient()` only in a comment.
                script(GOOD),
                // A new request is not a new client.
                script(&good_with(
                    "var m = new HttpRequestMessage(HttpMethod.Get, \"https://x\");",
                )),
            ],
            vec![
                fail(script(&good_with(
                    "using (var client = new System.Net.Http.HttpClient()) { }",
                )))
                .count(1)
                .then(|f| {
                    assert_eq!(f[0].line, 14, "{f:?}");
                    assert_eq!(
                        f[0].message,
                        "use this.Context.SendAsync instead of a new HttpClient"
                    );
                }),
            ],
        )
        .test();
    }
}
