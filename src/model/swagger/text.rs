//! Strings of a definition with a grammar of their own: media types and path templates.

/// A media type's essence: without parameters (`; charset=…`), trimmed, lower-case.
pub(crate) fn mime_essence(m: &str) -> String {
    m.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The `{variables}` of a path template, or an error message when braces are unbalanced.
pub(crate) fn template_variables(path: &str) -> Result<Vec<&str>, String> {
    let mut vars = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err("a '}' has no matching '{'".into());
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find(['{', '}', '/']) else {
            return Err("a '{' is not closed".into());
        };
        match after.as_bytes()[close] {
            b'}' => {
                let v = &after[..close];
                if v.is_empty() {
                    return Err("an empty '{}' variable".into());
                }
                vars.push(v);
                rest = &after[close + 1..];
            }
            b'/' => {
                return Err(format!(
                    "variable '{{{}' spans more than one segment",
                    &after[..close]
                ));
            }
            _ => return Err("nested '{'".into()),
        }
    }
    Ok(vars)
}

/// `/a/{x}/b` → `/a/{}/b`, for comparing templates regardless of variable names (used by
/// `DuplicateOperationPath` and by `convert` to drop operations that would collide).
pub(crate) fn path_shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_var = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_var = true;
                out.push_str("{}");
            }
            '}' => in_var = false,
            _ if !in_var => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    // A trailing slash is kept: the platform routes `/a/` and `/a` as different paths
    // (SignatureAPI, certified in 2024, defines both).
    out
}
