use super::*;

pub static PATH_REDEFINED: Rule = Rule {
    code: "PathRedefined",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some(
        "The path '{0}' is defined multiple times with different capitalization. Paths must be unique when compared case-insensitively.",
    ),
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two path keys differ only in letter case",
    explanation: "The platform treats paths case-insensitively, so `/Items` and `/items` are the \
same path defined twice. Merge their operations under one key.",
    source: SV,
    check: |cx, sink| {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (p, _) in paths(cx) {
            if let Some(prev) = seen.get(&p.to_lowercase()) {
                sink.emit(join("/paths", p), format!("path '{p}' is defined multiple times with different capitalization ('{prev}')"));
            } else {
                seen.insert(p.to_lowercase(), p);
            }
        }
    },
};
