//! Security definitions and requirements, old against new.

use super::*;

impl<'a> Comparer<'a> {
    pub(super) fn security(&mut self) {
        let defs = |v: &'a Value| -> Vec<(&'a String, &'a Value)> {
            v.get("securityDefinitions")
                .and_then(Value::as_object)
                .map(|m| m.iter().collect())
                .unwrap_or_default()
        };
        let (od, nd) = (defs(self.old.root), defs(self.new.root));
        let kind = |v: &Value| -> String {
            let t = s(v.get("type")).unwrap_or("?");
            match s(v.get("flow")) {
                Some(f) if t == "oauth2" => format!("oauth2 ({f})"),
                _ => t.to_string(),
            }
        };
        let ptr = |name: &str| join("/securityDefinitions", name);
        match (od.is_empty(), nd.is_empty()) {
            (true, true) => {}
            (false, true) => self.emit(
                &r::SECURITY_DEFINITION_REMOVED,
                Some("/securityDefinitions".into()),
                None,
                "securityDefinitions removed: the connector no longer has authentication".into(),
            ),
            (true, false) => self.emit(
                &r::SECURITY_DEFINITION_ADDED,
                None,
                Some("/securityDefinitions".into()),
                format!(
                    "authentication added ({})",
                    nd.iter()
                        .map(|(_, v)| kind(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            (false, false) => {
                let ok: BTreeSet<String> = od.iter().map(|(_, v)| kind(v)).collect();
                let nk: BTreeSet<String> = nd.iter().map(|(_, v)| kind(v)).collect();
                if let (true, Some(&(on, ov)), Some(&first_new)) =
                    (ok != nk, od.first(), nd.first())
                {
                    let (nn, nv) = nd
                        .iter()
                        .find(|(k, _)| *k == on)
                        .copied()
                        .unwrap_or(first_new);
                    self.emit(
                        &r::AUTHENTICATION_TYPE_CHANGED,
                        Some(
                            join(&ptr(on), if ov.get("type").is_some() { "type" } else { "" })
                                .trim_end_matches('/')
                                .to_string(),
                        ),
                        Some(
                            join(&ptr(nn), if nv.get("type").is_some() { "type" } else { "" })
                                .trim_end_matches('/')
                                .to_string(),
                        ),
                        format!(
                            "authentication type changed from {} to {}",
                            ok.into_iter().collect::<Vec<_>>().join(", "),
                            nk.into_iter().collect::<Vec<_>>().join(", ")
                        ),
                    );
                }
                for (name, ov) in &od {
                    if let Some((_, nv)) = nd.iter().find(|(k, _)| k == name) {
                        let sc = |v: &Value| -> BTreeSet<String> {
                            v.get("scopes")
                                .and_then(Value::as_object)
                                .map(|m| m.keys().cloned().collect())
                                .unwrap_or_default()
                        };
                        let (a, b) = (sc(ov), sc(nv));
                        if a != b {
                            let removed: Vec<_> = a.difference(&b).cloned().collect();
                            let added: Vec<_> = b.difference(&a).cloned().collect();
                            self.emit(
                                &r::OAUTH_SCOPES_CHANGED,
                                Some(join(&ptr(name), "scopes")),
                                Some(join(&ptr(name), "scopes")),
                                format!(
                                    "OAuth scopes of '{name}' changed (removed: [{}], added: [{}])",
                                    removed.join(", "),
                                    added.join(", ")
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}
