//! Naming conventions of connectors, shared by the rules that check them and the converter and
//! fixes that apply them: PascalCase operationIds, Title Case display names, sentence-case
//! summaries.

/// Split an identifier or phrase into words (separators, camelCase and digit boundaries).
pub(crate) fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = if i > 0 {
            chars.get(i - 1).copied()
        } else {
            None
        };
        let next = chars.get(i + 1).copied();
        let boundary = match prev {
            Some(p) if p.is_alphanumeric() => {
                (p.is_lowercase() && c.is_uppercase())
                    || (p.is_uppercase()
                        && c.is_uppercase()
                        && next.is_some_and(|n| n.is_lowercase()))
            }
            _ => false,
        };
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

const ACRONYMS: &[&str] = &[
    "id", "url", "uri", "api", "ip", "html", "json", "xml", "http", "https", "sms", "utc", "uuid",
    "sku", "csv", "pdf",
];

/// `get_user-byID` → `GetUserByID`. Starts with a letter; ASCII letters and digits only.
pub(crate) fn pascal_case(s: &str) -> String {
    let mut out: String = words(s)
        .iter()
        .map(|w| cap(w))
        .collect::<String>()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if out.is_empty() {
        out.push_str("Operation");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "Op");
    }
    out
}

/// `petId` → `Pet ID`, `created_at` → `Created At`.
pub(crate) fn title_case(s: &str) -> String {
    let t = words(s)
        .iter()
        .map(|w| {
            if ACRONYMS.contains(&w.to_lowercase().as_str()) {
                w.to_uppercase()
            } else {
                cap(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    clamp(&t, 80)
}

/// `GetPetsByPetId` → `Get pets by pet ID`.
pub(crate) fn sentence_case(s: &str) -> String {
    let ws = words(s);
    let mut parts = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let lw = w.to_lowercase();
        if ACRONYMS.contains(&lw.as_str()) {
            parts.push(w.to_uppercase());
        } else if i == 0 {
            parts.push(cap(&lw));
        } else if w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) && w.len() > 1 {
            parts.push(w.clone());
        } else {
            parts.push(lw);
        }
    }
    parts.join(" ")
}

/// Cut at a word boundary to at most `max` characters.
pub(crate) fn clamp(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    }
}

/// An operation summary as connectors want it: letters, digits, spaces and parentheses only,
/// at most 80 characters, ending with a letter or digit.
pub(crate) fn clean_summary(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '(' || c == ')' {
            out.push(c);
        } else if c == '\'' || c == '\u{2019}' {
            // "don't" → "dont" reads better than "don t"
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let mut out = clamp(out.trim(), 80);
    loop {
        let t = out
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        // Parentheses must stay balanced after trimming.
        let balanced = t.matches('(').count() == t.matches(')').count();
        if balanced || t.is_empty() {
            out = t;
            break;
        }
        out = t.replace(['(', ')'], " ");
        out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// PascalCase as Microsoft's coding standards want it (`GetTask`, `GetTask_V2`): an ASCII
/// capital, then letters and digits, with an optional `_V<n>` revision suffix.
pub(crate) fn is_pascal_id(id: &str) -> bool {
    let main = match id.rsplit_once('_') {
        Some((m, v))
            if v.len() > 1
                && v.starts_with(['V', 'v'])
                && v[1..].chars().all(|c| c.is_ascii_digit()) =>
        {
            m
        }
        _ => id,
    };
    main.starts_with(|c: char| c.is_ascii_uppercase())
        && main.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_operation_ids() {
        for ok in ["GetTask", "GetTask_V2", "A1"] {
            assert!(is_pascal_id(ok), "{ok}");
        }
        for bad in [
            "getTask", "Get_Task", "GetTask_", "Get-Task", "", "_V2", "Ünï",
        ] {
            assert!(!is_pascal_id(bad), "{bad}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(pascal_case("get-users_by id"), "GetUsersById");
        assert_eq!(pascal_case("listPets"), "ListPets");
        assert_eq!(pascal_case("2fa.enable"), "Op2faEnable");
        assert_eq!(pascal_case("--"), "Operation");
        assert_eq!(title_case("petId"), "Pet ID");
        assert_eq!(title_case("created_at"), "Created At");
        assert_eq!(sentence_case("GetPetsByPetId"), "Get pets by pet ID");
        assert_eq!(clean_summary("Get a pet / by id?  "), "Get a pet by id");
        assert_eq!(clean_summary("Don't list (all)."), "Dont list all");
        assert_eq!(clean_summary("List (all) tasks"), "List (all) tasks");
        assert!(clean_summary(&"word ".repeat(40)).chars().count() <= 80);
        assert_eq!(clean_summary("Create (beta"), "Create beta");
    }
}
