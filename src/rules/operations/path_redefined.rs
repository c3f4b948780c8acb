use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two path keys differ only in letter case
    ///
    /// ### Why
    /// The platform treats paths case-insensitively, so `/Items` and `/items` are the same path
    /// defined twice. Merge their operations under one key.
    pub static PATH_REDEFINED: Rule {
        code: "PathRedefined",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The path '{0}' is defined multiple times with different capitalization. Paths must be unique when compared case-insensitively."),
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (p, _) in paths(cx) {
        if let Some(prev) = seen.get(&p.to_lowercase()) {
            sink.emit(
                join("/paths", p),
                format!(
                    "path '{p}' is defined multiple times with different capitalization ('{prev}')"
                ),
            );
        } else {
            seen.insert(p.to_lowercase(), p);
        }
    }
}
