use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx waits 5 seconds or more (`Thread.Sleep`, `Task.Delay`), past the custom-code time limit
    ///
    /// ### Why
    /// Custom code must finish within 5 seconds per call; the platform stops it after that and
    /// the operation fails. A constant wait of 5 seconds or more fails every call that reaches
    /// it.
    ///
    /// ### Example
    /// Bad: `Thread.Sleep(6000);` or `await Task.Delay(TimeSpan.FromSeconds(10));`
    /// Good: no wait in the script; let the flow retry (a 429/503 with `Retry-After`)
    ///
    /// ### Evidence
    /// A **warning**: the script compiles and the wait may sit on a rare path, but when reached
    /// the call fails (the platform's 5-second limit, documented by Microsoft; connectors were
    /// rewritten in 2024 to fit it, PR #3217). No merged script waits this long. Only constant
    /// durations are known to the parser: an integer in milliseconds, `TimeSpan.FromSeconds(…)`
    /// and friends, `new TimeSpan(h, m, s)`.
    pub(crate) static SCRIPT_DELAY_EXCEEDS_LIMIT: Rule {
        code: "ScriptDelayExceedsLimit",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

/// The custom-code time limit, in milliseconds.
pub(crate) const LIMIT_MS: i64 = 5_000;

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    for i in &s.0.invocations {
        let waits = ["Thread.Sleep", "Task.Delay"]
            .iter()
            .any(|w| i.callee == *w || i.callee.ends_with(&format!(".{w}")));
        if !waits {
            continue;
        }
        if let Some(Some(ms)) = i.millis.first()
            && *ms >= LIMIT_MS
        {
            sink.emit_at_offset(
                FileKind::Script,
                i.offset,
                format!(
                    "`{}` waits {ms} ms; custom code must finish within 5 seconds, so every call that gets here fails",
                    i.callee
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
    fn waits_over_the_limit() {
        let mut pass = vec![script(GOOD)];
        // Short waits, and waits whose length is not known.
        for wait in [
            "Thread.Sleep(100);",
            "await Task.Delay(TimeSpan.FromSeconds(4.5));",
            "await Task.Delay(delay);",
            "await Task.Delay(1000, this.CancellationToken);",
        ] {
            pass.push(script(&good_with(wait)));
        }
        let mut fails = vec![
            fail(script(&good_with("Thread.Sleep(6000);")))
                .count(1)
                .then(|f| {
                    assert_eq!((f[0].line, f[0].column), (14, 9), "{f:?}");
                    assert!(f[0].message.contains("6000 ms"), "{f:?}");
                }),
        ];
        for wait in [
            "await Task.Delay(TimeSpan.FromSeconds(10));",
            "await Task.Delay(5 * 1000);",
            "await System.Threading.Tasks.Task.Delay(new TimeSpan(0, 0, 7));",
            "await Task.Delay(TimeSpan.FromMinutes(0.5));",
        ] {
            fails.push(fail(script(&good_with(wait))).count(1));
        }
        Tester::new(&SCRIPT_DELAY_EXCEEDS_LIMIT, pass, fails).test();
    }
}
