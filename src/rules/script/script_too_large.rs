use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx is larger than 1 MB
    ///
    /// ### Why
    /// Custom code is limited to 1 MB of source (and 5 seconds of run time per call). Move heavy
    /// logic to the service itself.
    ///
    /// ### Example
    /// Bad: a script.csx of more than 1,048,576 bytes (for example a large embedded lookup table)
    /// Good: the same logic in the service, called with `this.Context.SendAsync`; the script under 1 MB
    pub(crate) static SCRIPT_TOO_LARGE: Rule {
        code: "ScriptTooLarge",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    // The size on disk, or the text's when larger (an editor's unsaved text has no size).
    if let Some(s) = cx.connector.script.as_ref()
        && let size = s.size.max(s.text.len() as u64)
        && size > MAX_BYTES
    {
        sink.emit_at_offset(
            FileKind::Script,
            0,
            format!("script.csx is {size} bytes; the limit is 1 MB"),
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
    fn size_limit() {
        let mut c = with_script(GOOD);
        if let Some(s) = c.script.as_mut() {
            s.size = MAX_BYTES + 1;
        }
        Tester::new(
            &SCRIPT_TOO_LARGE,
            vec![(with_script(GOOD), Profile::Custom)],
            vec![fail((c, Profile::Custom)).count(1)],
        )
        .test();
    }

    #[test]
    fn the_message_gives_the_size_that_was_measured() {
        // An editor's unsaved text has no size on disk: the text's length is reported.
        let mut c = with_script(GOOD);
        if let Some(s) = c.script.as_mut() {
            s.size = 0;
            s.text = "x".repeat(MAX_BYTES as usize + 1);
        }
        Tester::fails(
            &SCRIPT_TOO_LARGE,
            vec![fail((c, Profile::Custom)).then(|f| {
                assert_eq!(
                    f[0].message,
                    format!("script.csx is {} bytes; the limit is 1 MB", MAX_BYTES + 1)
                );
            })],
        )
        .test();
    }
}
