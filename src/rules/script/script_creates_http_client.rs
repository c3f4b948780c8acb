use super::*;

static NEW_HTTP_CLIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bnew\s+(System\.Net\.Http\.)?HttpClient\s*\(").expect("valid regex")
});

pub static SCRIPT_CREATES_HTTP_CLIENT: Rule = Rule {
    code: "ScriptCreatesHttpClient",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Script,
    summary: "script.csx creates its own HttpClient",
    explanation: "Scripts should send requests with `this.Context.SendAsync(...)`, which goes \
through the connector's authentication and policies. Microsoft documents that creating an \
`HttpClient` yourself is discouraged and may be blocked.\n\nBad: `var client = new \
HttpClient();`  Good: `await this.Context.SendAsync(request, this.CancellationToken)`",
    source: WC,
    check: |cx, sink| {
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
    },
};
