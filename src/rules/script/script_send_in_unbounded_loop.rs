use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx sends requests in a loop with no fixed bound (`while`, `do`, `for(;;)`)
    ///
    /// ### Why
    /// Each request takes time out of the 5-second limit of custom code. A loop whose number
    /// of rounds depends on the service's answers (paging until no next page, polling until a
    /// job ends) can run past the limit, and the call fails. Bound the rounds (a counter, a
    /// deadline from a `Stopwatch`), or let the flow page or poll (`x-ms-pageable`, the
    /// asynchronous pattern with 202 and `Location`).
    ///
    /// ### Example
    /// Bad: `while (next != null) { var r = await this.Context.SendAsync(req, this.CancellationToken); … }`
    /// Good: `for (var page = 0; page < 3 && next != null; page++) { … }`
    ///
    /// ### Evidence
    /// A **warning**: such scripts compile and often finish in time (ForceManager CRM pages
    /// with a `while` loop in 4 merged versions, the only merged script it fires on). Reported once per loop, at the innermost
    /// `while`/`do`/`for` without a condition around the request; `foreach` and `for` with a
    /// condition are taken as bounded.
    pub(crate) static SCRIPT_SEND_IN_UNBOUNDED_LOOP: Rule {
        code: "ScriptSendInUnboundedLoop",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    let Some(script) = cx.connector.script.as_ref() else {
        return;
    };
    for l in &s.0.loops {
        if let Some(&first) = l.sends.first() {
            let line = script.lines().line_col(&script.text, first).line;
            sink.emit_at_offset(
                FileKind::Script,
                l.offset,
                format!(
                    "this `{}` loop sends requests (line {line}) with no fixed bound on its rounds: together they must finish within 5 seconds",
                    l.kind
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

    #[test]
    fn paging_and_polling_loops() {
        let mut pass = vec![script(GOOD)];
        // Bounded loops, and an unbounded one that sends nothing.
        for text in [
            "foreach (var id in ids) { await this.Context.SendAsync(null, default); }",
            "for (var i = 0; i < 3; i++) { await this.Context.SendAsync(null, default); }",
            "while (more) { more = Next(); }",
        ] {
            pass.push(script(&good_with(text)));
        }
        Tester::new(
            &SCRIPT_SEND_IN_UNBOUNDED_LOOP,
            pass,
            vec![
                fail(script(&good_with(
                    "while (true) { var r = await this.Context.SendAsync(this.Context.Request, this.CancellationToken); if (r.IsSuccessStatusCode) break; }",
                )))
                .count(1)
                .then(|f| {
                    assert_eq!((f[0].line, f[0].column), (14, 9), "{f:?}");
                    assert!(f[0].message.contains("line 14"), "{f:?}");
                }),
                // Nested: reported once, at the innermost unbounded loop.
                fail(script(&good_with(
                    "do { foreach (var x in items) { await this.Context.SendAsync(null, default); } } while (more);",
                )))
                .count(1),
            ],
        )
        .test();
    }
}
