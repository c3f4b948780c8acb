//! The converter's notes: what it changed, lost or needs a human for.

use std::collections::HashMap;

use crate::model::FileKind;
use crate::rules::Severity;

/// Something the converter changed, lost or needs a human for; reported like a lint finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub code: &'static str,
    pub severity: Severity,
    /// The output file the pointer is in.
    pub file: FileKind,
    pub pointer: String,
    pub message: String,
}

pub(super) fn note(code: &'static str, severity: Severity, pointer: &str, message: String) -> Note {
    Note {
        code,
        severity,
        file: FileKind::Definition,
        pointer: pointer.to_string(),
        message,
    }
}

/// At most this many notes per code; the rest are counted in one last note.
pub const NOTES_PER_CODE: usize = 20;

pub(super) fn cap_notes(notes: Vec<Note>) -> Vec<Note> {
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    let mut out = Vec::new();
    for n in notes {
        let c = seen.entry(n.code).or_default();
        *c += 1;
        if *c <= NOTES_PER_CODE {
            out.push(n);
        }
    }
    let mut extra: Vec<(&'static str, usize)> = seen
        .into_iter()
        .filter(|(_, c)| *c > NOTES_PER_CODE)
        .collect();
    extra.sort();
    for (code, c) in extra {
        // Right after the last note it summarises, at the same place in the file, so that
        // reports sorted by position print it after the findings it counts.
        let Some(last) = out.iter().rposition(|n| n.code == code) else {
            continue;
        };
        let (severity, file, pointer) = {
            let n = &out[last];
            (n.severity, n.file, n.pointer.clone())
        };
        let mut summary = note(
            code,
            severity,
            &pointer,
            format!("… and {} more {code} like the above", c - NOTES_PER_CODE),
        );
        summary.file = file;
        out.insert(last + 1, summary);
    }
    out
}
