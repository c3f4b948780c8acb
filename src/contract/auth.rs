//! Connection values (`--connection NAME=VALUE`) and the connector's authentication.
//!
//! A value is given literally (`api_key=abc`: it then lands in shell history, so connkit warns
//! for a secret), from an environment variable (`api_key=@env:CONTOSO_KEY`) or from one line
//! of stdin (`api_key=@stdin`; each `@stdin` reads the next line). Authentication follows the
//! definition's `securityDefinitions` (the scheme `security` names first, else the first one):
//! `apiKey` in a header or the query under its `name`, from the connection parameter `api_key`
//! (or the one named like the security definition, or like the header); `basic` from
//! `username` and `password`; `oauth2` as `Authorization: Bearer` from `token`.
//!
//! Every secret value is registered with [`crate::safe::register_secret`] — raw, and in its
//! percent-, JSON- and base64-encoded forms, and the whole `Basic …` credential — so that no
//! output, error or recording shows it, even when a server echoes it back.

use serde_json::Value;

/// Where a connection value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    Literal(String),
    Env(String),
    Stdin,
}

/// The environment variable `--connection NAME` (no value) reads, in `connkit test` and
/// `connkit request` alike: `CONNKIT_CONNECTION_` and the name upper-cased, other characters
/// as `_`.
pub(crate) fn connection_env(name: &str) -> String {
    let upper: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("CONNKIT_CONNECTION_{upper}")
}

/// Parse one `--connection` argument: `NAME=VALUE`, `NAME=@env:VAR`, `NAME=@stdin`, and as
/// `connkit request` takes them, `NAME` alone (the variable [`connection_env`] names) and
/// `NAME=-` (stdin).
pub(crate) fn parse_arg(arg: &str) -> Result<(String, Source), String> {
    let Some((name, value)) = arg.split_once('=') else {
        let name = arg.trim();
        if name.is_empty() {
            return Err(
                "--connection takes NAME=VALUE, NAME=@env:VARIABLE, NAME=@stdin or NAME".into(),
            );
        }
        return Ok((name.to_string(), Source::Env(connection_env(name))));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err("--connection: the connection parameter name is empty".into());
    }
    let source = if value == "@stdin" || value == "-" {
        Source::Stdin
    } else if let Some(var) = value.strip_prefix("@env:") {
        if var.is_empty() {
            return Err(format!("--connection {name}=@env: names no variable"));
        }
        Source::Env(var.to_string())
    } else {
        Source::Literal(value.to_string())
    };
    Ok((name.to_string(), source))
}

/// Names whose values are credentials whatever apiProperties says.
const SECRET_NAMES: [&str; 8] = [
    "api_key",
    "apikey",
    "key",
    "password",
    "token",
    "secret",
    "client_secret",
    "access_token",
];

/// The connection's values, by connection parameter name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Connection {
    values: Vec<(String, String)>,
}

/// Standard base64 (with padding) of bytes. Hand-written: a dozen lines, and the `base64`
/// crate is only in the tree through reqwest's optional features.
pub(crate) fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Register a secret and its base64 forms (standard and URL-safe, padded or not).
pub(crate) fn register(secret: &str) {
    crate::safe::register_secret(secret);
    let b = base64(secret.as_bytes());
    let url_safe = b.replace('+', "-").replace('/', "_");
    for form in [
        b.trim_end_matches('=').to_string(),
        b,
        url_safe.trim_end_matches('=').to_string(),
    ] {
        crate::safe::register_secret(&form);
    }
}

