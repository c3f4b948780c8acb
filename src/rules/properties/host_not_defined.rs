use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The definition has no `host` and no `dynamichosturl` policy sets one
    ///
    /// ### Why
    /// Requests go to the definition's `host` unless a `dynamichosturl` policy template builds the
    /// URL per connection (for services with one host per customer). Without either, the platform
    /// has nowhere to send requests. When `dynamichosturl` is used, keep a placeholder `host`
    /// anyway: tools and the wizard expect one.
    pub static HOST_NOT_DEFINED: Rule {
        code: "HostNotDefined",
        severity: Severity::Warning,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: POL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(def) = cx.connector.definition_value().filter(|d| d.is_object()) else {
        return;
    };
    if cx.connector.single_file || def.get("host").is_some() {
        return;
    }
    let dynamic = instances(cx).iter().any(|(_, i)| {
        str_at(i, "templateId").is_some_and(|t| t.eq_ignore_ascii_case("dynamichosturl"))
    });
    if !dynamic {
        sink.emit(
                "",
                "no 'host' in the definition and no dynamichosturl policy template in apiProperties.json",
            );
    }
}
