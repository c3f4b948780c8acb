use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx blocks a thread: `.Result`, `.Wait()`, `.GetAwaiter().GetResult()`, `Thread.Sleep`
    ///
    /// ### Why
    /// Custom code must finish within 5 seconds, and runs on shared threads. Blocking on a
    /// task (`ReadAsStringAsync().Result`, `task.Wait()`) or sleeping holds a thread for the
    /// whole wait and can deadlock; `await` frees it. Use `await …ConfigureAwait(false)` and
    /// `await Task.Delay(…)`.
    ///
    /// ### Example
    /// Bad: `var body = this.Context.Request.Content.ReadAsStringAsync().Result;`
    /// Good: `var body = await this.Context.Request.Content.ReadAsStringAsync().ConfigureAwait(false);`
    ///
    /// ### Evidence
    /// A **warning**: the platform runs such scripts (USAJOBS was merged in 2024 with
    /// `ReadAsStringAsync().Result`, ForceManager CRM with `Thread.Sleep(100)` in 4 merged
    /// versions: 5 of the 118 merged script versions, 2 connectors). Without types, `.Result` is reported only on the result of a call to an
    /// `…Async` method (or `Task.Run`/`WhenAll`/`WhenAny`), where it is certainly a task's.
    pub(crate) static SCRIPT_BLOCKING_CALL: Rule {
        code: "ScriptBlockingCall",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    let mut found: Vec<(usize, String)> = Vec::new();
    for m in &s.0.member_accesses {
        let Some(call) = m.receiver_call.as_deref() else {
            continue;
        };
        let task = call.ends_with("Async") || matches!(call, "Run" | "WhenAll" | "WhenAny");
        if m.name == "Result" && task {
            found.push((
                m.offset,
                format!("`{call}(…).Result` blocks the thread until the task ends: use `await`"),
            ));
        } else if m.name == "GetResult" && call == "GetAwaiter" {
            found.push((
                m.offset,
                "`.GetAwaiter().GetResult()` blocks the thread until the task ends: use `await`"
                    .into(),
            ));
        }
    }
    for i in &s.0.invocations {
        let last = i.callee.rsplit('.').next().unwrap_or("");
        if last == "Wait" && i.callee.contains('.') && i.args.len() <= 2 {
            found.push((
                i.offset,
                "`.Wait()` blocks the thread until the task ends: use `await`".into(),
            ));
        } else if i.callee == "Thread.Sleep" || i.callee.ends_with(".Thread.Sleep") {
            let d = i
                .millis
                .first()
                .copied()
                .flatten()
                .map(|ms| format!(" for {ms} ms"))
                .unwrap_or_default();
            found.push((i.offset, format!("`Thread.Sleep` blocks the thread{d}: use `await Task.Delay(…)` if a pause is really needed")));
        }
    }
    found.sort();
    for (offset, message) in found {
        sink.emit_at_offset(FileKind::Script, offset, message);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn result_wait_get_result_and_sleep() {
        Tester::new(
            &SCRIPT_BLOCKING_CALL,
            vec![
                // GOOD awaits, and mentions `.Result` and `Thread.Sleep` only in a string and
                // a comment.
                script(GOOD),
                // A property named Result on something that is not a call is not a task's.
                script(&good_with(
                    "var r = json.Result; var s = parsed[\"Result\"];",
                )),
            ],
            vec![
                fail(script(&good_with(
                    "var body = this.Context.Request.Content.ReadAsStringAsync().Result;",
                )))
                .count(1)
                .then(|f| {
                    assert_eq!(f[0].line, 14, "{f:?}");
                    assert!(f[0].message.contains("ReadAsStringAsync"), "{f:?}");
                }),
                fail(script(&good_with(
                    "Task.Delay(10).Wait(); var r = this.Context.SendAsync(null, default).GetAwaiter().GetResult();",
                )))
                .count(2),
                fail(script(&good_with("System.Threading.Thread.Sleep(100);"))).then(|f| {
                    assert!(f[0].message.contains("100 ms"), "{f:?}");
                }),
            ],
        )
        .test();
    }
}
