use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template instance names a template that does not exist
    ///
    /// ### Why
    /// `templateId` must be one of the documented policy templates: convertarraytoobject,
    /// convertobjecttoarray, dynamichosturl, encodepropertyvalue, pollingtrigger,
    /// routerequesttoendpoint, setheader, setproperty, setqueryparameter, setvaluefromurl,
    /// stringreplace, stringtoarray, updatenextlink (the documented casings are accepted).
    /// Templates Microsoft uses internally (`dynamicsubdomain`, `moveproperties`,
    /// `setconnectionstatustounauthenticated`) appear in some certified connectors but are not
    /// documented; they are reported as a warning.
    pub static POLICY_TEMPLATE_UNKNOWN: Rule {
        code: "PolicyTemplateUnknown",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Properties,
        source: POL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, inst) in instances(cx) {
        let Some(id) = str_at(inst, "templateId") else {
            continue;
        };
        if template(id).is_some() {
            continue;
        }
        let tp = join(&ptr, "templateId");
        if INTERNAL_TEMPLATES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(id))
        {
            sink.emit_with(
                Severity::Warning,
                FileKind::Properties,
                tp,
                format!("'{id}' is an undocumented (Microsoft-internal) policy template"),
            );
        } else {
            sink.emit(tp, format!("'{id}' is not a known policy template"));
        }
    }
}
