use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than two connector categories
    ///
    /// ### Why
    /// A connector may be listed under at most two categories. Keep the two that describe it best.
    pub static TOO_MANY_CONNECTOR_CATEGORIES: Rule {
        code: "TooManyConnectorCategories",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some((ptr, list)) = categories(cx)
        && list.len() > MAX_CATEGORIES
    {
        sink.emit(
            ptr,
            format!(
                "{} categories are listed; at most {MAX_CATEGORIES} are allowed",
                list.len()
            ),
        );
    }
}
