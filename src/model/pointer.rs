//! RFC 6901 JSON pointers: escaping, building and splitting.
//!
//! *For connkit's own benchmarks and tests.*

/// Escape one reference token (`~` → `~0`, `/` → `~1`).
pub(crate) fn escape(token: &str) -> std::borrow::Cow<'_, str> {
    // A byte search: `str::contains` with a `[char]` pattern decodes every character, and
    // this runs for most pointers the rules build.
    if memchr::memchr2(b'~', b'/', token.as_bytes()).is_some() {
        std::borrow::Cow::Owned(token.replace('~', "~0").replace('/', "~1"))
    } else {
        std::borrow::Cow::Borrowed(token)
    }
}

/// Unescape one reference token (`~1` → `/`, `~0` → `~`).
pub(crate) fn unescape(token: &str) -> String {
    if token.contains('~') {
        token.replace("~1", "/").replace("~0", "~")
    } else {
        token.to_string()
    }
}

/// Append a token to a pointer: `join("/paths", "/items")` → `/paths/~1items`.
pub fn join(base: &str, token: &str) -> String {
    let t = escape(token);
    let mut s = String::with_capacity(base.len() + 1 + t.len());
    s.push_str(base);
    s.push('/');
    s.push_str(&t);
    s
}

/// Append an array index.
pub fn join_index(base: &str, index: usize) -> String {
    format!("{base}/{index}")
}

/// Build a pointer from raw (unescaped) tokens.
pub(crate) fn from_tokens<I, S>(tokens: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut s = String::new();
    for t in tokens {
        s.push('/');
        s.push_str(&escape(t.as_ref()));
    }
    s
}

/// Split a pointer into unescaped tokens. `""` is the root (no tokens).
/// Returns `None` for a non-empty pointer that does not start with `/`.
pub(crate) fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(rest.split('/').map(unescape).collect())
}

/// `root.pointer(pointer)` with the same answers, without its costs: serde_json allocates two
/// strings per token and hashes each key with SipHash, several thousand instructions for a
/// `#/definitions/X` reference. Here a token is unescaped only when it holds a `~`, and small
/// objects are scanned ([`super::access::field`]).
pub(crate) fn get<'a>(root: &'a serde_json::Value, pointer: &str) -> Option<&'a serde_json::Value> {
    use serde_json::Value;
    if pointer.is_empty() {
        return Some(root);
    }
    let rest = pointer.strip_prefix('/')?;
    let mut target = root;
    for raw in rest.split('/') {
        let token: std::borrow::Cow<'_, str> = if raw.contains('~') {
            std::borrow::Cow::Owned(raw.replace("~1", "/").replace("~0", "~"))
        } else {
            std::borrow::Cow::Borrowed(raw)
        };
        target = match target {
            Value::Object(_) => super::access::field(target, &token)?,
            Value::Array(list) => {
                // serde_json's index rule: no sign, no leading zero.
                if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
                    return None;
                }
                list.get(token.parse::<usize>().ok()?)?
            }
            _ => return None,
        };
    }
    Some(target)
}

/// The parent pointer, or `None` for the root.
pub(crate) fn parent(pointer: &str) -> Option<&str> {
    if pointer.is_empty() {
        None
    } else {
        Some(pointer.rfind('/').map(|i| &pointer[..i]).unwrap_or(""))
    }
}

/// The last token (unescaped), or `None` for the root.
pub(crate) fn last_token(pointer: &str) -> Option<String> {
    if pointer.is_empty() {
        None
    } else {
        pointer.rfind('/').map(|i| unescape(&pointer[i + 1..]))
    }
}

/// The pointer of a local `$ref` (`#/definitions/Foo` → `/definitions/Foo`), decoding
/// percent-escapes as URI fragments allow. `None` for remote references.
pub(crate) fn from_local_ref(reference: &str) -> Option<String> {
    let frag = reference.strip_prefix('#')?;
    if !frag.is_empty() && !frag.starts_with('/') {
        return None;
    }
    if frag.contains('%') {
        Some(
            percent_encoding::percent_decode_str(frag)
                .decode_utf8_lossy()
                .into_owned(),
        )
    } else {
        Some(frag.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn get_answers_as_serde_json_pointer() {
        let mut big = serde_json::Map::new();
        for i in 0..40 {
            big.insert(format!("k{i}"), serde_json::json!(i));
        }
        let v = serde_json::json!({
            "a/b": {"c~d": [10, {"e": true}], "~1": 1, "/": 2},
            "": {"": 3},
            "arr": [0, 1, 2],
            "big": big,
        });
        for p in [
            "",
            "/",
            "//",
            "/a~1b",
            "/a~1b/c~0d",
            "/a~1b/c~0d/1/e",
            "/a~1b/~01",
            "/a~1b/~1",
            "/arr/0",
            "/arr/2",
            "/arr/3",
            "/arr/01",
            "/arr/+1",
            "/arr/-1",
            "/arr/x",
            "/arr/",
            "/big/k39",
            "/big/k40",
            "/nope",
            "a",
            "/a~1b/c~0d/0/x",
            "/a~2b",
            "/a~1b/c~0d/1/e/f",
        ] {
            assert_eq!(get(&v, p), v.pointer(p), "{p}");
        }
    }

    #[test]
    fn escapes_and_joins() {
        assert_eq!(join("/paths", "/items/{id}"), "/paths/~1items~1{id}");
        assert_eq!(join("", "a~b"), "/a~0b");
        assert_eq!(
            tokens("/paths/~1items~1{id}/get").unwrap(),
            vec!["paths", "/items/{id}", "get"]
        );
        assert_eq!(tokens("").unwrap(), Vec::<String>::new());
        assert!(tokens("paths").is_none());
    }

    #[test]
    fn parents_and_refs() {
        assert_eq!(parent("/a/b"), Some("/a"));
        assert_eq!(parent("/a"), Some(""));
        assert_eq!(parent(""), None);
        assert_eq!(last_token("/a/~1x"), Some("/x".to_string()));
        assert_eq!(
            from_local_ref("#/definitions/Foo").as_deref(),
            Some("/definitions/Foo")
        );
        assert_eq!(
            from_local_ref("#/definitions/A%20B").as_deref(),
            Some("/definitions/A B")
        );
        assert_eq!(from_local_ref("other.json#/x"), None);
        assert_eq!(from_local_ref("#").as_deref(), Some(""));
    }

    proptest! {
        #[test]
        fn token_round_trip(toks in proptest::collection::vec(".*", 0..6)) {
            let p = from_tokens(&toks);
            prop_assert_eq!(tokens(&p).unwrap(), toks);
        }
    }
}
