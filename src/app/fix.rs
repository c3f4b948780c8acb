//! `lint --fix`: apply the safe fixes ([`crate::fix`]) to the findings each connector's own
//! configuration keeps, each file written atomically.

use crate::config::Effective;
use crate::core::Profile;
use crate::fsx;
use crate::model::FileKind;
use crate::model::discover::Target;
use crate::{fix, rules, suppress};

/// Fix every target with its profile and configuration: a rule turned off in `connkit.toml`,
/// or a finding suppressed there or by `x-connkit-ignore`, is not fixed. Returns false when a
/// file could not be read or written (the run then fails whatever the lint finds).
pub(crate) fn fix_targets<'a>(
    targets: impl IntoIterator<Item = (&'a Target, Profile, &'a Effective)>,
    say: super::Say<'_>,
) -> bool {
    let mut ok = true;
    for (target, profile, eff) in targets {
        let connector = target.load();
        let mut findings = rules::lint(&connector, profile, &eff.options);
        let mut sups = eff.ignores.clone();
        sups.extend(suppress::inline(&connector));
        suppress::apply(&mut findings, &sups);
        for kind in [FileKind::Definition, FileKind::Properties] {
            let Some(df) = connector.data_file(kind) else {
                continue;
            };
            let name = connector.file_name(kind);
            let list: Vec<(&str, &str)> = findings
                .iter()
                .filter(|f| f.file == name && fix::find(f.code).is_some())
                .map(|f| (f.code, f.pointer.as_str()))
                .collect();
            if list.is_empty() {
                continue;
            }
            let bytes = match fsx::read_in_folder(&df.path, fsx::MAX_TEXT_BYTES) {
                Ok(b) => b,
                Err(e) => {
                    say(&format!("error: cannot read {}: {e}", df.path.display()));
                    ok = false;
                    continue;
                }
            };
            match fix::fix_bytes(&bytes, &list) {
                Some((new, n)) => match fsx::rewrite(&df.path, &new) {
                    Ok(()) => say(&format!("fixed {n} finding(s) in {}", df.path.display())),
                    Err(e) => {
                        say(&format!("error: cannot write {e}"));
                        ok = false;
                    }
                },
                None if !df.issues.is_empty() => say(&format!(
                    "note: {} not fixed: it has syntax problems",
                    df.path.display()
                )),
                None => {}
            }
        }
    }
    ok
}