/// Whether the connection parameter `name` holds a credential: its apiProperties type says
/// so (`securestring`, `oauthSetting`), or its name does.
pub(crate) fn is_secret(properties: Option<&Value>, name: &str) -> bool {
    let declared = properties
        .and_then(|p| p.pointer("/properties/connectionParameters"))
        .and_then(|c| c.get(name))
        .and_then(|c| c.get("type"))
        .and_then(Value::as_str);
    matches!(declared, Some("securestring" | "oauthSetting"))
        || SECRET_NAMES.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// The security definition that applies: the first named by `security`, else the first.
fn scheme(root: &Value) -> Option<(&str, &Value)> {
    let defs = root.get("securityDefinitions")?.as_object()?;
    let named = root
        .get("security")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(Value::as_object)
        .and_then(|m| m.keys().next())
        .and_then(|k| defs.get_key_value(k));
    named
        .or_else(|| defs.iter().next())
        .map(|(k, v)| (k.as_str(), v))
}

impl Connection {
    /// Values by name; secrets (see [`is_secret`]) registered for redaction, and a basic
    /// credential as a whole.
    pub(crate) fn new(
        values: Vec<(String, String)>,
        properties: Option<&Value>,
        root: &Value,
    ) -> Self {
        let c = Connection { values };
        for (name, v) in &c.values {
            if is_secret(properties, name) || c.auth_names(root).contains(&name.as_str()) {
                register(v);
            }
        }
        if let (Some(u), Some(p)) = (c.get("username"), c.get("password")) {
            register(&format!("{u}:{p}"));
        }
        c
    }

    /// A secret value connkit could not hide in its output: one shorter than
    /// [`crate::safe::MIN_SECRET_LEN`] (replacing every occurrence of two or three characters
    /// would garble the output, so such values are not registered). The sessions refuse to
    /// run with one, naming it; no real key, token or password is that short.
    pub(crate) fn unredactable(&self, properties: Option<&Value>, root: &Value) -> Option<String> {
        self.values
            .iter()
            .find(|(name, v)| {
                (is_secret(properties, name) || self.auth_names(root).contains(&name.as_str()))
                    && !v.is_empty()
                    && v.chars().count() < crate::safe::MIN_SECRET_LEN
            })
            .map(|(name, _)| {
                format!(
                    "--connection {name}: a secret shorter than {} characters cannot be kept \
                     out of the output; connkit refuses it",
                    crate::safe::MIN_SECRET_LEN
                )
            })
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .or_else(|| {
                self.values
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
            })
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn values(&self) -> &[(String, String)] {
        &self.values
    }

    /// The connection parameters the authentication reads.
    fn auth_names(&self, root: &Value) -> Vec<&'static str> {
        match scheme(root)
            .and_then(|(_, d)| d.get("type"))
            .and_then(Value::as_str)
        {
            Some("apiKey") => vec!["api_key"],
            Some("basic") => vec!["password"],
            Some("oauth2") => vec!["token"],
            _ => vec![],
        }
    }

    /// What is missing for the authentication, in words (`None`: nothing, or no auth).
    pub(crate) fn missing(&self, root: &Value) -> Option<String> {
        let (_, def) = scheme(root)?;
        match def.get("type").and_then(Value::as_str)? {
            "apiKey" if self.get("api_key").is_none() => Some(
                "the API key is not set: give --connection api_key=@env:VARIABLE (or @stdin)".into(),
            ),
            "basic" if self.get("username").is_none() || self.get("password").is_none() => Some(
                "basic authentication is not set: give --connection username=… and --connection password=@env:VARIABLE".into(),
            ),
            "oauth2" if self.get("token").is_none() => Some(
                "the OAuth2 token is not set: give --connection token=@env:VARIABLE".into(),
            ),
            _ => None,
        }
    }

    /// Header names and query names that carry a credential (redacted in recordings).
    pub(crate) fn credential_names(&self, root: &Value) -> (Vec<String>, Vec<String>) {
        let mut headers = vec![
            "authorization".to_string(),
            "proxy-authorization".to_string(),
            "cookie".to_string(),
            "set-cookie".to_string(),
        ];
        let mut query = vec![
            "sig".to_string(),
            "code".to_string(),
            "access_token".to_string(),
        ];
        if let Some(defs) = root.get("securityDefinitions").and_then(Value::as_object) {
            for d in defs.values() {
                if d.get("type").and_then(Value::as_str) == Some("apiKey")
                    && let Some(n) = d.get("name").and_then(Value::as_str)
                {
                    if d.get("in").and_then(Value::as_str) == Some("query") {
                        query.push(n.to_ascii_lowercase());
                    } else {
                        headers.push(n.to_ascii_lowercase());
                    }
                }
            }
        }
        (headers, query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn connection_arguments() {
        assert_eq!(
            parse_arg("api_key=abc=d").unwrap(),
            ("api_key".into(), Source::Literal("abc=d".into()))
        );
        assert_eq!(
            parse_arg("token=@env:TOK").unwrap(),
            ("token".into(), Source::Env("TOK".into()))
        );
        assert_eq!(
            parse_arg("password=@stdin").unwrap(),
            ("password".into(), Source::Stdin)
        );
        assert_eq!(
            parse_arg("password=-").unwrap(),
            ("password".into(), Source::Stdin)
        );
        assert_eq!(
            parse_arg("api_key").unwrap(),
            (
                "api_key".into(),
                Source::Env("CONNKIT_CONNECTION_API_KEY".into())
            )
        );
        assert_eq!(connection_env("my-key"), "CONNKIT_CONNECTION_MY_KEY");
        assert!(parse_arg(" ").is_err());
        assert!(parse_arg("=x").is_err());
        assert!(parse_arg("k=@env:").is_err());
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn secrets_are_registered_and_missing_credentials_named() {
        let root = json!({"securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "X-Key"}}});
        let c = Connection::new(
            vec![("api_key".into(), "auth-apply-key-1".into())],
            None,
            &root,
        );
        assert!(c.missing(&root).is_none());
        assert_eq!(crate::safe::redact("echo auth-apply-key-1"), "echo ***");
        let b64 = base64(b"auth-apply-key-1");
        assert!(!crate::safe::redact(&b64).contains(b64.trim_end_matches('=')));
        let (headers, _) = c.credential_names(&root);
        assert!(headers.contains(&"x-key".to_string()));
        let root = json!({"securityDefinitions": {"b": {"type": "basic"}}});
        let _ = Connection::new(
            vec![
                ("username".into(), "ann".into()),
                ("password".into(), "pw-auth-2".into()),
            ],
            None,
            &root,
        );
        let basic = base64(b"ann:pw-auth-2");
        assert!(!crate::safe::redact(&format!("Basic {basic}")).contains(&basic));
        // A secret too short to redact is named; a long one, or a short non-secret, is not.
        let key = json!({"securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "X-Key"}}});
        let short = Connection::new(vec![("api_key".into(), "abc".into())], None, &key);
        assert!(
            short
                .unredactable(None, &key)
                .is_some_and(|m| m.contains("api_key"))
        );
        let region = Connection::new(vec![("region".into(), "eu".into())], None, &key);
        assert!(region.unredactable(None, &key).is_none());
        // A region is not a secret; a securestring is, whatever its name.
        let props = json!({"properties": {"connectionParameters": {"region": {"type": "string"}, "tenantKey": {"type": "securestring"}}}});
        assert!(!is_secret(Some(&props), "region"));
        assert!(is_secret(Some(&props), "tenantKey"));
        let root = json!({"securityDefinitions": {"o": {"type": "oauth2", "flow": "accessCode"}}});
        assert!(Connection::default().missing(&root).is_some());
    }
}
